using System.Globalization;
using EosSweep.Core;
using EosSweep.Tests.Engine;

namespace EosSweep.Tests.Kernels;

/// <summary>The cosine test bed on the engine's own sweeps.</summary>
public sealed class CosineModelTests
{
    private static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("additive")]
    [InlineData("multiplicative")]
    public void Cosine_DeltaZero_IsTheQuadratic_ConvergesIffEtaBelowOne(string form)
    {
        // δ = 0 leaves L = x², GD x' = (1 − 2η)x: converges iff η < 1, diverges iff η > 1.
        double[] etas = [0.1, 0.5, 0.9, 0.97, 1.03, 1.2, 2.0];
        var rows = SweepHarness.Run(new SweepSettings
        {
            Model = "cosine",
            Steps = 5000,
            Options = new Dictionary<string, string> { ["form"] = form },
            Axes = new Dictionary<string, string>
            {
                ["eta"] = string.Join(",", etas.Select(Num)),
                ["delta"] = "0",
                ["lambda"] = "0.5",
                ["x0"] = "-2,0.3,1",
            },
        });
        foreach (var r in rows)
        {
            double eta = etas[r.Index / 3];
            if (eta < 1)
            {
                Assert.True(r.Regime is Regime.Gf or Regime.Eos, $"η = {eta}: {r.Regime}");
                Assert.Equal(0.0, r.Parameters[0], 9);
                Assert.Equal(2.0, r.SharpnessFinal, 12);
            }
            else
            {
                Assert.Equal(Regime.Diverged, r.Regime);
            }
        }
    }

    [Fact]
    public void Cosine_Additive_SmallStep_ConvergesGf_LargeStep_NothingStable()
    {
        // δ = 0.02, λ = 1: |δ|k² ≈ 0.79, so η < 2/2.79 ≈ 0.717 converges gf, η > 2/1.21 ≈ 1.65 cannot converge.
        var rows = SweepHarness.Run(new SweepSettings
        {
            Model = "cosine",
            Steps = 20_000,
            Axes = new Dictionary<string, string> { ["eta"] = "0.1,0.4,0.68,1.7,2.2", ["delta"] = "0.02", ["lambda"] = "1", ["x0"] = "lin:-3:3:13" },
        });
        foreach (var r in rows)
        {
            int e = (int)(r.Index / 13);
            if (e < 3)
            {
                Assert.True(r.Regime == Regime.Gf, $"row {r.Index}: {r.Regime}");
                Assert.True(r.SharpnessFinal > 0);
            }
            else
            {
                Assert.True(r.Regime is Regime.Diverged or Regime.Unconverged, $"row {r.Index}: {r.Regime}");
            }
        }
    }

    [Fact]
    public void Cosine_Multiplicative_OriginStableIffEtaTimesOnePlusDeltaBelowOne()
    {
        // L''(0) = 2(1 + δ): with δ = 0.25 the origin is stable for η < 0.8. Starts near 0 (|k·x0| ≤ 0.3).
        var rows = SweepHarness.Run(new SweepSettings
        {
            Model = "cosine",
            Steps = 20_000,
            Options = new Dictionary<string, string> { ["form"] = "multiplicative" },
            Axes = new Dictionary<string, string> { ["eta"] = "0.3,0.7,0.83,0.95", ["delta"] = "0.25", ["lambda"] = "4", ["x0"] = "-0.15,0.05,0.19" },
        });
        foreach (var r in rows)
        {
            bool stable = r.Index / 3 < 2;
            bool atOrigin = r.Regime is Regime.Gf or Regime.Eos && Math.Abs(r.Parameters[0]) <= 1e-6;
            Assert.True(stable == atOrigin, $"row {r.Index}: {r.Regime}, x = {r.Parameters[0]}");
        }
    }
}
