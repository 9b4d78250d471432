using System.Diagnostics;
using System.Globalization;
using EosSweep.Core;
using EosSweep.Core.Refine;
using EosSweep.Core.Results;
using EosSweep.Engine;

namespace EosSweep.Benchmarks;

/// <summary>
/// An adaptively refined sweep against the dense run of its finest grid, in memory: an xy sweep (logistic loss,
/// η log 0.05..1 × y0 lin 0.5..16) refined from N × N by L levels; how many trajectories each ran, how long each took,
/// and how many boundary cells (4-neighbour regime changes) of either have no boundary cell of the other within one cell.
/// </summary>
public static class RefineBenchmark
{
    /// <summary>Runs the refined sweep and the dense one and compares their boundaries.</summary>
    /// <param name="coarse">Coarse points per axis.</param>
    /// <param name="levels">Refinement levels.</param>
    /// <param name="steps">GD steps per trajectory.</param>
    /// <param name="margin">Refinement margin in cells.</param>
    /// <param name="ct">Stops between batches.</param>
    /// <exception cref="SweepInputException">The grid cannot be refined.</exception>
    public static async Task<RefineBenchmarkResult> RunAsync(int coarse, int levels, int steps, int margin, CancellationToken ct = default)
    {
        var spec = SpecResolver.Resolve(new SweepSettings
        {
            Model = "xy",
            Loss = "logistic",
            Steps = steps,
            Accelerator = "cpu",
            Axes = new Dictionary<string, string>
            {
                ["eta"] = string.Create(CultureInfo.InvariantCulture, $"log:0.05:1:{coarse}"),
                ["y0"] = string.Create(CultureInfo.InvariantCulture, $"lin:0.5:16:{coarse}"),
            },
        }, ModelCatalog.All);
        var grid = RefineGrid.Create(spec, levels);
        var planner = new RefinePlanner(grid, margin);
        var clock = Stopwatch.StartNew();
        await RefinedSweep.RunAsync(planner, 0, (_, _) => Task.CompletedTask, ct: ct).ConfigureAwait(false);
        var refinedTime = clock.Elapsed;

        var dense = new byte[grid.FinestCells];
        long rowStride = grid.Finest.Grid.Stride(grid.RowAxis), colStride = grid.Finest.Grid.Stride(grid.ColumnAxis);
        clock.Restart();
        using (var session = SweepSession.Open(grid.Finest))
        {
            await session.RunAsync(
                (b, _) =>
                {
                    for (int r = 0; r < b.Count; r++)
                    {
                        long index = b.Start + r;
                        long i = index / rowStride % grid.Rows, j = index / colStride % grid.Columns;
                        dense[(i * grid.Columns) + j] = (byte)b.Ints[(ResultLayout.RegimeColumn * b.Capacity) + r];
                    }

                    return Task.CompletedTask;
                },
                progress: null,
                ct).ConfigureAwait(false);
        }

        var denseTime = clock.Elapsed;
        var want = RefinePlanner.BoundaryOf(dense, grid.Rows, grid.Columns);
        var got = RefinePlanner.BoundaryOf(planner.Image(levels), grid.Rows, grid.Columns);
        return new RefineBenchmarkResult(
            grid.Rows,
            grid.Columns,
            grid.FinestCells,
            planner.Computed,
            denseTime,
            refinedTime,
            want.Count(b => b),
            got.Count(b => b),
            RefineBoundary.Unmatched(want, got, grid.Rows, grid.Columns, 1),
            RefineBoundary.Unmatched(got, want, grid.Rows, grid.Columns, 1));
    }
}

/// <summary>What <see cref="RefineBenchmark.RunAsync"/> measured.</summary>
/// <param name="Rows">Finest points along the first axis.</param>
/// <param name="Columns">Finest points along the second axis.</param>
/// <param name="Dense">Trajectories of the dense finest grid.</param>
/// <param name="Refined">Trajectories the refined sweep ran.</param>
/// <param name="DenseTime">Wall time of the dense run.</param>
/// <param name="RefinedTime">Wall time of the refined run.</param>
/// <param name="DenseBoundary">Boundary cells of the dense image.</param>
/// <param name="RefinedBoundary">Boundary cells of the refined image.</param>
/// <param name="Missed">Dense boundary cells with no refined one within one cell.</param>
/// <param name="Extra">Refined boundary cells with no dense one within one cell.</param>
public sealed record RefineBenchmarkResult(
    int Rows, int Columns, long Dense, long Refined, TimeSpan DenseTime, TimeSpan RefinedTime, int DenseBoundary, int RefinedBoundary, long Missed, long Extra)
{
    /// <summary>The refined run's trajectories as a share of the dense run's.</summary>
    public double Share => (double)Refined / Dense;
}
