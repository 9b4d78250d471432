using System.Diagnostics;
using System.Globalization;
using EosSweep.Core;
using EosSweep.Core.Grid;
using EosSweep.Core.Refine;
using EosSweep.Core.Resources;
using EosSweep.Core.Results;
using EosSweep.Storage;

namespace EosSweep.Engine;

/// <summary>
/// A sweep end to end: the footprint checked, the accelerator opened, the data set's directory accepted (new, resumed
/// or a shard of it), the grid computed with every batch written as it finishes. Dense sweeps write a Parquet data
/// set (<see cref="RunAsync"/>), refined ones a level per part file (<see cref="RunRefinedAsync"/>); an observer is
/// told what happens, and the result says what the directory now holds.
/// </summary>
public static class SweepPipeline
{
    /// <summary>Level-k cells added around each boundary cell unless the run says otherwise.</summary>
    public const int DefaultRefineMargin = 1;

    /// <summary>The sweep stored in <paramref name="dir"/>, which a resumed run continues; null when it holds none.</summary>
    public static StoredSweep? Stored(string dir)
    {
        if (RefinePlanFile.TryRead(dir) is { } plan)
        {
            return new StoredSweep(plan.Spec, plan.Levels, plan.Margin);
        }

        return DataSetReader.StoredSweep(dir) is { } sweep ? new StoredSweep(sweep.Spec, null, null, sweep.Model?.Assembly) : null;
    }

