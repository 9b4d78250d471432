using System.Text.Json;
using EosSweep.Core;
using EosSweep.Core.Results;
using Parquet;
using Parquet.Schema;

namespace EosSweep.Storage;

/// <summary>
/// Reads a data set directory written by <see cref="DataSetWriter"/>: its spec, its parts and their
/// metadata, and selected columns into a <see cref="ResultTable"/>.
/// </summary>
/// <remarks>
/// <see cref="OpenAsync"/> checks everything it can before any column is read: the directory, <c>sweep.json</c>,
/// <c>_manifest.json</c>, and every part (size, footer, rows, traj_ids against its name and manifest), so a damaged
/// data set fails early with one line that names the file and what is wrong.
/// </remarks>
public sealed class DataSetReader
{
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _metadata;

    private DataSetReader(
        string dir,
        SweepFile sweep,
        bool complete,
        IReadOnlyList<DataSetPart> parts,
        Dictionary<string, IReadOnlyDictionary<string, string>> metadata,
        IReadOnlyList<string> columns)
    {
        Directory = dir;
        Sweep = sweep;
        Settings = sweep.Spec;
        EngineVersion = sweep.EngineVersion;
        RunInfo = sweep.Run;
        Complete = complete;
        Parts = parts;
        _metadata = metadata;
        Columns = columns;
        var files = new string[parts.Count];
        long rows = 0;
        for (int i = 0; i < parts.Count; i++)
        {
            files[i] = Path.Combine(dir, parts[i].File);
            rows += parts[i].Rows;
        }

        PartFiles = files;
        RowCount = rows;
    }

    /// <summary>The data set directory.</summary>
    public string Directory { get; }

    /// <summary>The data set's <c>sweep.json</c>: format, engine, model, spec and columns.</summary>
    public SweepFile Sweep { get; }

    /// <summary>The resolved spec of the sweep, in settings form (resolve it against the model catalogue).</summary>
    public SweepSettings Settings { get; }

    /// <summary>The engine version that created the data set.</summary>
    public string EngineVersion { get; }

    /// <summary>The run information recorded in <c>sweep.json</c> (accelerator, precision, …).</summary>
    public IReadOnlyDictionary<string, string> RunInfo { get; }

    /// <summary>Whether the sweep finished (<c>_manifest.json</c> is present and says so).</summary>
    public bool Complete { get; }

    /// <summary>The parts, in manifest order (file name order for an incomplete data set).</summary>
    public IReadOnlyList<DataSetPart> Parts { get; }

    /// <summary>Full paths of the part files, in <see cref="Parts"/> order.</summary>
    public IReadOnlyList<string> PartFiles { get; }

    /// <summary>Rows over all parts.</summary>
    public long RowCount { get; }

    /// <summary>Column names in file order (empty when the data set has no parts).</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The settings in <c>DIR/sweep.json</c>, for a data set in any state (finished, running, stopped).</summary>
    /// <exception cref="SweepInputException">The directory or its sweep.json is missing or unreadable.</exception>
    public static SweepSettings ReadSettings(string dir) => ReadSweep(dir).Spec;

