using EosSweep.Core;
using EosSweep.Core.Models;
using EosSweep.Core.Results;
using Parquet;

namespace EosSweep.Storage;

/// <summary>
/// Streams result batches into a Parquet data set directory: <c>sweep.json</c> at creation, then part files
/// <c>part-00000.parquet</c>, <c>part-00001.parquet</c>, … of one row group per batch, then
/// <c>_manifest.json</c> last (<see cref="CompleteAsync"/>).
/// </summary>
/// <remarks>
/// <para>A part is written under a hidden temporary name, flushed to disk and renamed when it closes, so a
/// reader never sees a partial part; a part closes once it holds at least
/// <see cref="DataSetWriterOptions.RowsPerPart"/> rows (a batch never spans two parts). Memory is the column buffers of the largest batch, whatever the grid size.</para>
/// <para>Disposing without <see cref="CompleteAsync"/> (a cancelled or failed run) closes the open part if
/// every write to it succeeded and writes no manifest, so the data set reads as incomplete.</para>
/// <para>Not thread-safe: one call at a time.</para>
/// </remarks>
public sealed class DataSetWriter : IAsyncDisposable
{
    private readonly SweepSpec _spec;
    private readonly ResultSchema _schema;
    private readonly ParquetOptions _options;
    private readonly Dictionary<string, string> _metadata;
    private readonly int _rowsPerPart;
    private readonly string[] _regimeNames;
    private readonly string _lossName;
    private readonly double[][] _axisValues;
    private readonly long[][] _axisIntegers;
    private readonly List<DataSetPart> _parts = [];

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
    private long _partRows;
    private long _partFirst;
    private long _partLast;

    private bool _completed;
    private bool _faulted;
    private bool _disposed;