    /// <summary>
    /// Refuses to resume a data set whose model is not loaded, naming its assembly: reading needs only sweep.json,
    /// computing the rest needs the model's code. <paramref name="model"/> is the model the resumed run asks for
    /// (null: the stored one).
    /// </summary>
    /// <exception cref="SweepInputException">The stored model is asked for and no loaded model has its name.</exception>
    public static void RequireLoadedModel(string? model, StoredSweep stored, string dir)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (model is null || ModelCatalog.All.Any(m => string.Equals(m.Name, model.Trim(), StringComparison.OrdinalIgnoreCase))
            || !string.Equals(model.Trim(), stored.Spec.Model, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var assembly = stored.ModelAssembly is { Length: > 0 } a ? $"{a}.dll" : "FILE.dll";
        throw new SweepInputException(
            $"--resume: '{dir}' holds a sweep of model '{stored.Spec.Model}', which is not loaded; computing the rest needs its code: add --model-assembly {assembly} (status, query and summarize read it without)");
    }

    /// <summary>Runs a resolved sweep into <paramref name="dir"/>: a new data set, or the rest of the one there (the
    /// accelerator is opened before the directory is touched).</summary>
    /// <exception cref="SweepInputException">The run does not fit this machine, the accelerator is missing, or the
    /// directory cannot be used as <paramref name="target"/> asks.</exception>
    public static async Task<DenseRunResult> RunAsync(SweepSpec spec, string dir, RunTarget target, IDenseRunObserver observer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(observer);

        // The footprint is checked before the kernel compiles or the directory is touched; it is reported once the
        // directory is accepted, so a refused run (for whatever reason) reports exactly one failure.
        RunFootprint? estimate = null;
        using var session = SweepSession.Open(spec, footprint =>
        {
            ResourceCheck.Verify(footprint, dir);
            estimate = footprint;
        }, rows: target.Shard.Range(spec.Grid.Count).Count);
        var runInfo = new Dictionary<string, string>
        {
            ["accelerator"] = session.AcceleratorName,
            ["accelerator_kind"] = session.AcceleratorKind,
            ["precision"] = SpecResolver.Name(spec.Precision),
            ["batch"] = session.Batch.ToString(CultureInfo.InvariantCulture),
        };
        var model = ModelCatalog.Find(spec.Model);
        var options = new DataSetWriterOptions
        {
            RowsPerPart = target.RowsPerPart,
            Batch = session.Batch,
            Shard = target.Shard,
            ResumeOnly = target.Resume,
            Observer = target.Observer,
        };
        await using var writer = await DataSetWriter.CreateAsync(dir, spec, model, runInfo, target.Overwrite, options).ConfigureAwait(false);
        foreach (var line in writer.Repairs.Concat(writer.Notes))
        {
            observer.Note(line);
        }

        if (writer.AlreadyComplete)
        {
            return Result(null);
        }

        var start = new DenseRunStart
        {
            Directory = dir,
            Spec = spec,
            Shard = target.Shard,
            ShardRange = writer.ShardRange,
            DoneBefore = writer.DoneBefore,
            PendingRows = writer.PendingRows,
            PendingParts = writer.Pending.Count,
            Resumed = writer.Resumed,
            AcceleratorName = session.AcceleratorName,
            AcceleratorKind = session.AcceleratorKind,
            Batch = session.Batch,
        };
        if (writer.Resumed && writer.DoneBefore > 0)
        {
            observer.Resuming(start);
        }

        var traceWriter = spec.Trace is null ? null : TraceWriter.Create(dir, model, spec, writer.Pending);
        observer.Starting(start with { Estimate = estimate });
        var outcome = await observer.TrackAsync(writer.PendingRows, progress =>
            session.RunAsync(
                writer.Pending,
                async (b, token) =>
                {
                    await writer.WriteAsync(b, token).ConfigureAwait(false);
                    if (traceWriter is not null && b.Traces is { } t)
                    {
                        await traceWriter.WriteAsync(t, new IndexRange(b.Start, b.Start + b.Count), token).ConfigureAwait(false);
                    }
                },
                progress,
                ct)).ConfigureAwait(false);
        await writer.CompleteAsync().ConfigureAwait(false);
        return Result(outcome);

        DenseRunResult Result(SweepOutcome? o) => new()
        {
            Directory = dir,
            Shard = target.Shard,
            ShardRange = writer.ShardRange,
            Total = spec.Grid.Count,
            Outcome = o,
            DataSetComplete = writer.DataSetComplete,
            DataSetDone = writer.DataSetDone,
        };
    }

    /// <summary>Runs (or continues) the refinement of <paramref name="coarse"/> by <paramref name="levels"/> levels
    /// into <paramref name="dir"/>, every level to the end.</summary>
    /// <exception cref="SweepInputException">The grid cannot be refined, the margin is out of range, the run does not
    /// fit this machine, or the directory cannot be used.</exception>
    public static async Task<RefinedRunResult> RunRefinedAsync(
        SweepSpec coarse, int levels, int margin, string dir, bool overwrite, IRefinedRunObserver observer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(coarse);
        ArgumentNullException.ThrowIfNull(observer);
        if (margin < 0 || margin > 64)
        {
            throw new SweepInputException($"--refine-margin must be from 0 to 64 cells, got {margin}");
        }

        var grid = RefineGrid.Create(coarse, levels);
        RefinedSweep.Validate(grid);
        var model = ModelCatalog.Find(coarse.Model);
        var inv = CultureInfo.InvariantCulture;

        // The planner keeps a regime byte and a level byte per finest cell for the whole run; refuse before the
        // directory is touched when that alone cannot fit. Each level's own rows are checked when it is planned.
        long plannerBytes = 2 * grid.FinestCells;
        long available = ResourceCheck.AvailableHostBytes();
        if (RunFootprint.BaselineHostBytes + plannerBytes > available)
        {
            throw new SweepInputException(string.Create(inv,
                $"--refine {levels}: the refinement map of the {grid.Rows:N0} × {grid.Columns:N0} finest grid needs {RunFootprint.Size(plannerBytes)} of memory, more than the {RunFootprint.Size(available)} this process may use; use fewer levels or a coarser grid"));
        }

        int rowBytes = RefinedRows.BytesPerRow(ResultLayout.DoubleCount(model.Parameters.Count, model.ExtraColumns.Count));
        void Approve(RunFootprint level) =>
            ResourceCheck.Verify(level with { HostBytes = level.HostBytes + plannerBytes + ((double)level.Trajectories * rowBytes) }, dir);

        using var set = RefinedDataSet.Open(dir, grid, margin, model, overwrite);
        long dense = (long)grid.Rows * grid.Columns;
        if (set.Plan.Complete)
        {
            return new RefinedRunResult(dir, levels, AlreadyComplete: true, Ran: 0, set.Plan.LevelRows.Sum(), dense, TimeSpan.Zero);
        }

        var planner = new RefinePlanner(grid, margin);
        await set.LoadAsync(planner, ct).ConfigureAwait(false);
        var start = new RefinedRunStart(dir, grid, margin, set.Plan.CompletedLevels, planner.Computed);
        if (set.Plan.CompletedLevels > 0)
        {
            observer.Resuming(start);
        }

        observer.Starting(start);
        var clock = Stopwatch.StartNew();
        var levelClock = Stopwatch.StartNew();
        long ran = await RefinedSweep.RunAsync(
            planner,
            set.Plan.CompletedLevels,
            async (rows, token) =>
            {
                await set.WriteLevelAsync(rows, token).ConfigureAwait(false);
                observer.LevelWritten(rows.Level, rows.Count, levelClock.Elapsed);
                levelClock.Restart();
            },
            (level, count) => levelClock.Restart(),
            ct,
            Approve,
            observer.LevelProgress).ConfigureAwait(false);
        return new RefinedRunResult(dir, levels, AlreadyComplete: false, ran, planner.Computed, dense, clock.Elapsed);
    }
}
