using System.Globalization;
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
/// <para>Crash safety: a part is written under a hidden temporary name, flushed to disk, renamed into place and the
/// directory flushed; only then is the shard manifest rewritten (temporary name, flush, rename). A process killed at
/// any moment leaves every visible part whole. <see cref="Create"/> on a directory that already holds this sweep
/// checks every part (footer, rows, traj_ids against its name, size and SHA-256 against its manifest), moves damaged
/// ones aside (<c>….parquet.damaged</c>), and plans only the missing trajectories of its shard:
/// <see cref="Pending"/>. Each trajectory depends only on its index, so the resumed data set equals an uninterrupted
/// run bit for bit.</para>
/// <para>Shards (<see cref="DataSetWriterOptions.Shard"/>) write into one directory at once: each holds a lock on
/// its own shard, writes only parts inside its block and only its own manifest; <c>sweep.json</c> is created once,
/// identically; whichever shard finds the union complete writes <c>_manifest.json</c>, with the same content.</para>
/// <para>Parts hold <see cref="DataSetWriterOptions.RowsPerPart"/> rows rounded up to whole batches; batches must
/// arrive part by part, in order within a part. Memory is the column buffers of the largest batch.</para>
/// <para>Disposing without <see cref="CompleteAsync"/> (a cancelled or failed run) keeps the open part, under the
/// name of the rows it holds, if every write to it succeeded. Not thread-safe: one call at a time.</para>
/// </remarks>
public sealed class DataSetWriter : IAsyncDisposable
{
    private readonly SweepSpec _spec;
    private readonly ResultSchema _schema;
    private readonly ParquetOptions _options;
    private readonly Dictionary<string, string> _metadata;
    private readonly IReadOnlyDictionary<string, string> _runInfo;
    private readonly string[] _regimeNames;
    private readonly string _lossName;
    private readonly double[][] _axisValues;
    private readonly long[][] _axisIntegers;
    private readonly List<DataSetPart> _parts;
    private readonly IReadOnlyList<IndexRange> _pending;
    private readonly Dictionary<long, int> _pendingByStart = [];
    private readonly bool[] _written;
    private readonly FileStream _lock;
    private readonly IWriteObserver? _observer;

    private int _capacity;
    private long[] _trajIds = [];
    private string[] _models = [];
    private string[] _losses = [];
    private string[] _regimes = [];
    private bool[] _diverged = [];
    private readonly double[][] _axisDoubleBuffers;
    private readonly long[][] _axisLongBuffers;

