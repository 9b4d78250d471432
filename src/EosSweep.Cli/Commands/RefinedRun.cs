using System.Globalization;
using EosSweep.Core;
using EosSweep.Engine;

namespace EosSweep.Cli.Commands;

/// <summary><c>eos-sweep run --refine LEVELS</c>: an adaptively refined sweep through <see cref="SweepPipeline.RunRefinedAsync"/>.</summary>
public static class RefinedRun
{
    /// <summary>Level-k cells added around each boundary cell unless <c>--refine-margin</c> says otherwise.</summary>
    public const int DefaultMargin = SweepPipeline.DefaultRefineMargin;

    /// <summary>Runs (or continues) the refinement of <paramref name="coarse"/> into <paramref name="dir"/>.</summary>
    /// <returns>Whether every level is done.</returns>
    /// <exception cref="SweepInputException">The grid cannot be refined or the directory cannot be used.</exception>
    public static async Task<bool> RunAsync(SweepSpec coarse, int levels, int margin, string dir, bool overwrite, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var r = await SweepPipeline.RunRefinedAsync(coarse, levels, margin, dir, overwrite, new RunReport(stdout, stderr), ct).ConfigureAwait(false);
        var inv = CultureInfo.InvariantCulture;
        stdout.WriteLine(r.AlreadyComplete
            ? string.Create(inv, $"{dir} already complete: {r.Computed:N0} trajectories in {levels + 1} levels; nothing to do")
            : string.Create(inv,
                $"wrote {r.Ran:N0} trajectories to {dir} in {r.Elapsed.TotalSeconds:0.00} s; the refined sweep holds {r.Computed:N0} of the {r.DenseCells:N0} finest cells ({100.0 * r.Computed / r.DenseCells:0.00}% of a dense run)"));
        return true;
    }
}
