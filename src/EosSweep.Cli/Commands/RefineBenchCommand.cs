using System.CommandLine;
using System.Globalization;
using EosSweep.Benchmarks;
using EosSweep.Core;
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
            var r = await RefineBenchmark.RunAsync(n, l, s, m, ct).ConfigureAwait(false);
            var inv = CultureInfo.InvariantCulture;
            stdout.WriteLine(string.Create(inv, $"xy/logistic, {s} steps, {n} × {n} refined by {l} levels (margin {m}) → {r.Rows} × {r.Columns}"));
            stdout.WriteLine(string.Create(inv, $"dense:   {r.Dense:N0} trajectories in {r.DenseTime.TotalSeconds:0.00} s"));
            stdout.WriteLine(string.Create(inv, $"refined: {r.Refined:N0} trajectories ({100.0 * r.Share:0.00}% of dense) in {r.RefinedTime.TotalSeconds:0.00} s"));
            stdout.WriteLine(string.Create(inv, $"boundary cells: dense {r.DenseBoundary:N0}, refined {r.RefinedBoundary:N0}; dense cells with no refined one within 1 cell: {r.Missed:N0}; refined cells with no dense one within 1 cell: {r.Extra:N0}"));
            return r.Missed == 0 && r.Extra == 0 ? 0 : 1;
        }));
        return cmd;
    }
}