    private FileStream? _stream;
    private ParquetWriter? _writer;
    private string _tempPath = string.Empty;
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
        IReadOnlyDictionary<string, string> runInfo,
        DataSetWriterOptions options,
        FileStream shardLock,
        List<DataSetPart> parts,
        IReadOnlyList<IndexRange> pending)
    {
        Directory = dir;
        _spec = spec;
        _schema = schema;
        _options = options.ToParquetOptions();
        _observer = options.Observer;
        _metadata = metadata;
        _runInfo = runInfo;
        _lossName = LossInfo.Of(spec.Loss).Name;
        _lock = shardLock;
        _parts = parts;
        _pending = pending;
        _written = new bool[pending.Count];
        for (int i = 0; i < pending.Count; i++)
        {
            _pendingByStart[pending[i].Start] = i;
        }

        Shard = options.Shard;
        ShardRange = options.Shard.Range(spec.Grid.Count);

        var all = RegimeRules.All;
        _regimeNames = new string[all.Count];
        for (int i = 0; i < all.Count; i++)
        {
            _regimeNames[(int)all[i]] = RegimeRules.Name(all[i]);
        }

        int axes = spec.Axes.Count;
        _axisValues = new double[axes][];
        _axisIntegers = new long[axes][];
        _axisDoubleBuffers = new double[axes][];
        _axisLongBuffers = new long[axes][];
        for (int k = 0; k < axes; k++)
        {
            var values = spec.Axes[k].Values;
            _axisValues[k] = new double[values.Count];
            _axisIntegers[k] = [];
            for (int j = 0; j < values.Count; j++)
            {
                _axisValues[k][j] = values[j];
            }

            if (schema.Model.Axes[k].Integer)
            {
                _axisIntegers[k] = new long[values.Count];
                for (int j = 0; j < values.Count; j++)
                {
                    _axisIntegers[k][j] = (long)values[j];
                }
            }

            _axisDoubleBuffers[k] = [];
            _axisLongBuffers[k] = [];
        }
    }

    /// <summary>The data set directory.</summary>
    public string Directory { get; }

    /// <summary>The columns written.</summary>
    public ResultSchema Schema => _schema;

    /// <summary>The shard this writer fills.</summary>
    public Shard Shard { get; }

    /// <summary>The shard's block of trajectories.</summary>
    public IndexRange ShardRange { get; }

    /// <summary>Rows written by this writer so far (closed and open parts).</summary>
    public long RowsWritten { get; private set; }

    /// <summary>The shard's closed parts, found and written, by first trajectory.</summary>
    public IReadOnlyList<DataSetPart> Parts => _parts;

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
    public bool DataSetComplete { get; private set; }

    /// <summary>Trajectories done over all shards, as of the last check (creation or <see cref="CompleteAsync"/>).</summary>
    public long DataSetDone { get; private set; }

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
    /// <param name="options">Part size, codec, shard; null takes the defaults.</param>
    /// <exception cref="SweepInputException">The directory cannot be used (another sweep, a shard already running,
    /// nothing to resume); the message says why in one line.</exception>
    /// <exception cref="ArgumentException">The spec does not belong to the model, or a run key is reserved.</exception>
    public static DataSetWriter Create(
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

        CheckSpecMatchesModel(spec, model);

        var specText = SpecJson.Write(spec);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [DataSetLayout.SpecKey] = specText,
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
            throw new SweepInputException($"--resume: '{dir}' holds no data set to resume; run without --resume to start it");
        }

        var schema = new ResultSchema(model);
        var settings = SpecJson.ToSettings(spec);
        var identity = Identity(settings);
        bool existing = PrepareDirectory(dir, identity, overwrite);

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
            var sweepPath = Path.Combine(dir, DataSetLayout.SweepFile);
            try
            {
                // Shards started together race here: one creates the file, the others find it and compare.
                existing = !AtomicFile.CreateNew(sweepPath, SpecJson.WriteObject(sweep) + "\n");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new SweepInputException($"cannot write '{sweepPath}': {e.Message}");
            }

            if (existing && Identity(SweepFile.Read(sweepPath).Spec) != identity)
            {
                throw new SweepInputException($"output directory '{dir}' holds a different sweep; use --overwrite or another --out");
            }
        }

        if (existing)
        {
            RefuseOtherEngine(dir, SweepFile.Read(Path.Combine(dir, DataSetLayout.SweepFile)).EngineVersion);
        }

        var shardLock = Lock(dir, options.Shard);
        try
        {
            return Task.Run(() => PlanAsync(dir, spec, schema, metadata, runInfo, options, shardLock, existing)).GetAwaiter().GetResult();
        }
        catch
        {
            shardLock.Dispose();
            throw;
        }
    }

    /// <summary>The text two runs must share to write into one data set: the resolved spec without the settings that
    /// never change a result (batch size, thread count).</summary>
    internal static string Identity(SweepSettings settings) => SweepFile.Canonical(settings with { Batch = null, Threads = null });

    /// <summary>
    /// Refuses to continue a data set another engine version started: a trajectory's bits are promised only within one
    /// engine version, so parts of two versions could disagree in the last bit without anyone seeing it. Reading such a
    /// data set is not restricted (<see cref="DataSetLayout.EngineNote"/>).
    /// </summary>
    /// <exception cref="SweepInputException">The recorded engine version is not this one (or not recorded).</exception>
    private static void RefuseOtherEngine(string dir, string recorded)
    {
        if (recorded != DataSetLayout.EngineVersion)
        {
            throw new SweepInputException(
                $"'{dir}' was started by engine {DataSetLayout.Describe(recorded)} and this is engine {DataSetLayout.EngineVersion}: results are bit-identical only within one engine version, so resume it with engine {DataSetLayout.Describe(recorded)}, or start again with --overwrite");
        }
    }

    /// <summary>Whether <paramref name="dir"/> holds a data set (a <c>sweep.json</c>).</summary>
    public static bool Exists(string dir) => File.Exists(Path.Combine(dir, DataSetLayout.SweepFile));

    private static async Task<DataSetWriter> PlanAsync(
        string dir,
        SweepSpec spec,
        ResultSchema schema,
        Dictionary<string, string> metadata,
        IReadOnlyDictionary<string, string> runInfo,
        DataSetWriterOptions options,
        FileStream shardLock,
        bool existing)
    {
        long total = spec.Grid.Count;
        var shard = options.Shard;
        var block = shard.Range(total);
        var repairs = new List<string>();
        var notes = new List<string>();
        var parts = new List<DataSetPart>();
        IReadOnlyList<IndexRange> missing = block.IsEmpty ? [] : [block];
        long doneBefore = 0, dataSetDone = 0;
        bool hadManifest = false;
        if (existing)
        {
            DeleteStaleTemps(dir, shard, block);
            var inventory = await DataSetInventory.ScanAsync(dir, total, verifyHash: true).ConfigureAwait(false);
            hadManifest = inventory.HasManifest;
            foreach (var d in inventory.Damaged)
            {
                bool ours = d.Range is { } r ? r.Overlaps(block) : shard.Count == 1;
                if (!ours)
                {
                    notes.Add($"{d.Describe(dir)} (outside shard {shard}: its own shard repairs it)");
                    continue;
                }

                var path = Path.Combine(dir, d.File);
                if (File.Exists(path))
                {
                    File.Move(path, path + DataSetLayout.DamagedSuffix, overwrite: true);
                    repairs.Add($"{d.Describe(dir)}; moved it aside to '{d.File}{DataSetLayout.DamagedSuffix}', its trajectories {d.Range?.ToString() ?? string.Empty} are recomputed");
                }
                else
                {
                    repairs.Add($"{d.Describe(dir)}; its trajectories {d.Range?.ToString() ?? string.Empty} are recomputed");
                }
            }

            foreach (var p in inventory.Parts)
            {
                if (block.Contains(p.FirstTrajId))
                {
                    parts.Add(p);
                }
            }

            missing = inventory.MissingIn(block);
            doneBefore = block.Count - IndexRange.Total(missing);
            dataSetDone = inventory.Done;
            if (hadManifest && !inventory.AllPresent)
            {
                File.Delete(Path.Combine(dir, DataSetLayout.ManifestFile));
                DirectorySync.Flush(dir);
                repairs.Add($"removed '{DataSetLayout.ManifestFile}': the data set is no longer complete");
                hadManifest = false;
            }
        }

        var pending = Cut(missing, PartSize(options));
        var writer = new DataSetWriter(dir, spec, schema, metadata, runInfo, options, shardLock, parts, pending)
        {
            DoneBefore = doneBefore,
            Resumed = existing,
            AlreadyComplete = existing && pending.Count == 0,
            Repairs = repairs,
            Notes = notes,
            DataSetComplete = hadManifest,
            DataSetDone = dataSetDone,
        };
        if (!writer.ShardManifestIsCurrent())
        {
            writer.WriteShardManifest();
        }

        if (pending.Count == 0 && !hadManifest)
        {
            writer.TryFinish();
        }

        return writer;
    }

    /// <summary>Rows per part: the asked-for size rounded up to whole batches, so no batch is cut short.</summary>
    private static long PartSize(DataSetWriterOptions options) =>
        ((long)options.RowsPerPart + options.Batch - 1) / options.Batch * options.Batch;

    /// <summary>Cuts each missing range into parts of <paramref name="size"/> rows from its start (the last one shorter).</summary>
    private static List<IndexRange> Cut(IReadOnlyList<IndexRange> missing, long size)
    {
        var parts = new List<IndexRange>();
        foreach (var r in missing)
        {
            for (long s = r.Start; s < r.End; s += size)
            {
                parts.Add(new IndexRange(s, Math.Min(r.End, s + size)));
            }
        }

        return parts;
    }

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
        FillBuffers(batch);
        try
        {
            if (_writer is null)
            {
                await OpenPartAsync(part).ConfigureAwait(false);
            }

            var writer = _writer ?? throw new InvalidOperationException("no part is open");
            using (var group = writer.CreateRowGroup())
            {
                await group.WriteAsync<long>(_schema.TrajId, _trajIds.AsMemory(0, n)).ConfigureAwait(false);
                await group.WriteAsync(_schema.ModelName, new ArraySegment<string>(_models, 0, n)).ConfigureAwait(false);
                await group.WriteAsync(_schema.Loss, new ArraySegment<string>(_losses, 0, n)).ConfigureAwait(false);
                for (int k = 0; k < _schema.AxisFields.Count; k++)
                {
                    var field = _schema.AxisFields[k];
                    if (_axisIntegers[k].Length > 0)
                    {
                        await group.WriteAsync<long>(field, _axisLongBuffers[k].AsMemory(0, n)).ConfigureAwait(false);
                    }
                    else
                    {
                        await group.WriteAsync<double>(field, _axisDoubleBuffers[k].AsMemory(0, n)).ConfigureAwait(false);
                    }
                }

                for (int c = 0; c < _schema.DoubleFields.Count; c++)
                {
                    await group.WriteAsync<double>(_schema.DoubleFields[c], batch.DoubleColumn(c)).ConfigureAwait(false);
                }

                await group.WriteAsync<int>(_schema.Steps, batch.IntColumn(ResultLayout.StepsColumn)).ConfigureAwait(false);
                await group.WriteAsync<bool>(_schema.Diverged, _diverged.AsMemory(0, n)).ConfigureAwait(false);
                await group.WriteAsync<int>(_schema.DivergedStep, batch.IntColumn(ResultLayout.DivergedStepColumn)).ConfigureAwait(false);
                await group.WriteAsync(_schema.Regime, new ArraySegment<string>(_regimes, 0, n)).ConfigureAwait(false);
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
        if (_writer is not null || Array.IndexOf(_written, false) >= 0)
        {
            throw new InvalidOperationException(
                $"{_written.Count(w => !w)} of {_written.Length} pending parts were not written; the shard is not complete");
        }

        WriteShardManifest();
        TryFinish();
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
            if (_writer is not null && !_faulted && _partNext > _pending[_open].Start)
            {
                try
                {
                    await ClosePartAsync(new IndexRange(_pending[_open].Start, _partNext)).ConfigureAwait(false);
                    return;
                }
                catch
                {
                    await AbandonPartAsync().ConfigureAwait(false);
                    throw;
                }
            }

            await AbandonPartAsync().ConfigureAwait(false);
        }
        finally
        {
            await _lock.DisposeAsync().ConfigureAwait(false);
        }
    }

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
        if (batch.ParameterCount != _schema.Model.Parameters.Count)
        {
            throw new ArgumentException(
                $"batch has {batch.ParameterCount} parameters, model '{_schema.Model.Name}' has {_schema.Model.Parameters.Count}",
                nameof(batch));
        }

        if (batch.ExtraCount != _schema.Model.ExtraColumns.Count)
        {
            throw new ArgumentException(
                $"batch has {batch.ExtraCount} extra columns, model '{_schema.Model.Name}' has {_schema.Model.ExtraColumns.Count}",
                nameof(batch));
        }

        if (batch.Count < 0 || batch.Count > batch.Capacity)
        {
            throw new ArgumentException($"batch count {batch.Count} is outside 0..{batch.Capacity}", nameof(batch));
        }

        if (batch.Start < 0 || batch.Start > _spec.Grid.Count - batch.Count)
        {
            throw new ArgumentException(
                $"batch rows {batch.Start}..{batch.Start + batch.Count - 1} are outside the grid of {_spec.Grid.Count}",
                nameof(batch));
        }
    }

    /// <summary>Fills the computed columns (ids, strings, axes, diverged) for the batch's rows.</summary>
    private void FillBuffers(ResultBatch batch)
    {
        int n = batch.Count;
        EnsureCapacity(n);

        var ids = _trajIds.AsSpan(0, n);
        long start = batch.Start;
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = start + i;
        }

        var grid = _spec.Grid;
        for (int k = 0; k < _axisValues.Length; k++)
        {
            if (_axisIntegers[k].Length > 0)
            {
                FillAxis(_axisIntegers[k], grid.Stride(k), start, _axisLongBuffers[k].AsSpan(0, n));
            }
            else
            {
                FillAxis(_axisValues[k], grid.Stride(k), start, _axisDoubleBuffers[k].AsSpan(0, n));
            }
        }

        var codes = batch.IntColumn(ResultLayout.RegimeColumn).Span;
        var names = _regimeNames;
        var regimes = _regimes.AsSpan(0, n);
        var diverged = _diverged.AsSpan(0, n);
        for (int i = 0; i < codes.Length; i++)
        {
            int code = codes[i];
            if ((uint)code >= (uint)names.Length)
            {
                throw new ArgumentException($"trajectory {start + i} has regime code {code}, expected 0..{names.Length - 1}", nameof(batch));
            }

            regimes[i] = names[code];
            diverged[i] = code == (int)Regime.Diverged;
        }
    }

    /// <summary>
    /// Writes the values of one axis for rows [start, start + dst.Length): the axis position changes every
    /// <paramref name="stride"/> rows (<see cref="Core.Grid.SweepGrid"/> is row-major), so runs are filled whole.
    /// </summary>
    private static void FillAxis<T>(T[] values, long stride, long start, Span<T> dst)
    {
        int digit = (int)(start / stride % values.Length);
        long run = stride - (start % stride);
        int i = 0;
        while (i < dst.Length)
        {
            int len = (int)Math.Min(run, dst.Length - i);
            dst.Slice(i, len).Fill(values[digit]);
            i += len;
            run = stride;
            if (++digit == values.Length)
            {
                digit = 0;
            }
        }
    }

    /// <summary>Grows the reusable column buffers to hold <paramref name="n"/> rows.</summary>
    private void EnsureCapacity(int n)
    {
        if (n <= _capacity)
        {
            return;
        }

        _trajIds = new long[n];
        _models = new string[n];
        _losses = new string[n];
        _regimes = new string[n];
        _diverged = new bool[n];
        Array.Fill(_models, _schema.Model.Name);
        Array.Fill(_losses, _lossName);
        for (int k = 0; k < _axisValues.Length; k++)
        {
            if (_axisIntegers[k].Length > 0)
            {
                _axisLongBuffers[k] = new long[n];
            }
            else
            {
                _axisDoubleBuffers[k] = new double[n];
            }
        }

        _capacity = n;
    }

    private async Task OpenPartAsync(int part)
    {
        var name = DataSetLayout.PartName(_pending[part]);
        _tempPath = Path.Combine(Directory, DataSetLayout.TempName(name));
        _stream = new FileStream(_tempPath, FileMode.Create, FileAccess.ReadWrite, FileShare.None, bufferSize: 1 << 16);
        _writer = await ParquetWriter.CreateAsync(_schema.Parquet, _stream, _options).ConfigureAwait(false);
        _writer.CustomMetadata = _metadata;
        _open = part;
        _partNext = _pending[part].Start;
    }

    /// <summary>Writes the footer, flushes the part to disk, renames it into place as the part of
    /// <paramref name="rows"/>, flushes the directory, then records it in the shard manifest.</summary>
    private async Task ClosePartAsync(IndexRange rows)
    {
        var writer = _writer ?? throw new InvalidOperationException("no part is open");
        var stream = _stream ?? throw new InvalidOperationException("no part is open");
        var name = DataSetLayout.PartName(rows);
        DataSetPart record;
        try
        {
            _writer = null;
            await writer.DisposeAsync().ConfigureAwait(false);
            await stream.FlushAsync().ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
            _stream = null;
            long bytes = stream.Length;
            await stream.DisposeAsync().ConfigureAwait(false);
            _observer?.Reached(WritePoint.Temp);
            record = new DataSetPart
            {
                File = name,
                Rows = rows.Count,
                FirstTrajId = rows.Start,
                LastTrajId = rows.End - 1,
                Bytes = bytes,
                Sha256 = PartFile.Sha256(_tempPath),
            };
            File.Move(_tempPath, Path.Combine(Directory, name), overwrite: true);
            DirectorySync.Flush(Directory);
            _observer?.Reached(WritePoint.Rename);
        }
        catch
        {
            _faulted = true;
            throw;
        }

        _written[_open] = true;
        _open = -1;
        _parts.Add(record);
        WriteShardManifest();
        _observer?.Reached(WritePoint.Manifest);
    }

    /// <summary>Drops the open part after a failed write or close: its footer may not be writable, so the
    /// temporary file is deleted rather than renamed.</summary>
    private async Task AbandonPartAsync()
    {
        var writer = _writer;
        var stream = _stream;
        _writer = null;
        _stream = null;
        _open = -1;
        if (stream is null)
        {
            return;
        }

        try
        {
            if (writer is not null)
            {
                await writer.DisposeAsync().ConfigureAwait(false);
            }
        }
        catch (Exception)
        {
            // The part is already broken; writing its footer may fail as well. It is deleted below.
        }
        finally
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            File.Delete(_tempPath);
        }
    }

    /// <summary>Whether <c>_shard-K-of-N.json</c> already lists exactly the shard's parts (a complete shard run again
    /// then writes nothing).</summary>
    private bool ShardManifestIsCurrent()
    {
        if (ShardManifest.TryRead(Path.Combine(Directory, DataSetLayout.ShardFile(Shard))) is not { } m || m.Parts.Count != _parts.Count)
        {
            return false;
        }

        _parts.Sort((a, b) => a.FirstTrajId.CompareTo(b.FirstTrajId));
        for (int i = 0; i < _parts.Count; i++)
        {
            if (m.Parts[i] != _parts[i])
            {
                return false;
            }
        }

        return m.Complete == (_pending.Count == 0);
    }

    /// <summary>Rewrites <c>_shard-K-of-N.json</c> atomically from the parts closed so far.</summary>
    private void WriteShardManifest()
    {
        _parts.Sort((a, b) => a.FirstTrajId.CompareTo(b.FirstTrajId));
        var covered = IndexRange.Missing(ShardRange, _parts.Select(p => p.Range)).Count == 0;
        var manifest = new ShardManifest
        {
            Shard = Shard.ToString(),
            First = ShardRange.Start,
            End = ShardRange.End,
            Complete = covered,
            Run = _runInfo,
            Parts = _parts.ToArray(),
        };
        AtomicFile.WriteAllText(Path.Combine(Directory, DataSetLayout.ShardFile(Shard)), SpecJson.WriteObject(manifest) + "\n");
    }

    /// <summary>
    /// Writes <c>_manifest.json</c> when the parts listed by all shard manifests tile the grid exactly. Shards that
    /// finish together may both write it; the content is the same, and each write is atomic.
    /// </summary>
    private void TryFinish()
    {
        long total = _spec.Grid.Count;
        var byName = new Dictionary<string, DataSetPart>(StringComparer.Ordinal);
        foreach (var path in System.IO.Directory.GetFiles(Directory))
        {
            if (DataSetLayout.ShardOfFile(Path.GetFileName(path)) is null || ShardManifest.TryRead(path) is not { } m)
            {
                continue;
            }

            foreach (var p in m.Parts)
            {
                var file = new FileInfo(Path.Combine(Directory, p.File));
                if (file.Exists && file.Length == p.Bytes)
                {
                    byName.TryAdd(p.File, p);
                }
            }
        }

        var parts = byName.Values.OrderBy(p => p.FirstTrajId).ToList();
        var missing = IndexRange.Missing(new IndexRange(0, total), parts.Select(p => p.Range));
        DataSetDone = total - IndexRange.Total(missing);
        bool disjoint = true;
        for (int i = 1; disjoint && i < parts.Count; i++)
        {
            disjoint = parts[i].FirstTrajId > parts[i - 1].LastTrajId;
        }

        if (missing.Count > 0 || !disjoint)
        {
            return;
        }

        var manifest = new DataSetManifest { Complete = true, Rows = total, Parts = parts };
        AtomicFile.WriteAllText(Path.Combine(Directory, DataSetLayout.ManifestFile), SpecJson.WriteObject(manifest) + "\n", shared: true);
        DataSetComplete = true;
    }

    /// <summary>Takes the shard's lock (an exclusive lock on <c>.shard-K-of-N.lock</c>; the kernel drops it when the
    /// process dies, kill -9 included).</summary>
    private static FileStream Lock(string dir, Shard shard)
    {
        var path = Path.Combine(dir, DataSetLayout.LockFile(shard));
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new SweepInputException(shard.Count == 1
                ? $"another eos-sweep process is writing '{dir}'; wait for it or stop it"
                : $"shard {shard} of '{dir}' is being written by another eos-sweep process; wait for it or stop it");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new SweepInputException($"cannot write in '{dir}': {e.Message}");
        }
    }

    /// <summary>Deletes what a killed writer of this shard left: its manifest's and its parts' temporary files.</summary>
    private static void DeleteStaleTemps(string dir, Shard shard, IndexRange block)
    {
        var own = DataSetLayout.TempName(DataSetLayout.ShardFile(shard));
        foreach (var path in System.IO.Directory.GetFiles(dir, DataSetLayout.TempGlob))
        {
            var name = Path.GetFileName(path);
            bool ours = name == own
                || (DataSetLayout.PartRange(name[1..^4]) is { } r && r.Overlaps(block) && name == DataSetLayout.TempName(name[1..^4]));
            if (ours)
            {
                File.Delete(path);
            }
        }
    }

    private static void CheckSpecMatchesModel(SweepSpec spec, ModelInfo model)
    {
        if (!string.Equals(spec.Model, model.Name, StringComparison.Ordinal))
        {
            throw new ArgumentException($"the spec is for model '{spec.Model}', not '{model.Name}'", nameof(spec));
        }

        bool same = spec.Axes.Count == model.Axes.Count;
        for (int k = 0; same && k < spec.Axes.Count; k++)
        {
            same = spec.Axes[k].Name == model.Axes[k].Name;
        }

        if (!same)
        {
            throw new ArgumentException($"the spec's axes do not match model '{model.Name}' in name and order", nameof(spec));
        }
    }

    /// <summary>Applies the directory rules: missing or empty → a new data set; the same sweep → resumed; another
    /// sweep → refused unless <paramref name="overwrite"/>; anything else → refused.</summary>
    /// <returns>Whether the directory holds this sweep already (and <paramref name="overwrite"/> is off).</returns>
    private static bool PrepareDirectory(string dir, string identity, bool overwrite)
    {
        if (File.Exists(dir))
        {
            throw new SweepInputException($"output path '{dir}' is a file, not a directory; use another --out");
        }

        bool foreign;
        try
        {
            if (!System.IO.Directory.Exists(dir))
            {
                System.IO.Directory.CreateDirectory(dir);
                return false;
            }

            // Only data set files (a shard starting at the same moment may be writing sweep.json) count as empty.
            foreign = System.IO.Directory.EnumerateFileSystemEntries(dir).Any(e => !DataSetLayout.IsDataSetFile(Path.GetFileName(e))
                && Path.GetFileName(e) is not DataSetLayout.ReportDirectory and not DataSetLayout.TracesDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new SweepInputException($"cannot use output directory '{dir}': {e.Message}");
        }

        var sweepPath = Path.Combine(dir, DataSetLayout.SweepFile);
        if (!File.Exists(sweepPath))
        {
            if (foreign)
            {
                throw new SweepInputException($"output directory '{dir}' is not empty and holds no EosSweep data set; use another --out");
            }

            return false;
        }

        if (overwrite)
        {
            DeleteDataSet(dir);
            return false;
        }

        // A newer format is named as such (and never offered --overwrite, which would discard a newer engine's data).
        SweepFile.RefuseNewerFormat(sweepPath);
        string existing;
        try
        {
            existing = Identity(SweepFile.Read(sweepPath).Spec);
        }
        catch (SweepInputException e)
        {
            throw new SweepInputException(
                $"output directory '{dir}' holds an unreadable sweep.json ({e.Message}); use --overwrite or another --out");
        }

        return existing == identity
            ? true
            : throw new SweepInputException($"output directory '{dir}' holds a different sweep; use --overwrite or another --out");
    }

    /// <summary>Deletes the files a data set consists of, and nothing else.</summary>
    private static void DeleteDataSet(string dir)
    {
        try
        {
            foreach (var path in System.IO.Directory.GetFiles(dir))
            {
                if (DataSetLayout.IsDataSetFile(Path.GetFileName(path)))
                {
                    File.Delete(path);
                }
            }

            foreach (var sub in new[] { DataSetLayout.ReportDirectory, DataSetLayout.TracesDirectory })
            {
                var folder = Path.Combine(dir, sub);
                if (System.IO.Directory.Exists(folder))
                {
                    System.IO.Directory.Delete(folder, recursive: true);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SweepInputException($"cannot clear the previous data set in '{dir}': {e.Message}");
        }
    }
}
