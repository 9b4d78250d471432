using System.Diagnostics;
using System.Globalization;
using EosSweep.Core;
using EosSweep.Core.Refine;
using EosSweep.Core.Resources;
using EosSweep.Core.Results;
using EosSweep.Engine;
using EosSweep.Storage;

namespace EosSweep.Cli.Commands;

/// <summary><c>eos-sweep run --refine LEVELS</c>: an adaptively refined sweep into a <see cref="RefinedDataSet"/>.</summary>
public static class RefinedRun
{
    /// <summary>Level-k cells added around each boundary cell unless <c>--refine-margin</c> says otherwise.</summary>
    public const int DefaultMargin = 1;

    /// <summary>Runs (or continues) the refinement of <paramref name="coarse"/> into <paramref name="dir"/>.</summary>
    /// <returns>Whether every level is done.</returns>
    /// <exception cref="SweepInputException">The grid cannot be refined or the directory cannot be used.</exception>
    public static async Task<bool> RunAsync(SweepSpec coarse, int levels, int margin, string dir, bool overwrite, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
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
            stdout.WriteLine(string.Create(inv, $"{dir} already complete: {set.Plan.LevelRows.Sum():N0} trajectories in {levels + 1} levels; nothing to do"));
            return true;
        }

        var planner = new RefinePlanner(grid, margin);
        await set.LoadAsync(planner, ct).ConfigureAwait(false);
        if (set.Plan.CompletedLevels > 0)
        {
            stderr.WriteLine(string.Create(inv, $"eos-sweep: resuming {dir}: levels 0..{set.Plan.CompletedLevels - 1} done ({planner.Computed:N0} trajectories)"));
        }

        stderr.WriteLine(string.Create(inv,
            $"eos-sweep: {coarse.Model}, refining {grid.RowsAt(0)} × {grid.ColumnsAt(0)} by {levels} levels to {grid.Rows:N0} × {grid.Columns:N0} (margin {margin}) → {dir}"));
        var clock = Stopwatch.StartNew();
        var levelClock = Stopwatch.StartNew();
        long ran = await RefinedSweep.RunAsync(
            planner,
            set.Plan.CompletedLevels,
            async (rows, token) =>
            {
                await set.WriteLevelAsync(rows, token).ConfigureAwait(false);
                stderr.WriteLine(string.Create(inv, $"eos-sweep: level {rows.Level}: {rows.Count:N0} trajectories in {levelClock.Elapsed.TotalSeconds:0.00} s"));
                levelClock.Restart();
            },
            (level, count) => levelClock.Restart(),
            ct,
            Approve,
            new ProgressDisplay(stderr)).ConfigureAwait(false);
        stdout.WriteLine(string.Create(inv,
            $"wrote {ran:N0} trajectories to {dir} in {clock.Elapsed.TotalSeconds:0.00} s; the refined sweep holds {planner.Computed:N0} of the {dense:N0} finest cells ({100.0 * planner.Computed / dense:0.00}% of a dense run)"));
        return true;
    }
}
