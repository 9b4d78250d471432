using EosSweep.Core.Results;
using Parquet;

namespace EosSweep.Storage;

/// <summary>How <see cref="DataSetWriter"/> lays out and compresses its part files.</summary>
public sealed record DataSetWriterOptions
{
    /// <summary>Rows after which a part is closed and the next batch starts a new one (default 1,000,000).</summary>
    public int RowsPerPart { get; init; } = DefaultRowsPerPart;

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
