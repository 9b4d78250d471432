using System.Globalization;
using EosSweep.Core;
using EosSweep.Core.Models;
using EosSweep.Kernels.Models;
using EosSweep.Tests.Engine;

namespace EosSweep.Tests.Kernels;

/// <summary>The theory of docs/models.md (xy, mean), checked on the engine's own sweeps (CPU accelerator, f64).</summary>
public sealed class TheoryTests
{
    private static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    public static TheoryData<string, double> SubQuadratic
    {
        get
        {
            var data = new TheoryData<string, double>();
            foreach (var loss in new[] { "logistic", "sqrt", "logcosh" })
            {
                foreach (var eta in new[] { 0.02, 0.05, 0.1 })
                {
                    data.Add(loss, eta);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(SubQuadratic))]
    public void Xy_AboveBoundary_SettlesAtEdge_BelowBoundary_KeepsY0(string loss, double eta)
    {
        // Start ratio r0 = ℓ''(0)·y0²·η/2; η·ℓ''(0) ≤ 0.1 and x0 = 0.1 as in docs/models.md (xy); 5000/η ≥ 2000/η steps.
        double c = LossInfo.Parse(loss).CurvatureAtZero;
        double[] edge = [1.05, 1.25, 1.5];
        double[] flow = [0.3, 0.6, 0.85];
        var ratios = edge.Concat(flow).ToArray();
        var y0 = ratios.Select(r => Math.Sqrt(2 * r / (c * eta))).ToArray();
        var rows = SweepHarness.Run(new SweepSettings
        {
            Model = "xy",
            Loss = loss,
            Steps = (int)Math.Ceiling(5000 / eta),
            Axes = new Dictionary<string, string> { ["eta"] = Num(eta), ["x0"] = "0.1", ["y0"] = string.Join(",", y0.Select(Num)) },
        });
        for (int i = 0; i < ratios.Length; i++)
        {
            var r = rows[i];
            if (ratios[i] > 1)
            {
                Assert.True(r.Regime == Regime.Eos, $"{loss} η={eta} r0={ratios[i]}: regime {r.Regime}");
                Assert.InRange(r.Ratio, 0.9, 1.0);
            }
            else
            {
                Assert.True(r.Regime == Regime.Gf, $"{loss} η={eta} r0={ratios[i]}: regime {r.Regime}");
                Assert.True(Math.Abs(r.Parameters[1] - y0[i]) <= 0.01 * y0[i], $"{loss} η={eta} r0={ratios[i]}: y {r.Parameters[1]} vs y0 {y0[i]}");
            }
        }
    }

    [Fact]
    public void Mean_BelowThreshold_BiasStaysAtZero_AboveThreshold_SettlesAtEdgeBias()
    {
        const double d = 200;
        double star = MeanModelInfo.EtaStar(d, LossKind.Logistic);
        Assert.Equal(8 * Math.PI / (d * d), star, 15);
        double[] factors = [0.5, 2, 4];
        var rows = SweepHarness.Run(new SweepSettings
        {
            Model = "mean",
            Steps = 200_000,
            Axes = new Dictionary<string, string> { ["eta"] = string.Join(",", factors.Select(f => Num(f * star))), ["d"] = "200" },
        });

        Assert.InRange(rows[0].Parameters[2], -0.01, 0.01);
        Assert.Equal(Regime.Gf, rows[0].Regime);
        for (int i = 1; i < factors.Length; i++)
        {
            double eta = factors[i] * star;
            double bInf = MeanModelInfo.BInfinity(eta, d, LossKind.Logistic);
            Assert.Equal(2 / (d * Math.Sqrt(eta)), MeanModelInfo.G(bInf), 12);
            Assert.True(Math.Abs(rows[i].Parameters[2] - bInf) <= 0.01, $"η = {factors[i]}η*: b = {rows[i].Parameters[2]}, b∞ = {bInf}");
            Assert.Equal(Regime.Eos, rows[i].Regime);
        }
    }

    [Fact]
    public void Mean_SharpnessAtZeroA_IsDSquaredOver4Pi()
    {
        // At A = 0 and b = 0 the sharpness is 2·ℓ''(0)·d²·g(0)² = d²/(4π) for the logistic loss.
        var rows = SweepHarness.Run(new SweepSettings
        {
            Model = "mean",
            Steps = 1,
            Axes = new Dictionary<string, string> { ["eta"] = "1e-6", ["a_plus0"] = "0", ["a_minus0"] = "0", ["d"] = "200" },
        });
        Assert.Equal(200.0 * 200 / (4 * Math.PI), rows[0].SharpnessFinal, 9);
    }
}