    /// <summary>The <c>DIR/sweep.json</c> of a data set in any state (finished, running, stopped).</summary>
    /// <exception cref="SweepInputException">The directory or its sweep.json is missing, unreadable or of a newer format.</exception>
    public static SweepFile ReadSweep(string dir)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dir);
        if (!System.IO.Directory.Exists(dir))
        {
            throw new SweepInputException(File.Exists(dir) ? $"'{dir}' is a file, not a data set directory" : $"data set directory '{dir}' does not exist");
        }

        var sweepPath = Path.Combine(dir, DataSetLayout.SweepFile);
        return File.Exists(sweepPath)
            ? SweepFile.Read(sweepPath)
            : throw new SweepInputException($"'{dir}' holds no EosSweep data set (no {DataSetLayout.SweepFile})");
    }

    /// <summary>The <c>sweep.json</c> of a data set in <paramref name="dir"/>, or null where the directory holds none.</summary>
    /// <exception cref="SweepInputException">sweep.json exists but is unreadable, malformed or of a newer format.</exception>
    public static SweepFile? StoredSweep(string dir)
    {
        var path = Path.Combine(dir, DataSetLayout.SweepFile);
        return File.Exists(path) ? SweepFile.Read(path) : null;
    }

    /// <summary>Opens a data set.</summary>
    /// <param name="dir">The data set directory.</param>
    /// <param name="allowIncomplete">Accept a data set without <c>_manifest.json</c> (a sweep that stopped or
    /// is still running) and read the parts present; otherwise such a data set is refused.</param>
    /// <param name="ct">Cancels the checks.</param>
    /// <exception cref="SweepInputException">The directory, its sweep.json or its manifest is missing or unreadable.</exception>
    /// <exception cref="DamagedDataSetException">A part is missing or damaged.</exception>
    /// <exception cref="IncompleteDataSetException">The data set is incomplete and <paramref name="allowIncomplete"/> is false.</exception>
    public static async Task<DataSetReader> OpenAsync(string dir, bool allowIncomplete = false, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dir);
        if (File.Exists(dir))
        {
            throw new SweepInputException($"'{dir}' is a file, not a data set directory");
        }

        if (!System.IO.Directory.Exists(dir))
        {
            throw new SweepInputException($"data set directory '{dir}' does not exist");
        }

        var sweepPath = Path.Combine(dir, DataSetLayout.SweepFile);
        if (!File.Exists(sweepPath))
        {
            throw new SweepInputException($"'{dir}' holds no EosSweep data set (no {DataSetLayout.SweepFile})");
        }

        var sweep = SweepFile.Read(sweepPath);
        var manifestPath = Path.Combine(dir, DataSetLayout.ManifestFile);
        var parts = new List<DataSetPart>();
        var metadata = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        IReadOnlyList<string> columns = [];
        bool complete = File.Exists(manifestPath);
        if (complete)
        {
            var manifest = ReadManifest(manifestPath);
            complete = manifest.Complete;
            foreach (var listed in manifest.Parts)
            {
                if (!DataSetLayout.IsPartName(listed.File))
                {
                    throw new SweepInputException($"{DataSetLayout.ManifestFile} in '{dir}' lists '{listed.File}', which is not a part file name");
                }

                var (info, problem) = await PartFile.CheckAsync(dir, listed.File, listed, verifyHash: false, ct).ConfigureAwait(false);
                if (info is null)
                {
                    throw Damaged(dir, new DamagedPart(listed.File, listed.Range, problem ?? "damaged"));
                }

                parts.Add(listed);
                metadata[listed.File] = info.Metadata;
                columns = columns.Count == 0 ? info.Columns : columns;
            }
        }
        else
        {
            long total = sweep.Trajectories >= 0 ? sweep.Trajectories : long.MaxValue;
            var inventory = await DataSetInventory.ScanAsync(dir, total, verifyHash: false, ct).ConfigureAwait(false);
            if (inventory.Damaged.Count > 0)
            {
                throw Damaged(dir, inventory.Damaged[0]);
            }

            if (!allowIncomplete)
            {
                throw new IncompleteDataSetException(dir, inventory.Done, sweep.Trajectories, inventory.Missing);
            }

            foreach (var part in inventory.Parts)
            {
                var info = inventory.Infos[part.File];
                parts.Add(part);
                metadata[part.File] = info.Metadata;
                columns = columns.Count == 0 ? info.Columns : columns;
            }
        }

        return new DataSetReader(dir, sweep, complete, parts, metadata, columns);
    }

    private static DamagedDataSetException Damaged(string dir, DamagedPart part) => new(dir, part);

    /// <summary>The key-value metadata of a part (spec, engine version, run information).</summary>
    /// <param name="partFile">The part's file name or full path.</param>
    /// <exception cref="KeyNotFoundException">The file is not a part of this data set.</exception>
    public IReadOnlyDictionary<string, string> Metadata(string partFile) =>
        _metadata.TryGetValue(Path.GetFileName(partFile), out var kv)
            ? kv
            : throw new KeyNotFoundException($"'{partFile}' is not a part of data set '{Directory}'");

    /// <summary>
    /// Loads the named numeric columns (int64, int32 and bool converted to double) and the regime of every
    /// row, parts in order; rows come out sorted by <c>traj_id</c> whatever the part order.
    /// </summary>
    /// <exception cref="SweepInputException">A column is missing or not numeric, or a part cannot be read.</exception>
    public async Task<ResultTable> ReadTableAsync(IEnumerable<string> numericColumns, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(numericColumns);
        var names = new List<string>();
        foreach (var name in numericColumns)
        {
            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }

        if (RowCount > Array.MaxLength)
        {
            throw new SweepInputException($"data set '{Directory}' has {RowCount} rows, too many to load into memory at once");
        }

        int rows = (int)RowCount;
        var ids = new long[rows];
        var regimes = new Regime[rows];
        var columns = new double[names.Count][];
        for (int c = 0; c < columns.Length; c++)
        {
            columns[c] = new double[rows];
        }

        var scratch = new ColumnScratch();
        int offset = 0;
        foreach (var path in PartFiles)
        {
            offset = await ReadPartAsync(path, names, columns, ids, regimes, offset, scratch, ct).ConfigureAwait(false);
        }

        if (offset != rows)
        {
            throw new SweepInputException($"data set '{Directory}' has {offset} rows in its parts, expected {rows}");
        }

        SortByTrajId(ids, regimes, columns);
        var table = new Dictionary<string, double[]>(names.Count, StringComparer.Ordinal);
        for (int c = 0; c < names.Count; c++)
        {
            table[names[c]] = columns[c];
        }

        return new ResultTable(table, regimes);
    }

    private async Task<int> ReadPartAsync(
        string path,
        List<string> names,
        double[][] columns,
        long[] ids,
        Regime[] regimes,
        int offset,
        ColumnScratch scratch,
        CancellationToken ct)
    {
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, useAsync: false);
            await using var reader = await ParquetReader.CreateAsync(stream, cancellationToken: ct).ConfigureAwait(false);
            var idField = Field(reader, ResultColumns.TrajId, path);
            var regimeField = Field(reader, ResultColumns.Regime, path);
            var fields = new DataField[names.Count];
            for (int c = 0; c < fields.Length; c++)
            {
                fields[c] = Field(reader, names[c], path);
                var type = fields[c].ClrType;
                if (type != typeof(double) && type != typeof(long) && type != typeof(int) && type != typeof(bool))
                {
                    throw new SweepInputException($"column '{names[c]}' of '{path}' is not numeric ({type.Name})");
                }
            }

            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                if (group.RowCount > ids.Length - offset)
                {
                    throw new SweepInputException($"part file '{path}' holds more rows than its data set lists");
                }

                int n = (int)group.RowCount;
                await group.ReadAsync<long>(idField, ids.AsMemory(offset, n), cancellationToken: ct).ConfigureAwait(false);
                for (int c = 0; c < fields.Length; c++)
                {
                    await ReadNumericAsync(group, fields[c], columns[c].AsMemory(offset, n), scratch, ct).ConfigureAwait(false);
                }

                var text = scratch.Strings(n);
                await group.ReadAsync(regimeField, text.AsMemory(0, n), cancellationToken: ct).ConfigureAwait(false);
                DecodeRegimes(text.AsSpan(0, n), regimes.AsSpan(offset, n), path);
                offset += n;
            }

            return offset;
        }
        catch (Exception e) when (e is not SweepInputException and not OperationCanceledException and not OutOfMemoryException)
        {
            throw new SweepInputException($"cannot read part file '{path}': {e.Message}");
        }
    }

    private static async Task ReadNumericAsync(ParquetRowGroupReader group, DataField field, Memory<double> dst, ColumnScratch scratch, CancellationToken ct)
    {
        int n = dst.Length;
        var type = field.ClrType;
        if (type == typeof(double))
        {
            await group.ReadAsync(field, dst, cancellationToken: ct).ConfigureAwait(false);
        }
        else if (type == typeof(long))
        {
            var buf = scratch.Longs(n);
            await group.ReadAsync(field, buf.AsMemory(0, n), cancellationToken: ct).ConfigureAwait(false);
            var d = dst.Span;
            for (int i = 0; i < n; i++)
            {
                d[i] = buf[i];
            }
        }
        else if (type == typeof(int))
        {
            var buf = scratch.Ints(n);
            await group.ReadAsync(field, buf.AsMemory(0, n), cancellationToken: ct).ConfigureAwait(false);
            var d = dst.Span;
            for (int i = 0; i < n; i++)
            {
                d[i] = buf[i];
            }
        }
        else
        {
            var buf = scratch.Bools(n);
            await group.ReadAsync(field, buf.AsMemory(0, n), cancellationToken: ct).ConfigureAwait(false);
            var d = dst.Span;
            for (int i = 0; i < n; i++)
            {
                d[i] = buf[i] ? 1.0 : 0.0;
            }
        }
    }

    private static void DecodeRegimes(ReadOnlySpan<string?> text, Span<Regime> dst, string path)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (!RegimeRules.TryParse(text[i], out dst[i]))
            {
                throw new SweepInputException($"part file '{path}' holds an unknown regime '{text[i]}'");
            }
        }
    }

    /// <summary>Sorts every column by trajectory id, unless the rows already come in order.</summary>
    private static void SortByTrajId(long[] ids, Regime[] regimes, double[][] columns)
    {
        bool sorted = true;
        for (int i = 1; sorted && i < ids.Length; i++)
        {
            sorted = ids[i - 1] <= ids[i];
        }

        if (sorted)
        {
            return;
        }

        var order = new int[ids.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(ids, order);
        var regimeCopy = (Regime[])regimes.Clone();
        for (int i = 0; i < order.Length; i++)
        {
            regimes[i] = regimeCopy[order[i]];
        }

        var copy = new double[ids.Length];
        foreach (var column in columns)
        {
            Array.Copy(column, copy, column.Length);
            for (int i = 0; i < order.Length; i++)
            {
                column[i] = copy[order[i]];
            }
        }
    }

    private static DataField Field(ParquetReader reader, string name, string path)
    {
        foreach (var f in reader.Schema.DataFields)
        {
            if (f.Name == name)
            {
                if (f.IsNullable && f.ClrType != typeof(string))
                {
                    throw new SweepInputException($"column '{name}' of '{path}' is nullable; EosSweep data sets have no nulls");
                }

                return f;
            }
        }

        throw new SweepInputException($"part file '{path}' has no column '{name}'");
    }

    internal static DataSetManifest ReadManifest(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<DataSetManifest>(File.ReadAllText(path))
                ?? throw new SweepInputException($"'{path}' is empty (null)");
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new SweepInputException($"cannot read '{path}': {e.Message.Split('\n')[0]}");
        }
    }
}
