using EosSweep.Core;
using EosSweep.Core.Grid;
using EosSweep.Core.Models;
using EosSweep.Core.Results;
using Parquet;

namespace EosSweep.Storage;

/// <summary>
/// Streams result batches into a Parquet data set directory and resumes one that stopped: <c>sweep.json</c> at
/// creation, part files named by the trajectories they hold (<c>part-&lt;first&gt;-&lt;last&gt;.parquet</c>, one row
/// group per batch), the shard's progress manifest <c>_shard-K-of-N.json</c> after every part, and
/// <c>_manifest.json</c> last, once the parts of all shards cover the grid (<see cref="CompleteAsync"/>).
/// </summary>
/// <remarks>
/// <para>This type routes batches into parts; each other concern has its own type: the directory rules and the
/// sweep's identity (<see cref="DataSetDirectory"/>), what a resume repairs and still has to write
/// (<see cref="ResumePlan"/>), the columns (<see cref="ResultRowEncoder"/>), the crash-safe commit of a part
/// (<see cref="PartWriter"/>: temporary name, flush, rename, directory flush, only then the shard manifest) and the
/// shards' manifests (<see cref="ShardCoordinator"/>). A process killed at any moment leaves every visible part whole,
/// and the resumed data set equals an uninterrupted run bit for bit.</para>
/// <para>Parts hold <see cref="DataSetWriterOptions.RowsPerPart"/> rows rounded up to whole batches; batches must
/// arrive part by part, in order within a part. Memory is the column buffers of the largest batch.</para>
/// <para>Disposing without <see cref="CompleteAsync"/> (a cancelled or failed run) keeps the open part, under the
/// name of the rows it holds, if every write to it succeeded. Not thread-safe: one call at a time.</para>
/// </remarks>
public sealed class DataSetWriter : IAsyncDisposable
{
    private readonly SweepSpec _spec;
    private readonly ParquetOptions _options;
    private readonly Dictionary<string, string> _metadata;
    private readonly ResultRowEncoder _encoder;
    private readonly ShardCoordinator _shards;
    private readonly IReadOnlyList<IndexRange> _pending;
    private readonly Dictionary<long, int> _pendingByStart = [];
    private readonly bool[] _written;
    private readonly FileStream _lock;
    private readonly IWriteObserver? _observer;

    private long[] _trajIds = [];
    private PartWriter? _part;
    private int _open = -1;
    private long _partNext;

    private bool _completed;
    private bool _faulted;
    private bool _disposed;

    private DataSetWriter(
        string dir,
        SweepSpec spec,
        ResultSchema schema,
        Dictionary<string, string> metadata,
        DataSetWriterOptions options,
        FileStream shardLock,
        ShardCoordinator shards,
        IReadOnlyList<IndexRange> pending)
    {
        Directory = dir;
        Schema = schema;
        _spec = spec;
        _options = options.ToParquetOptions();
        _observer = options.Observer;
        _metadata = metadata;
        _encoder = new ResultRowEncoder(schema, spec.Loss);
        _lock = shardLock;
        _shards = shards;
        _pending = pending;
        _written = new bool[pending.Count];
        for (int i = 0; i < pending.Count; i++)
        {
            _pendingByStart[pending[i].Start] = i;
        }
    }

    /// <summary>The data set directory.</summary>
    public string Directory { get; }

    /// <summary>The columns written.</summary>
    public ResultSchema Schema { get; }

    /// <summary>The shard this writer fills.</summary>
    public Shard Shard => _shards.Shard;

    /// <summary>The shard's block of trajectories.</summary>
    public IndexRange ShardRange => _shards.Range;

    /// <summary>Rows written by this writer so far (closed and open parts).</summary>
    public long RowsWritten { get; private set; }

    /// <summary>The shard's closed parts, found and written, by first trajectory.</summary>
    public IReadOnlyList<DataSetPart> Parts => _shards.Parts;

    /// <summary>The parts still to write, in order: every trajectory of the shard not in a sound part. Feed the
    /// engine these ranges; each is one part file.</summary>
    public IReadOnlyList<IndexRange> Pending => _pending;

    /// <summary>Trajectories in <see cref="Pending"/>.</summary>
    public long PendingRows => IndexRange.Total(_pending);

    /// <summary>Trajectories of the shard already in sound parts when the writer was created.</summary>
    public long DoneBefore { get; private init; }

    /// <summary>Whether the directory already held this sweep (a resume).</summary>
    public bool Resumed { get; private init; }

    /// <summary>The shard was already complete and nothing was repaired: nothing to compute, nothing was written.</summary>
    public bool AlreadyComplete { get; private init; }

