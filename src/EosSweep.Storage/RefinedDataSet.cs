using System.Globalization;
using EosSweep.Core;
using EosSweep.Core.Grid;
using EosSweep.Core.Models;
using EosSweep.Core.Refine;
using EosSweep.Core.Results;
using Parquet;
using Parquet.Schema;

namespace EosSweep.Storage;

/// <summary>
/// The directory of an adaptively refined sweep: <c>refine.json</c> (<see cref="RefinePlanFile"/>) and one Parquet file
/// per level, <c>level-K.parquet</c>, holding the rows that level computed with the data set's columns plus
/// <c>level</c>, <c>i</c> and <c>j</c> (the finest-grid cell; traj_id is the finest-grid index). A level file is
/// written under a temporary name, flushed, renamed into place and the directory flushed, and only then is
/// <c>refine.json</c> advanced; a run killed at any moment resumes at the first level not recorded (the plan depends
/// only on earlier levels' regimes, so it is the same plan). One writer at a time (<c>.refine.lock</c>).
/// </summary>
public sealed class RefinedDataSet : IDisposable
{
    /// <summary>The extra columns a refined row carries.</summary>
    public const string LevelColumn = "level", RowColumn = "i", ColumnColumn = "j";

    private readonly FileStream _lock;
    private readonly ModelInfo _model;
    private readonly RefineGrid _grid;
    private RefinePlanFile _plan;

    private RefinedDataSet(string dir, RefineGrid grid, ModelInfo model, RefinePlanFile plan, FileStream lockFile)
    {
        Directory = dir;
        _grid = grid;
        _model = model;
        _plan = plan;
        _lock = lockFile;
    }

    /// <summary>The directory.</summary>
    public string Directory { get; }

    /// <summary>The record as it stands.</summary>
    public RefinePlanFile Plan => _plan;

    /// <summary>The file name of level <paramref name="level"/>.</summary>
    public static string LevelFile(int level) => string.Create(CultureInfo.InvariantCulture, $"level-{level}.parquet");

    /// <summary>Whether <paramref name="dir"/> holds a refined sweep.</summary>
    public static bool Exists(string dir) => File.Exists(Path.Combine(dir, RefinePlanFile.FileName));

    /// <summary>
    /// Starts a refined sweep in <paramref name="dir"/>, or continues the same one (same coarse spec, levels and
    /// margin); another sweep there is refused unless <paramref name="overwrite"/>.
    /// </summary>
    /// <exception cref="DataSetException">The directory holds something else (<see cref="OtherSweepException"/>, <see cref="ForeignDirectoryException"/>), or another process writes it (<see cref="WriterBusyException"/>).</exception>
    public static RefinedDataSet Open(string dir, RefineGrid grid, int margin, ModelInfo model, bool overwrite)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(model);
        var fresh = new RefinePlanFile
        {
            Spec = SpecJson.ToSettings(grid.Coarse),
            Levels = grid.Levels,
            Margin = margin,
            Axes = [grid.Finest.Axes[grid.RowAxis].Name, grid.Finest.Axes[grid.ColumnAxis].Name],
            Finest = [grid.Rows, grid.Columns],
            CompletedLevels = 0,
            LevelRows = [],
        };
        try
        {
            System.IO.Directory.CreateDirectory(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new SweepInputException($"cannot use output directory '{dir}': {e.Message}");
        }

        var lockFile = WriterLock.Take(dir, ".refine.lock", Shard.Whole);

        try
        {
            var existing = RefinePlanFile.TryRead(dir);
            bool foreign = System.IO.Directory.EnumerateFileSystemEntries(dir)
                .Select(Path.GetFileName)
                .Any(n => n is not null && n != ".refine.lock" && n != RefinePlanFile.FileName && n != DataSetLayout.ReportDirectory && !n.StartsWith("level-", StringComparison.Ordinal) && !n.StartsWith(".level-", StringComparison.Ordinal));
            if (existing is not null && existing.Identity() == fresh.Identity() && !overwrite)
            {
                return new RefinedDataSet(dir, grid, model, existing, lockFile);
            }

            if (existing is not null && !overwrite)
            {
                throw new OtherSweepException(dir, OtherSweepException.DifferentRefinedSweep);
            }

            if (foreign && !overwrite)
            {
                throw DataSetDirectory.Exists(dir)
                    ? new OtherSweepException(dir, OtherSweepException.DenseSweep)
                    : new ForeignDirectoryException(dir);
            }

            if (overwrite)
            {
                foreach (var path in System.IO.Directory.GetFiles(dir))
                {
                    var name = Path.GetFileName(path);
                    if (name == RefinePlanFile.FileName || name.StartsWith("level-", StringComparison.Ordinal) || name.StartsWith(".level-", StringComparison.Ordinal) || DataSetLayout.IsDataSetFile(name))
                    {
                        File.Delete(path);
                    }
                }

                var report = Path.Combine(dir, DataSetLayout.ReportDirectory);
                if (System.IO.Directory.Exists(report))
                {
                    System.IO.Directory.Delete(report, recursive: true);
                }
            }

            fresh.Write(dir);
            return new RefinedDataSet(dir, grid, model, fresh, lockFile);
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
    }

    /// <summary>Writes level <see cref="RefinedRows.Level"/> (which must be the next one) and records it.</summary>
    public async Task WriteLevelAsync(RefinedRows rows, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Level != _plan.CompletedLevels)
        {
            throw new InvalidOperationException($"level {rows.Level} written after {_plan.CompletedLevels} recorded levels");
        }

        await WriteLevelFileAsync(rows, ct).ConfigureAwait(false);
        _plan = _plan with { CompletedLevels = rows.Level + 1, LevelRows = [.. _plan.LevelRows, rows.Count] };
        _plan.Write(Directory);
    }

