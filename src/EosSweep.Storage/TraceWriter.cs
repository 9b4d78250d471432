using EosSweep.Core;
using EosSweep.Core.Grid;
using EosSweep.Core.Models;
using EosSweep.Core.Results;
using Parquet;
using Parquet.Schema;

namespace EosSweep.Storage;

/// <summary>
/// Writes the step-by-step traces of a sweep into <c>DIR/traces/</c> as a long table, one Parquet file per batch
/// that traced something: <c>traj_id</c>, <c>step</c>, <c>loss</c>, <c>sharpness</c>, <c>stability_ratio</c> and one
/// column per parameter (named as the parameter). Files appear atomically (<see cref="PartWriter"/>: temporary name,
/// fsync, rename) and carry the resolved spec in their key-value metadata.
/// </summary>
public sealed class TraceWriter
{
    private readonly string _dir;
    private readonly ParquetSchema _schema;
    private readonly DataField<long> _trajId = new("traj_id");
    private readonly DataField<long> _step = new("step");
    private readonly DataField<double>[] _doubles;
    private readonly Dictionary<string, string> _metadata;

    /// <summary>Zstd at its fastest level, as the data set's parts.</summary>
    private static readonly ParquetOptions Options = new()
    {
        CompressionMethod = CompressionMethod.Zstd,
        CompressionLevel = System.IO.Compression.CompressionLevel.Fastest,
    };

    private TraceWriter(string dir, ModelInfo model, SweepSpec spec)
    {
        _dir = dir;
        _doubles = new[] { "loss", "sharpness", ResultColumns.StabilityRatio }.Concat(model.Parameters)
            .Select(n => new DataField<double>(n)).ToArray();
        _schema = new ParquetSchema(new DataField[] { _trajId, _step }.Concat(_doubles).ToArray());
        _metadata = new Dictionary<string, string> { [DataSetLayout.SpecKey] = SpecJson.Write(spec) };
    }

    /// <summary>The column names, in file order.</summary>
    public IReadOnlyList<string> Columns => _schema.DataFields.Select(f => f.Name).ToList();

    /// <summary>Prepares <c>DIR/traces/</c> (the data set writer has already claimed DIR). Trace files of a stopped run
    /// that overlap <paramref name="pending"/> are deleted: those trajectories are traced again.</summary>
    public static TraceWriter Create(string dataSetDir, ModelInfo model, SweepSpec spec, IReadOnlyList<IndexRange>? pending = null)
    {
        var dir = Path.Combine(dataSetDir, DataSetLayout.TracesDirectory);
        Directory.CreateDirectory(dir);
        foreach (var path in Directory.GetFiles(dir))
        {
            var name = Path.GetFileName(path);
            var inner = name.StartsWith('.') && name.EndsWith(".tmp", StringComparison.Ordinal) ? name[1..^4] : name;
            if (DataSetLayout.PartRange(inner) is { } r && pending is not null && pending.Any(p => p.Overlaps(r)))
            {
                File.Delete(path);
            }
        }

        return new TraceWriter(dir, model, spec);
    }

    /// <summary>Writes a batch's traced rows into <c>traces/part-&lt;first&gt;-&lt;last&gt;.parquet</c>, named by the batch's
    /// trajectories <paramref name="batchRows"/> (nothing when no trajectory of the batch was traced).</summary>
    public async Task WriteAsync(TraceBatch traces, IndexRange batchRows, CancellationToken ct = default)
    {
        long rows = 0;
        for (int s = 0; s < traces.Slots; s++)
        {
            rows += traces.Counts[s];
        }

        if (rows == 0)
        {
            return;
        }

        var ids = new long[rows];
        var steps = new long[rows];
        var values = new double[_doubles.Length][];
        for (int c = 0; c < values.Length; c++)
        {
            values[c] = new double[rows];
        }

        long r = 0;
        for (int s = 0; s < traces.Slots; s++)
        {
            for (int row = 0; row < traces.Counts[s]; row++, r++)
            {
                long at = (((long)s * traces.RowsPerSlot) + row) * traces.Columns;
                ids[r] = traces.TrajIds[s];
                steps[r] = (long)traces.Buffer[at + TraceLayout.StepSlot];
                for (int c = 0; c < values.Length; c++)
                {
                    values[c][r] = traces.Buffer[at + TraceLayout.LossSlot + c];
                }
            }
        }

        ct.ThrowIfCancellationRequested();
        string name = DataSetLayout.PartName(batchRows);
        await using var file = await PartWriter.OpenAsync(_dir, name, _schema, Options, _metadata, ct).ConfigureAwait(false);
        using (var group = file.CreateRowGroup())
        {
            await group.WriteAsync<long>(_trajId, ids.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            await group.WriteAsync<long>(_step, steps.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            for (int c = 0; c < values.Length; c++)
            {
                await group.WriteAsync<double>(_doubles[c], values[c].AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            }
        }

        await file.CommitAsync(name, hash: false).ConfigureAwait(false);
    }
}
