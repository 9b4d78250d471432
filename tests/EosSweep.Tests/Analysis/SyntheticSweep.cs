using EosSweep.Core;
using EosSweep.Core.Results;

namespace EosSweep.Tests.Analysis;

/// <summary>Specs and result tables made up for summarizer tests (no engine involved).</summary>
internal static class SyntheticSweep
{
    public static readonly FakeModel Model = new();

    public static SweepSpec Spec(params (string Axis, string Text)[] axes) =>
        SpecResolver.Resolve(
            new SweepSettings { Model = "fake", Axes = axes.ToDictionary(a => a.Axis, a => a.Text) },
            [Model]);

    /// <summary>
    /// One row per grid point. Start ratio r0 = η·y0²/2: below 1 gf (final ratio r0), 1 ≤ r0 &lt; 1.5 eos
    /// (final ratio 0.95), 1.5 ≤ r0 &lt; 3 unconverged (final r0), r0 ≥ 3 diverged (NaN, +∞ values); the
    /// seed shifts r0 by 5 % per step so seeds disagree near the boundaries. <paramref name="allNaN"/>
    /// makes every numeric result non-finite.
    /// </summary>
    public static ResultTable Table(SweepSpec spec, bool allNaN = false)
    {
        var grid = spec.Grid;
        int n = checked((int)grid.Count);
        int kEta = Index(spec, "eta"), kY0 = Index(spec, "y0"), kSeed = Index(spec, "seed");
        var cols = new Dictionary<string, double[]>();
        foreach (var name in new[] { "traj_id", "eta", "y0", "seed", "final_x", "final_y", "final_loss", "sharpness_max", "stability_ratio" })
        {
            cols[name] = new double[n];
        }

        var regimes = new Regime[n];
        for (int i = 0; i < n; i++)
        {
            double eta = grid.Value(i, kEta), y0 = grid.Value(i, kY0), seed = grid.Value(i, kSeed);
            cols["traj_id"][i] = i;
            cols["eta"][i] = eta;
            cols["y0"][i] = y0;
            cols["seed"][i] = seed;
            double r0 = eta * y0 * y0 / 2 * (1 + (0.05 * seed));
            (Regime regime, double ratio) = r0 switch
            {
                < 1 => (Regime.Gf, r0),
                < 1.5 => (Regime.Eos, 0.95),
                < 3 => (Regime.Unconverged, r0),
                _ => (Regime.Diverged, double.NaN),
            };
            regimes[i] = regime;
            double y = regime == Regime.Eos ? Math.Sqrt(2 * 0.95 / eta) : y0;
            bool bad = allNaN || regime == Regime.Diverged;
            cols["stability_ratio"][i] = bad ? double.NaN : ratio;
            cols["final_y"][i] = bad ? double.PositiveInfinity : y;
            cols["final_x"][i] = bad ? double.NaN : 0.01;
            cols["final_loss"][i] = bad ? double.NaN : 1e-12;
            cols["sharpness_max"][i] = bad ? double.NegativeInfinity : 2 * r0 / eta;
        }

        return new ResultTable(cols, regimes);
    }

    private static int Index(SweepSpec spec, string name)
    {
        for (int k = 0; k < spec.Axes.Count; k++)
        {
            if (spec.Axes[k].Name == name)
            {
                return k;
            }
        }

        throw new KeyNotFoundException(name);
    }
}