    /// <summary>
    /// Reads the regimes of the recorded levels into <paramref name="planner"/> (a resumed run plans from them).
    /// </summary>
    /// <exception cref="DamagedLevelException">A recorded level file is missing or damaged.</exception>
    public async Task LoadAsync(RefinePlanner planner, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(planner);
        for (int level = 0; level < _plan.CompletedLevels; level++)
        {
            var cells = await ReadLevelAsync(Directory, level, ct).ConfigureAwait(false);
            if (cells.Count != _plan.LevelRows[level])
            {
                throw new DamagedLevelException(Directory, $"'{Path.Combine(Directory, LevelFile(level))}' holds {cells.Count} rows, refine.json says {_plan.LevelRows[level]}", whileReading: false);
            }

            foreach (var (i, j, regime) in cells)
            {
                planner.Record(i, j, level, (byte)regime);
            }
        }
    }

    /// <summary>The finest cells and regimes level <paramref name="level"/> of the refined sweep in
    /// <paramref name="dir"/> computed.</summary>
    /// <exception cref="DamagedLevelException">The level file is missing or unreadable.</exception>
    public static async Task<IReadOnlyList<(int I, int J, Regime Regime)>> ReadLevelAsync(string dir, int level, CancellationToken ct = default)
    {
        var path = Path.Combine(dir, LevelFile(level));
        var cells = new List<(int, int, Regime)>();
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
            await using var reader = await ParquetReader.CreateAsync(stream, cancellationToken: ct).ConfigureAwait(false);
            var fields = reader.Schema.DataFields;
            var iField = fields.First(f => f.Name == RowColumn);
            var jField = fields.First(f => f.Name == ColumnColumn);
            var regimeField = fields.First(f => f.Name == ResultColumns.Regime);
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                int n = (int)group.RowCount;
                var iv = new int[n];
                var jv = new int[n];
                var rv = new string?[n];
                await group.ReadAsync<int>(iField, iv.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
                await group.ReadAsync<int>(jField, jv.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
                await group.ReadAsync(regimeField, rv.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
                for (int r = 0; r < n; r++)
                {
                    cells.Add((iv[r], jv[r], RegimeRules.Parse(rv[r] ?? string.Empty)));
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or InvalidDataException or ParquetException or SweepInputException or UnauthorizedAccessException)
        {
            throw new DamagedLevelException(dir, $"refined level file '{path}' is missing or damaged ({e.Message})", whileReading: false);
        }

        return cells;
    }

    /// <summary>
    /// The refined sweep in <paramref name="dir"/> as a table of the finest grid, one row per finest cell in traj_id
    /// order: each cell's axis values are its own, every other column and the regime come from the finest level
    /// that computed the cell or, where none did, the coarser cell that covers it (<see cref="RefinePlanner.FillFinest"/>).
    /// The summarizer draws this table like a dense sweep's.
    /// </summary>
    /// <exception cref="DamagedLevelException">A recorded level file is missing or damaged.</exception>
    public static async Task<ResultTable> ReadFinestTableAsync(string dir, RefineGrid grid, RefinePlanFile plan, IEnumerable<string> numericColumns, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(numericColumns);
        var axisNames = grid.Finest.Axes.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        var names = numericColumns.Where(n => n != ResultColumns.TrajId && !axisNames.Contains(n)).Distinct().ToList();
        var source = new List<double>[names.Count];
        for (int c = 0; c < names.Count; c++)
        {
            source[c] = [];
        }

        var regimes = new List<Regime>();
        var computed = new int[(long)grid.Rows * grid.Columns];
        Array.Fill(computed, -1);
        for (int level = 0; level < plan.CompletedLevels; level++)
        {
            var path = Path.Combine(dir, LevelFile(level));
            try
            {
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
                await using var reader = await ParquetReader.CreateAsync(stream, cancellationToken: ct).ConfigureAwait(false);
                var fields = reader.Schema.DataFields;
                for (int g = 0; g < reader.RowGroupCount; g++)
                {
                    using var group = reader.OpenRowGroupReader(g);
                    int n = (int)group.RowCount;
                    var iv = new int[n];
                    var jv = new int[n];
                    var rv = new string?[n];
                    await group.ReadAsync<int>(fields.First(f => f.Name == RowColumn), iv.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
                    await group.ReadAsync<int>(fields.First(f => f.Name == ColumnColumn), jv.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
                    await group.ReadAsync(fields.First(f => f.Name == ResultColumns.Regime), rv.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
                    for (int c = 0; c < names.Count; c++)
                    {
                        var field = fields.FirstOrDefault(f => f.Name == names[c])
                            ?? throw new SweepInputException($"column '{names[c]}' is not in '{path}'");
                        source[c].AddRange(await ReadNumbersAsync(group, field, n, ct).ConfigureAwait(false));
                    }

                    for (int r = 0; r < n; r++)
                    {
                        computed[((long)iv[r] * grid.Columns) + jv[r]] = regimes.Count;
                        regimes.Add(RegimeRules.Parse(rv[r] ?? string.Empty));
                    }
                }
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or InvalidDataException or ParquetException or FormatException or UnauthorizedAccessException)
            {
                throw new DamagedLevelException(dir, $"refined level file '{path}' is missing or damaged ({e.Message})", whileReading: true);
            }
        }

        var fill = RefinePlanner.FillFinest(grid, computed);
        int total = fill.Length;
        var columns = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var ids = new double[total];
        var byCell = new Regime[total];
        var rowValues = new double[total];
        var columnValues = new double[total];
        var rowAxis = grid.Finest.Axes[grid.RowAxis].Values;
        var columnAxis = grid.Finest.Axes[grid.ColumnAxis].Values;
        for (int k = 0; k < total; k++)
        {
            int i = k / grid.Columns, j = k % grid.Columns;
            ids[k] = grid.TrajId(i, j);
            byCell[k] = regimes[fill[k]];
            rowValues[k] = rowAxis[i];
            columnValues[k] = columnAxis[j];
        }

        columns[ResultColumns.TrajId] = ids;
        for (int a = 0; a < grid.Finest.Axes.Count; a++)
        {
            var axis = grid.Finest.Axes[a];
            columns[axis.Name] = a == grid.RowAxis ? rowValues : a == grid.ColumnAxis ? columnValues : Enumerable.Repeat(axis.Values[0], total).ToArray();
        }

        for (int c = 0; c < names.Count; c++)
        {
            var from = source[c];
            var col = new double[total];
            for (int k = 0; k < total; k++)
            {
                col[k] = from[fill[k]];
            }

            columns[names[c]] = col;
        }

        return new ResultTable(columns, byCell);
    }

    private static async Task<double[]> ReadNumbersAsync(ParquetRowGroupReader group, DataField field, int n, CancellationToken ct)
    {
        var result = new double[n];
        if (field.ClrType == typeof(double))
        {
            await group.ReadAsync<double>(field, result.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
        }
        else if (field.ClrType == typeof(int))
        {
            var v = new int[n];
            await group.ReadAsync<int>(field, v.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            for (int r = 0; r < n; r++)
            {
                result[r] = v[r];
            }
        }
        else if (field.ClrType == typeof(long))
        {
            var v = new long[n];
            await group.ReadAsync<long>(field, v.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            for (int r = 0; r < n; r++)
            {
                result[r] = v[r];
            }
        }
        else
        {
            throw new SweepInputException($"column '{field.Name}' is not numeric");
        }

        return result;
    }

    /// <inheritdoc/>
    public void Dispose() => _lock.Dispose();

    /// <summary>Writes <c>level-K.parquet</c> crash-safely (<see cref="PartWriter"/>): the data set's columns
    /// (<see cref="ResultRowEncoder"/>) with <c>level</c>, <c>i</c> and <c>j</c> after <c>traj_id</c>.</summary>
    private async Task WriteLevelFileAsync(RefinedRows rows, CancellationToken ct)
    {
        var schema = new ResultSchema(_model);
        var level = new DataField<int>(LevelColumn);
        var iField = new DataField<int>(RowColumn);
        var jField = new DataField<int>(ColumnColumn);
        var fields = new List<DataField> { schema.TrajId, level, iField, jField, schema.ModelName, schema.Loss };
        fields.AddRange(schema.AxisFields);
        fields.AddRange(schema.DoubleFields);
        fields.AddRange([schema.Steps, schema.Diverged, schema.DivergedStep, schema.Regime]);
        int n = rows.Count;
        var spec = _grid.Finest;
        var metadata = new Dictionary<string, string>
        {
            [DataSetLayout.SpecKey] = SpecJson.Write(spec),
            [DataSetLayout.VersionKey] = DataSetLayout.EngineVersion,
            ["eos_sweep.refine_level"] = rows.Level.ToString(CultureInfo.InvariantCulture),
        };
        var ids = rows.TrajIds.AsMemory(0, n);
        var encoder = new ResultRowEncoder(schema, spec.Loss);
        encoder.Fill(ids.Span, rows.Ints[ResultLayout.RegimeColumn].AsSpan(0, n), (k, values) =>
        {
            var axis = spec.Axes[k].Values;
            for (int r = 0; r < values.Length; r++)
            {
                values[r] = k == _grid.RowAxis ? axis[rows.I[r]] : k == _grid.ColumnAxis ? axis[rows.J[r]] : axis[0];
            }
        });
        var levels = new int[n];
        Array.Fill(levels, rows.Level);
        await using var file = await PartWriter.OpenAsync(
            Directory, LevelFile(rows.Level), new ParquetSchema(fields.ToArray()), options: null, metadata, ct).ConfigureAwait(false);
        using (var group = file.CreateRowGroup())
        {
            await encoder.WriteAsync(
                group,
                ids,
                c => rows.Doubles[c].AsMemory(0, n),
                rows.Ints[ResultLayout.StepsColumn].AsMemory(0, n),
                rows.Ints[ResultLayout.DivergedStepColumn].AsMemory(0, n),
                async g =>
                {
                    await g.WriteAsync<int>(level, levels, cancellationToken: ct).ConfigureAwait(false);
                    await g.WriteAsync<int>(iField, rows.I.AsMemory(0, n), cancellationToken: ct).ConfigureAwait(false);
                    await g.WriteAsync<int>(jField, rows.J.AsMemory(0, n), cancellationToken: ct).ConfigureAwait(false);
                },
                ct).ConfigureAwait(false);
            group.CompleteValidate();
        }

        await file.CommitAsync(LevelFile(rows.Level), hash: false).ConfigureAwait(false);
    }
}