    private DataSetWriter(string dir, SweepSpec spec, ResultSchema schema, Dictionary<string, string> metadata, DataSetWriterOptions options)
    {
        Directory = dir;
        _spec = spec;
        _schema = schema;
        _options = options.ToParquetOptions();
        _metadata = metadata;
        _rowsPerPart = options.RowsPerPart;
        _lossName = LossInfo.Of(spec.Loss).Name;

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

    /// <summary>Rows written so far (closed and open parts).</summary>
    public long RowsWritten { get; private set; }

    /// <summary>The parts closed so far, in order.</summary>
    public IReadOnlyList<DataSetPart> Parts => _parts;

    /// <summary>
    /// Prepares <paramref name="dir"/> for a new data set and writes its <c>sweep.json</c>.
    /// </summary>
    /// <param name="dir">The output directory; created when missing.</param>
    /// <param name="spec">The resolved spec; its model must be <paramref name="model"/>.</param>
    /// <param name="model">The model, which sets the columns.</param>
    /// <param name="runInfo">What ran the sweep (accelerator name, precision, …): written to <c>sweep.json</c>'s
    /// <c>run</c> object and, under the same keys, to every part file's key-value metadata.</param>
    /// <param name="overwrite">Replace a data set already in <paramref name="dir"/> (only its own files are
    /// deleted: <c>sweep.json</c>, <c>_manifest.json</c>, parts, temporary files and <c>report/</c>).</param>
    /// <param name="options">Part size and codec; null takes the defaults.</param>
    /// <exception cref="SweepInputException">The directory cannot be used; the message says why in one line.</exception>
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

        var schema = new ResultSchema(model);
        var settings = SpecJson.ToSettings(spec);
        PrepareDirectory(dir, SweepFile.Canonical(settings), overwrite);

        var sweep = new SweepFile
        {
            EngineVersion = DataSetLayout.EngineVersion,
            Spec = settings,
            Trajectories = spec.Grid.Count,
            RegimeRules = RegimeRules.Text,
            Run = new Dictionary<string, string>(runInfo, StringComparer.Ordinal),
        };
        var sweepPath = Path.Combine(dir, DataSetLayout.SweepFile);
        try
        {
            AtomicFile.WriteAllText(sweepPath, SpecJson.WriteObject(sweep) + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SweepInputException($"cannot write '{sweepPath}': {e.Message}");
        }

        return new DataSetWriter(dir, spec, schema, metadata, options);
    }

    /// <summary>
    /// Writes the filled rows of <paramref name="batch"/> as one row group. The batch may be reused as soon as
    /// the returned task completes. Cancellation is only observed before the batch starts, so a cancelled run
    /// never leaves a half-written row group.
    /// </summary>
    /// <exception cref="ArgumentException">The batch does not fit the model or the grid, or holds an unknown regime code.</exception>
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

        FillBuffers(batch);
        try
        {
            var writer = _writer ?? await OpenPartAsync().ConfigureAwait(false);
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

        long first = batch.Start, last = batch.Start + n - 1;
        _partFirst = _partRows == 0 ? first : Math.Min(_partFirst, first);
        _partLast = _partRows == 0 ? last : Math.Max(_partLast, last);
        _partRows += n;
        RowsWritten += n;
        if (_partRows >= _rowsPerPart)
        {
            await ClosePartAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Closes the last part and writes <c>_manifest.json</c>, which marks the data set complete.</summary>
    public async Task CompleteAsync()
    {
        ThrowIfUnusable();
        if (_writer is not null)
        {
            await ClosePartAsync().ConfigureAwait(false);
        }

        var manifest = new DataSetManifest { Complete = true, Rows = RowsWritten, Parts = _parts.ToArray() };
        AtomicFile.WriteAllText(Path.Combine(Directory, DataSetLayout.ManifestFile), SpecJson.WriteObject(manifest) + "\n");
        _completed = true;
    }

    /// <summary>
    /// Releases the open part: kept (renamed into place) when its row groups were all written, deleted when a
    /// write failed. Writes no manifest.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_writer is not null && !_faulted)
        {
            try
            {
                await ClosePartAsync().ConfigureAwait(false);
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

    private async Task<ParquetWriter> OpenPartAsync()
    {
        var name = DataSetLayout.PartName(_parts.Count);
        _tempPath = Path.Combine(Directory, DataSetLayout.TempName(name));
        _stream = new FileStream(_tempPath, FileMode.Create, FileAccess.ReadWrite, FileShare.None, bufferSize: 1 << 16);
        _writer = await ParquetWriter.CreateAsync(_schema.Parquet, _stream, _options).ConfigureAwait(false);
        _writer.CustomMetadata = _metadata;
        _partRows = 0;
        return _writer;
    }

    /// <summary>Writes the footer, flushes the part to disk and renames it into place.</summary>
    private async Task ClosePartAsync()
    {
        var writer = _writer ?? throw new InvalidOperationException("no part is open");
        var stream = _stream ?? throw new InvalidOperationException("no part is open");
        var name = DataSetLayout.PartName(_parts.Count);
        try
        {
            _writer = null;
            await writer.DisposeAsync().ConfigureAwait(false);
            await stream.FlushAsync().ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
            _stream = null;
            await stream.DisposeAsync().ConfigureAwait(false);
            File.Move(_tempPath, Path.Combine(Directory, name), overwrite: true);
        }
        catch
        {
            _faulted = true;
            throw;
        }

        _parts.Add(new DataSetPart { File = name, Rows = _partRows, FirstTrajId = _partFirst, LastTrajId = _partLast });
        _partRows = 0;
    }

    /// <summary>Drops the open part after a failed write or close: its footer may not be writable, so the
    /// temporary file is deleted rather than renamed.</summary>
    private async Task AbandonPartAsync()
    {
        var writer = _writer;
        var stream = _stream;
        _writer = null;
        _stream = null;
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

    /// <summary>Applies the directory rules: missing → created; empty → used; a data set → refused unless
    /// <paramref name="overwrite"/>; anything else → refused.</summary>
    private static void PrepareDirectory(string dir, string specText, bool overwrite)
    {
        if (File.Exists(dir))
        {
            throw new SweepInputException($"output path '{dir}' is a file, not a directory; use another --out");
        }

        try
        {
            if (!System.IO.Directory.Exists(dir))
            {
                System.IO.Directory.CreateDirectory(dir);
                return;
            }

            if (!System.IO.Directory.EnumerateFileSystemEntries(dir).Any())
            {
                return;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new SweepInputException($"cannot use output directory '{dir}': {e.Message}");
        }

        var sweepPath = Path.Combine(dir, DataSetLayout.SweepFile);
        if (!File.Exists(sweepPath))
        {
            throw new SweepInputException($"output directory '{dir}' is not empty and holds no EosSweep data set; use another --out");
        }

        if (!overwrite)
        {
            string existing;
            try
            {
                existing = SweepFile.Canonical(SweepFile.Read(sweepPath).Spec);
            }
            catch (SweepInputException e)
            {
                throw new SweepInputException(
                    $"output directory '{dir}' holds an unreadable sweep.json ({e.Message}); use --overwrite or another --out");
            }

            throw new SweepInputException(existing == specText
                ? $"output directory '{dir}' already holds this sweep; use --overwrite to recompute it"
                : $"output directory '{dir}' holds a different sweep; use --overwrite or another --out");
        }

        DeleteDataSet(dir);
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
