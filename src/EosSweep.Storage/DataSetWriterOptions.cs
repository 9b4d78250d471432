using EosSweep.Core.Grid;
using EosSweep.Core.Results;
using Parquet;

namespace EosSweep.Storage;

/// <summary>How <see cref="DataSetWriter"/> lays out and compresses its part files.</summary>
public sealed record DataSetWriterOptions
{
    /// <summary>Rows per part file (default 1,000,000), rounded up to a whole number of <see cref="Batch"/>es.</summary>
    public int RowsPerPart { get; init; } = DefaultRowsPerPart;

    /// <summary>The engine's batch: parts hold whole batches, so no launch is cut short at a part boundary (default 1).</summary>
    public int Batch { get; init; } = 1;

    /// <summary>The shard this writer fills (default: the whole grid, 0/1).</summary>
    public Shard Shard { get; init; } = Shard.Whole;

    /// <summary>Refuse a directory that holds no data set yet (<c>run --resume</c>).</summary>
    public bool ResumeOnly { get; init; }

    /// <summary>Who is told each time the writer passes a point of its write protocol (null: nobody).</summary>
    public IWriteObserver? Observer { get; init; }

    /// <summary>The default rows per part.</summary>
    public const int DefaultRowsPerPart = 1_000_000;

    /// <summary>
    /// The codec, always run at <see cref="System.IO.Compression.CompressionLevel.Fastest"/> (Parquet.Net's default
    /// level makes Zstd ~20× slower for ~5 % smaller files). Zstd (the default) gives the smaller files, Snappy
    /// writes about twice as fast.
    /// </summary>
    public CompressionMethod Compression { get; init; } = CompressionMethod.Zstd;

    /// <summary>The Parquet.Net options: the codec, dictionary-encoded strings and delta-encoded <c>traj_id</c>.</summary>
    internal ParquetOptions ToParquetOptions()
    {
        var options = new ParquetOptions
        {
            CompressionMethod = Compression,
            CompressionLevel = System.IO.Compression.CompressionLevel.Fastest,
        };
        options.ColumnEncodingHints[ResultColumns.TrajId] = EncodingHint.DeltaBinaryPacked;
        options.ColumnEncodingHints[ResultColumns.Model] = EncodingHint.Dictionary;
        options.ColumnEncodingHints[ResultColumns.Loss] = EncodingHint.Dictionary;
        options.ColumnEncodingHints[ResultColumns.Regime] = EncodingHint.Dictionary;
        return options;
    }
}
