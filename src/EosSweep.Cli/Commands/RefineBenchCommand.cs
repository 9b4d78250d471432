using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using EosSweep.Core;
using EosSweep.Core.Refine;
using EosSweep.Core.Results;
using EosSweep.Engine;

namespace EosSweep.Cli.Commands;

/// <summary>
/// <c>eos-sweep refine-bench</c>: an xy sweep (logistic loss, η log 0.05..1 × y0 lin 0.5..16) refined from N × N by L
/// levels against the dense run of its finest grid, in memory: trajectories and wall time of each, and how many
/// boundary cells of either have no boundary cell of the other within one cell.
/// </summary>
public static class RefineBenchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var coarse = new Option<string?>("--coarse") { Description = "Coarse points per axis (default 64)", HelpName = "N" };
        var levels = new Option<string?>("--levels") { Description = "Refinement levels (default 4: 64 → 1009 per axis)", HelpName = "L" };
        var steps = new Option<string?>("--steps") { Description = "GD steps per trajectory (default 300)", HelpName = "N" };
        var margin = new Option<string?>("--margin") { Description = $"Refinement margin in cells (default {RefinedRun.DefaultMargin})", HelpName = "CELLS" };
        var cmd = new Command("refine-bench", "Adaptive refinement against the dense finest grid: trajectories, time, boundary agreement")
        {
            coarse, levels, steps, margin,
        };
        cmd.SetAction((pr, ct) => CliAction.GuardAsync(stderr, async () =>
        {
            int n = OptionText.Int(pr.GetValue(coarse), "--coarse") ?? 64;
            int l = OptionText.Int(pr.GetValue(levels), "--levels") ?? 4;
            int s = OptionText.Int(pr.GetValue(steps), "--steps") ?? 300;
            int m = OptionText.Int(pr.GetValue(margin), "--margin") ?? RefinedRun.DefaultMargin;
            var spec = SpecResolver.Resolve(new SweepSettings
            {
                Model = "xy",
                Loss = "logistic",
                Steps = s,
                Accelerator = "cpu",
                Axes = new Dictionary<string, string>
                {
                    ["eta"] = string.Create(CultureInfo.InvariantCulture, $"log:0.05:1:{n}"),
                    ["y0"] = string.Create(CultureInfo.InvariantCulture, $"lin:0.5:16:{n}"),
                },
            }, ModelCatalog.All);
            var grid = RefineGrid.Create(spec, l);
            var planner = new RefinePlanner(grid, m);
            var clock = Stopwatch.StartNew();
            await RefinedSweep.RunAsync(planner, 0, (_, _) => Task.CompletedTask, ct: ct).ConfigureAwait(false);
            var refinedTime = clock.Elapsed;

            var dense = new byte[grid.Rows * grid.Columns];
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
                            int i = (int)(index / rowStride % grid.Rows), j = (int)(index / colStride % grid.Columns);
                            dense[(i * grid.Columns) + j] = (byte)b.Ints[(ResultLayout.RegimeColumn * b.Capacity) + r];
                        }

                        return Task.CompletedTask;
                    },
                    progress: null,
                    ct).ConfigureAwait(false);
            }

            var denseTime = clock.Elapsed;
            var want = RefinePlanner.BoundaryOf(dense, grid.Rows, grid.Columns);
            var got = RefinePlanner.BoundaryOf(planner.Image(l), grid.Rows, grid.Columns);
            long missed = RefineBoundary.Unmatched(want, got, grid.Rows, grid.Columns, 1);
            long extra = RefineBoundary.Unmatched(got, want, grid.Rows, grid.Columns, 1);
            long cells = (long)grid.Rows * grid.Columns;
            var inv = CultureInfo.InvariantCulture;
            stdout.WriteLine(string.Create(inv, $"xy/logistic, {s} steps, {n} × {n} refined by {l} levels (margin {m}) → {grid.Rows} × {grid.Columns}"));
            stdout.WriteLine(string.Create(inv, $"dense:   {cells:N0} trajectories in {denseTime.TotalSeconds:0.00} s"));
            stdout.WriteLine(string.Create(inv, $"refined: {planner.Computed:N0} trajectories ({100.0 * planner.Computed / cells:0.00}% of dense) in {refinedTime.TotalSeconds:0.00} s"));
            stdout.WriteLine(string.Create(inv, $"boundary cells: dense {want.Count(b => b):N0}, refined {got.Count(b => b):N0}; dense cells with no refined one within 1 cell: {missed:N0}; refined cells with no dense one within 1 cell: {extra:N0}"));
            return missed == 0 && extra == 0 ? 0 : 1;
        }));
        return cmd;
    }
}
