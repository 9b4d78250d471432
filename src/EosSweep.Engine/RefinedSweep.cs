using EosSweep.Core;
using EosSweep.Core.Grid;
using EosSweep.Core.Refine;
using EosSweep.Core.Resources;
using EosSweep.Core.Results;
using EosSweep.Kernels.Execution;

namespace EosSweep.Engine;

/// <summary>
/// Runs an adaptively refined sweep level by level: each level's points (<see cref="RefinePlanner.PointsOf"/>) run
/// as index ranges of that level's grid (<see cref="RefineGrid.LevelSpec"/>), whose axis values are the finest
/// grid's own doubles, so every row equals the dense finest grid's row at the same traj_id bit for bit.
/// </summary>
public static class RefinedSweep
{
    /// <summary>
    /// Runs levels <paramref name="fromLevel"/> … L (the earlier ones must already be recorded in
    /// <paramref name="planner"/>), recording every result in the planner and handing each finished level to
    /// <paramref name="levelDone"/> before the next one is planned.
    /// </summary>
    /// <param name="planner">The plan, holding every level before <paramref name="fromLevel"/>.</param>
    /// <param name="fromLevel">The first level to run.</param>
    /// <param name="levelDone">Receives each finished level's rows.</param>
    /// <param name="levelStarted">Told each level and its point count before it runs.</param>
    /// <param name="ct">Stops between batches.</param>
    /// <param name="approve">Sees each level's estimate (<see cref="RunFootprint"/> of its points) before the level
    /// runs, and may refuse it by throwing <see cref="SweepInputException"/>.</param>
    /// <param name="progress">Each level's progress, a level at a time (Done and Total count that level's points).</param>
    /// <returns>Trajectories computed by this call.</returns>
    /// <exception cref="SweepInputException">The model reads per-trajectory-index data (its results would depend on
    /// the index, not only the grid point), or an axis is integer-valued.</exception>
    public static async Task<long> RunAsync(
        RefinePlanner planner,
        int fromLevel,
        Func<RefinedRows, CancellationToken, Task> levelDone,
        Action<int, long>? levelStarted = null,
        CancellationToken ct = default,
        Action<RunFootprint>? approve = null,
        IProgress<SweepProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(planner);
        ArgumentNullException.ThrowIfNull(levelDone);
        var grid = planner.Grid;
        Validate(grid);
        long total = 0;
        for (int level = fromLevel; level <= grid.Levels; level++)
        {
            ct.ThrowIfCancellationRequested();
            var points = planner.PointsOf(level);
            levelStarted?.Invoke(level, points.Count);
            var spec = grid.LevelSpec(level);
            var g = spec.Grid;
            long rowStride = g.Stride(grid.RowAxis), colStride = g.Stride(grid.ColumnAxis);
            int s = grid.Stride(level);
            var ranges = new List<IndexRange>();
            foreach (var (a, b) in points)
            {
                long index = (a * rowStride) + (b * colStride);
                if (ranges.Count > 0 && ranges[^1].End == index)
                {
                    ranges[^1] = new IndexRange(ranges[^1].Start, index + 1);
                }
                else
                {
                    ranges.Add(new IndexRange(index, index + 1));
                }
            }

            int p = ModelCatalog.Find(spec.Model).Parameters.Count;
            int extras = ModelCatalog.Find(spec.Model).ExtraColumns.Count;
            var rows = new RefinedRows(level, ResultLayout.DoubleCount(p, extras), points.Count);
            if (points.Count > 0)
            {
                using var session = SweepSession.Open(spec, approve, rows: points.Count);
                await session.RunAsync(ranges, (batch, _) =>
                {
                    Copy(batch, rows, grid, rowStride, colStride, s);
                    return Task.CompletedTask;
                }, progress, ct).ConfigureAwait(false);
            }

            for (int r = 0; r < rows.Count; r++)
            {
                planner.Record(rows.I[r], rows.J[r], level, (byte)rows.Ints[ResultLayout.RegimeColumn][r]);
            }

            total += rows.Count;
            await levelDone(rows, ct).ConfigureAwait(false);
        }

        return total;
    }

    /// <summary>Refuses what refinement cannot reproduce bit for bit: model data keyed by the index rather than the axis values, and integer axes.</summary>
    public static void Validate(RefineGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var model = ModelCatalog.Find(grid.Coarse.Model);
        if (model is IModelDataProvider { DataFollowsAxisValues: false })
        {
            throw new SweepInputException($"--refine: model '{model.Name}' reads data keyed by the trajectory index, so a refined point would not equal the dense grid's; refine another model");
        }

        foreach (int k in new[] { grid.RowAxis, grid.ColumnAxis })
        {
            if (model.Axes[k].Integer)
            {
                throw new SweepInputException($"--refine: axis '{model.Axes[k].Name}' takes integers and cannot be halved; refine two real-valued axes");
            }
        }
    }

    private static void Copy(ResultBatch batch, RefinedRows rows, RefineGrid grid, long rowStride, long colStride, int s)
    {
        int cap = batch.Capacity;
        int rowsK = grid.RowsAt(rows.Level), colsK = grid.ColumnsAt(rows.Level);
        for (int r = 0; r < batch.Count; r++)
        {
            long index = batch.Start + r;
            int a = (int)(index / rowStride % rowsK), b = (int)(index / colStride % colsK);
            int at = rows.Count++;
            rows.I[at] = a * s;
            rows.J[at] = b * s;
            rows.TrajIds[at] = grid.TrajId(a * s, b * s);
            for (int c = 0; c < rows.Doubles.Length; c++)
            {
                rows.Doubles[c][at] = batch.Doubles[(c * cap) + r];
            }

            for (int c = 0; c < rows.Ints.Length; c++)
            {
                rows.Ints[c][at] = batch.Ints[(c * cap) + r];
            }
        }
    }
}
