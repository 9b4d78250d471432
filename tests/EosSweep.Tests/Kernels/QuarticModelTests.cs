using System.Globalization;
using EosSweep.Core;
using EosSweep.Kernels.Models;
using EosSweep.Tests.Engine;

namespace EosSweep.Tests.Kernels;

/// <summary>The quartic L = ¼(x²y² − 1)² on the engine's own sweeps: minimiser manifold, its sharpness, the edge.</summary>
public sealed class QuarticModelTests
{
    private static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    [Fact]
    public void Quartic_SmallEta_ConvergesOntoManifold_WithFlowSharpnessBelowTwoOverEta()
    {
        // (1.5, 0.5): D = 2, so gradient flow reaches x² + y² = √8 with sharpness 2√8; η·2√8/2 ≤ 0.9 for η ≤ 0.318.
        double s = QuarticModelInfo.FlowSharpness(1.5, 0.5);
        Assert.Equal(2 * Math.Sqrt(8), s, 14);
        double[] etas = [0.02, 0.1, 0.2, 0.3];
        var rows = SweepHarness.Run(new SweepSettings
        {
            Model = "quartic",
            Steps = 20_000,
            Axes = new Dictionary<string, string> { ["eta"] = string.Join(",", etas.Select(Num)), ["x0"] = "1.5", ["y0"] = "0.5" },
        });
        for (int i = 0; i < etas.Length; i++)
        {
            var r = rows[i];
            double x = r.Parameters[0], y = r.Parameters[1];
            Assert.True(r.Regime is Regime.Gf or Regime.Eos, $"η = {etas[i]}: {r.Regime}");
            Assert.True(Math.Abs((x * y) - 1) <= 1e-6, $"η = {etas[i]}: xy = {x * y}");
            Assert.True(r.SharpnessFinal < 2 / etas[i]);

            // On xy = ±1 the Hessian is 2·(y, ±x)(y, ±x)ᵀ: the sharpness is 2(x² + y²) exactly.
            Assert.Equal(2 * ((x * x) + (y * y)), r.SharpnessFinal, 6);

            // GD drifts from the flow's conserved D by O(η); 2 % is the tolerance of the summary check.
            Assert.True(Math.Abs(r.SharpnessFinal - s) <= 0.02 * s, $"η = {etas[i]}: λ = {r.SharpnessFinal}, S(D) = {s}");
        }
    }

    [Fact]
    public void Quartic_BalancedStart_ReachesBalancedMinimiser_WithSharpnessFour()
    {
        var rows = SweepHarness.Run(new SweepSettings
        {
            Model = "quartic",
            Steps = 20_000,
            Axes = new Dictionary<string, string> { ["eta"] = "0.05,0.2,0.4", ["x0"] = "0.5", ["y0"] = "0.5,-0.5" },
        });
        foreach (var r in rows)
        {
            Assert.True(r.Regime is Regime.Gf or Regime.Eos, r.Regime.ToString());
            Assert.Equal(1.0, Math.Abs(r.Parameters[0]), 7);
            Assert.Equal(1.0, Math.Abs(r.Parameters[1]), 7);
            Assert.Equal(4.0, r.SharpnessFinal, 6);
        }
    }

    [Theory]
    [InlineData(1.5, 0.5, 1.2)]
    [InlineData(2.0, 0.3, 1.5)]
    [InlineData(0.05, 2.6, 1.1)]
    public void Quartic_AboveFlowThreshold_SettlesAtEdge(double x0, double y0, double startRatio)
    {
        double eta = startRatio * 2 / QuarticModelInfo.FlowSharpness(x0, y0);
        Assert.True(eta < 0.45);
        var r = SweepHarness.Run(new SweepSettings
        {
            Model = "quartic",
            Steps = (int)(4000 / eta),
            Axes = new Dictionary<string, string> { ["eta"] = Num(eta), ["x0"] = Num(x0), ["y0"] = Num(y0) },
        })[0];
        Assert.Equal(Regime.Eos, r.Regime);
        Assert.Equal(1.0, Math.Abs(r.Parameters[0] * r.Parameters[1]), 6);
        Assert.InRange(r.Ratio, 0.9, 1.0);
    }

    [Fact]
    public void Quartic_EtaAboveHalf_NeverConvergesOntoManifold()
    {
        var rows = SweepHarness.Run(new SweepSettings
        {
            Model = "quartic",
            Steps = 5000,
            Axes = new Dictionary<string, string> { ["eta"] = "0.51,0.6,0.8", ["x0"] = "0.3,0.7,1.2", ["y0"] = "0.4,0.9" },
        });
        foreach (var r in rows)
        {
            bool onManifold = r.Regime is Regime.Gf or Regime.Eos && Math.Abs(Math.Abs(r.Parameters[0] * r.Parameters[1]) - 1) <= 1e-4;
            Assert.False(onManifold, $"row {r.Index}: converged onto xy = ±1 with η > ½");
        }
    }
}