    /// <summary>What a resume repaired, one line each (damaged parts moved aside, a stale manifest removed).</summary>
    public IReadOnlyList<string> Repairs { get; private init; } = [];

    /// <summary>Damage seen outside this shard's block, one line each (the shard that owns it repairs it).</summary>
    public IReadOnlyList<string> Notes { get; private init; } = [];

    /// <summary>Whether <c>_manifest.json</c> is in place: every shard's parts cover the grid.</summary>
    public bool DataSetComplete => _shards.DataSetComplete;

    /// <summary>Trajectories done over all shards, as of the last check (creation or <see cref="CompleteAsync"/>).</summary>
    public long DataSetDone => _shards.DataSetDone;

    /// <summary>
    /// Prepares <paramref name="dir"/> for this sweep: creates the data set (<c>sweep.json</c>), or, when the directory
    /// already holds the same sweep, checks what is there and plans the rest (<see cref="Pending"/>).
    /// </summary>
    /// <param name="dir">The output directory; created when missing.</param>
    /// <param name="spec">The resolved spec; its model must be <paramref name="model"/>.</param>
    /// <param name="model">The model, which sets the columns.</param>
    /// <param name="runInfo">What ran the sweep (accelerator name, precision, …): written to <c>sweep.json</c>'s
    /// <c>run</c> object, the shard manifest and, under the same keys, to every part file's key-value metadata.</param>
    /// <param name="overwrite">Replace a data set already in <paramref name="dir"/> (only its own files are
    /// deleted: <c>sweep.json</c>, manifests, parts, temporary files, <c>report/</c> and <c>traces/</c>).</param>
    /// <param name="options">Part size, codec, shard, observer; null takes the defaults.</param>
    /// <exception cref="DataSetException">The directory cannot take this sweep: <see cref="OutputIsFileException"/>,
    /// <see cref="ForeignDirectoryException"/>, <see cref="OtherSweepException"/>, <see cref="NothingToResumeException"/>,
    /// <see cref="OtherEngineException"/>, <see cref="WriterBusyException"/>.</exception>
    /// <exception cref="SweepInputException">The directory cannot be read or written, or its sweep.json is of a newer format.</exception>
    /// <exception cref="ArgumentException">The spec does not belong to the model, or a run key is reserved.</exception>
    public static async Task<DataSetWriter> CreateAsync(
        string dir,
        SweepSpec spec,
        ModelInfo model,
        IReadOnlyDictionary<string, string> runInfo,
        bool overwrite,
        DataSetWriterOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dir);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(runInfo);
        options ??= new DataSetWriterOptions();
        CheckOptions(options);
        DataSetDirectory.CheckSpecMatchesModel(spec, model);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [DataSetLayout.SpecKey] = SpecJson.Write(spec),
            [DataSetLayout.VersionKey] = DataSetLayout.EngineVersion,
        };
        foreach (var (key, value) in runInfo)
        {
            if (!metadata.TryAdd(key, value))
            {
                throw new ArgumentException($"run information may not use the reserved key '{key}'", nameof(runInfo));
            }
        }

        if (options.ResumeOnly && !Exists(dir))
        {
            throw new NothingToResumeException(dir);
        }

        var schema = new ResultSchema(model);
        var settings = SpecJson.ToSettings(spec);
        var identity = DataSetDirectory.Identity(settings);
        bool existing = DataSetDirectory.Prepare(dir, identity, overwrite);
        if (!existing)
        {
            var sweep = new SweepFile
            {
                FormatVersion = DataSetLayout.FormatVersion,
                EngineVersion = DataSetLayout.EngineVersion,
                Model = ModelRecord.Of(model),
                Spec = settings,
                Trajectories = spec.Grid.Count,
                RegimeRules = RegimeRules.Text,
                Columns = schema.Columns,
                Run = new Dictionary<string, string>(runInfo, StringComparer.Ordinal),
            };
            existing = DataSetDirectory.CreateSweepFile(dir, sweep, identity);
        }

        if (existing)
        {
            DataSetDirectory.RefuseOtherEngine(dir);
        }

        var shard = options.Shard;
        var shardLock = WriterLock.Take(dir, DataSetLayout.LockFile(shard), shard);
        try
        {
            long total = spec.Grid.Count, partSize = PartSize(options);
            var plan = existing
                ? await ResumePlan.ScanAsync(dir, total, shard, partSize).ConfigureAwait(false)
                : ResumePlan.Fresh(shard.Range(total), partSize);
            var shards = new ShardCoordinator(dir, shard, total, runInfo, plan.Parts);
            shards.Found(plan.HasManifest, plan.DataSetDone);
            var writer = new DataSetWriter(dir, spec, schema, metadata, options, shardLock, shards, plan.Pending)
            {
                DoneBefore = plan.DoneBefore,
                Resumed = existing,
                AlreadyComplete = existing && plan.Pending.Count == 0,
                Repairs = plan.Repairs,
                Notes = plan.Notes,
            };
            if (!shards.ManifestIsCurrent(complete: plan.Pending.Count == 0))
            {
                shards.WriteManifest();
            }

            if (plan.Pending.Count == 0 && !plan.HasManifest)
            {
                shards.TryFinish();
            }

            return writer;
        }
        catch
        {
            await shardLock.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Whether <paramref name="dir"/> holds a data set (a <c>sweep.json</c>).</summary>
    public static bool Exists(string dir) => DataSetDirectory.Exists(dir);

    /// <summary>
    /// Writes the filled rows of <paramref name="batch"/> as one row group. The batch must start a pending part or
    /// continue the open one. The batch may be reused as soon as the returned task completes. Cancellation is only
    /// observed before the batch starts, so a cancelled run never leaves a half-written row group.
    /// </summary>
    /// <exception cref="ArgumentException">The batch does not fit the model, the grid or the plan, or holds an
    /// unknown regime code.</exception>
    public async Task WriteAsync(ResultBatch batch, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ThrowIfUnusable();
        CheckBatch(batch);
        ct.ThrowIfCancellationRequested();
        int n = batch.Count;
        if (n == 0)
        {
            return;
        }

        int part = PartOf(batch);
        var ids = FillIds(batch.Start, n);
        var grid = _spec.Grid;
        _encoder.Fill(ids.Span, batch.IntColumn(ResultLayout.RegimeColumn).Span, (k, values) =>
            FillAxis(_spec.Axes[k].Values, grid.Stride(k), batch.Start, values));
        try
        {
            _part ??= await OpenPartAsync(part).ConfigureAwait(false);
            using (var group = _part.CreateRowGroup())
            {
                await _encoder.WriteAsync(
                    group,
                    ids,
                    batch.DoubleColumn,
                    batch.IntColumn(ResultLayout.StepsColumn),
                    batch.IntColumn(ResultLayout.DivergedStepColumn)).ConfigureAwait(false);
                group.CompleteValidate();
            }
        }
        catch
        {
            _faulted = true;
            throw;
        }

        _observer?.Reached(WritePoint.RowGroup);
        _partNext = batch.Start + n;
        RowsWritten += n;
        if (_partNext == _pending[_open].End)
        {
            await ClosePartAsync(_pending[_open]).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Marks the shard complete in its manifest and, when the parts of all shards now cover the grid, writes
    /// <c>_manifest.json</c> (<see cref="DataSetComplete"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">A pending part was not written.</exception>
    public Task CompleteAsync()
    {
        ThrowIfUnusable();
        if (_part is not null || Array.IndexOf(_written, false) >= 0)
        {
            throw new InvalidOperationException(
                $"{_written.Count(w => !w)} of {_written.Length} pending parts were not written; the shard is not complete");
        }

        _shards.WriteManifest();
        _shards.TryFinish();
        _completed = true;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Releases the open part: kept under the name of the rows it holds when its row groups were all written,
    /// deleted when a write failed. Writes no <c>_manifest.json</c>. Releases the shard's lock.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            if (_part is { } open && !_faulted && _partNext > _pending[_open].Start)
            {
                try
                {
                    await ClosePartAsync(new IndexRange(_pending[_open].Start, _partNext)).ConfigureAwait(false);
                    return;
                }
                catch
                {
                    await open.AbandonAsync().ConfigureAwait(false);
                    throw;
                }
            }

            if (_part is not null)
            {
                await _part.AbandonAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            await _lock.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static void CheckOptions(DataSetWriterOptions options)
    {
        if (options.RowsPerPart <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"RowsPerPart must be > 0, got {options.RowsPerPart}");
        }

        if (options.Batch <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"Batch must be > 0, got {options.Batch}");
        }

        if (options.Shard.Count < 1 || options.Shard.Index < 0 || options.Shard.Index >= options.Shard.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"shard {options.Shard} is not K/N with 0 <= K < N");
        }
    }

    /// <summary>Rows per part: the asked-for size rounded up to whole batches, so no batch is cut short.</summary>
    private static long PartSize(DataSetWriterOptions options) =>
        ((long)options.RowsPerPart + options.Batch - 1) / options.Batch * options.Batch;

    private void ThrowIfUnusable()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            throw new InvalidOperationException("the data set is already complete");
        }

        if (_faulted)
        {
            throw new InvalidOperationException("an earlier write to this data set failed; it cannot continue");
        }
    }

    /// <summary>The pending part <paramref name="batch"/> belongs to: the open one it continues, or one it starts.</summary>
    private int PartOf(ResultBatch batch)
    {
        long first = batch.Start, end = batch.Start + batch.Count;
        int part;
        if (_open >= 0)
        {
            part = _open;
            if (first != _partNext)
            {
                throw new ArgumentException(
                    $"batch rows {first}..{end - 1} do not continue the open part {_pending[part]} at {_partNext}", nameof(batch));
            }
        }
        else if (!_pendingByStart.TryGetValue(first, out part) || _written[part])
        {
            throw new ArgumentException($"batch rows {first}..{end - 1} do not start a pending part", nameof(batch));
        }

        if (end > _pending[part].End)
        {
            throw new ArgumentException($"batch rows {first}..{end - 1} run past the end of part {_pending[part]}", nameof(batch));
        }

        return part;
    }

    private void CheckBatch(ResultBatch batch)
    {
        var model = Schema.Model;
        if (batch.ParameterCount != model.Parameters.Count)
        {
            throw new ArgumentException(
                $"batch has {batch.ParameterCount} parameters, model '{model.Name}' has {model.Parameters.Count}", nameof(batch));
        }

        if (batch.ExtraCount != model.ExtraColumns.Count)
        {
            throw new ArgumentException(
                $"batch has {batch.ExtraCount} extra columns, model '{model.Name}' has {model.ExtraColumns.Count}", nameof(batch));
        }

        if (batch.Count < 0 || batch.Count > batch.Capacity)
        {
            throw new ArgumentException($"batch count {batch.Count} is outside 0..{batch.Capacity}", nameof(batch));
        }

        if (batch.Start < 0 || batch.Start > _spec.Grid.Count - batch.Count)
        {
            throw new ArgumentException(
                $"batch rows {batch.Start}..{batch.Start + batch.Count - 1} are outside the grid of {_spec.Grid.Count}", nameof(batch));
        }
    }

    /// <summary>The traj_ids start, start + 1, … of a batch of <paramref name="n"/> rows, in a reused buffer.</summary>
    private ReadOnlyMemory<long> FillIds(long start, int n)
    {
        if (_trajIds.Length < n)
        {
            _trajIds = new long[n];
        }

        var ids = _trajIds.AsSpan(0, n);
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = start + i;
        }

        return _trajIds.AsMemory(0, n);
    }

    /// <summary>
    /// Writes the values of one axis for rows [start, start + dst.Length): the axis position changes every
    /// <paramref name="stride"/> rows (<see cref="Core.Grid.SweepGrid"/> is row-major), so runs are filled whole.
    /// </summary>
    private static void FillAxis(IReadOnlyList<double> values, long stride, long start, Span<double> dst)
    {
        int digit = (int)(start / stride % values.Count);
        long run = stride - (start % stride);
        int i = 0;
        while (i < dst.Length)
        {
            int len = (int)Math.Min(run, dst.Length - i);
            dst.Slice(i, len).Fill(values[digit]);
            i += len;
            run = stride;
            if (++digit == values.Count)
            {
                digit = 0;
            }
        }
    }

    private async Task<PartWriter> OpenPartAsync(int part)
    {
        var writer = await PartWriter.OpenAsync(Directory, DataSetLayout.PartName(_pending[part]), Schema.Parquet, _options, _metadata).ConfigureAwait(false);
        _open = part;
        _partNext = _pending[part].Start;
        return writer;
    }

    /// <summary>Commits the open part as the part of <paramref name="rows"/> (<see cref="PartWriter.CommitAsync"/>),
    /// then records it in the shard manifest.</summary>
    private async Task ClosePartAsync(IndexRange rows)
    {
        var part = _part ?? throw new InvalidOperationException("no part is open");
        var name = DataSetLayout.PartName(rows);
        (long Bytes, string? Sha256) file;
        try
        {
            _part = null;
            file = await part.CommitAsync(name, hash: true, _observer).ConfigureAwait(false);
        }
        catch
        {
            _part = part;
            _faulted = true;
            throw;
        }

        _written[_open] = true;
        _open = -1;
        _shards.Add(new DataSetPart
        {
            File = name,
            Rows = rows.Count,
            FirstTrajId = rows.Start,
            LastTrajId = rows.End - 1,
            Bytes = file.Bytes,
            Sha256 = file.Sha256,
        });
        _observer?.Reached(WritePoint.Manifest);
    }
}
