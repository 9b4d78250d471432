using System.Globalization;
using EosSweep.Core;
using Xunit.Abstractions;

namespace EosSweep.Tests.Kernels.Independent;

/// <summary>The mean model on both CPU engines against <see cref="MeanReference"/> (README equations, plain System.Math, own Φ).</summary>
public sealed class MeanIndependentTests(ITestOutputHelper output)
{
    // The engine's Φ (fdlibm erfc), exp and tanh differ from the reference's series/continued fraction and System.Math by
    // a few ulps; the eos row hovers at the edge for ~2700 steps, which amplifies them. 1e-7 relative (1e-12 absolute
    // for values near 0) leaves room above the measured deviation (logged) and is far below the effect of any wrong
    // term (the b-gradient or the Hessian's φ entry change the results at the percent level).
    private const double Rel = 1e-7;
    private const double Abs = 1e-12;
    private const double Margin = 1e-6;

    // η* = 8π/d² for the logistic loss at d = 200.
    private static readonly double EtaStar = 8 * Math.PI / (200.0 * 200.0);

    [Fact]
    public void NormalCdf_MatchesTabulatedValues()
    {
        // Φ at a few points (tables to 16-17 digits): the reference's own Φ is the one thing here not from System.Math.
        Assert.Equal(0.5, NormalCdf.Cdf(0), 15);
        Assert.Equal(0.8413447460685429, NormalCdf.Cdf(1), 15);
        Assert.Equal(0.06680720126885807, NormalCdf.Cdf(-1.5), 15);
        Assert.True(Math.Abs(NormalCdf.Cdf(-3) - 0.0013498980316300946) <= 1e-15 * 0.00135);
        Assert.True(Math.Abs(NormalCdf.Cdf(-6) - 9.865876450376981e-10) <= 1e-14 * 9.87e-10);
    }

    [Theory]
    [MemberData(nameof(EngineRun.Engines), MemberType = typeof(EngineRun))]
    public void Logistic_AroundTheThreshold_MatchesTheReference(AcceleratorChoice engine)
    {
        // η = η*/1000 converges too slowly for 5000 steps (unconverged), η*/4 converges with b ≈ 0 (gf), 2η* settles at
        // the edge with b < 0 (eos).
        double[] etas = [EtaStar / 1000, EtaStar / 4, 2 * EtaStar];
        var settings = Settings("logistic", etas, 5000);
        double worst = IndependentCheck.Check(
            settings, engine, i => new MeanReference("logistic", Parse(etas[i]), 0.05, -0.02, 0, 200), new ReferenceLimits(5000), t => t, Rel, Abs, Margin,
            Regime.Unconverged, Regime.Gf, Regime.Eos);
        output.WriteLine($"mean logistic on {engine}: largest relative deviation {worst:G3}");
    }

    [Theory]
    [MemberData(nameof(EngineRun.Engines), MemberType = typeof(EngineRun))]
    public void Square_FarAboveTheThreshold_CatapultsUnlessTheBoundStopsIt(AcceleratorChoice engine)
    {
        // The square loss at 100× its threshold 2π/d²: the first steps throw a± to ~440 and b to ~ −3500, where g(b)
        // underflows to 0, the gradient vanishes and GD stops (eos: the ratio was ~4000 on the way). --diverge-bound
        // 1000 calls the same run diverged when ‖θ‖₁ first exceeds 1000. The first row is η/4 (gf) for contrast.
        double star = 2 * Math.PI / (200.0 * 200.0);
        double[] etas = [star / 4, 100 * star];
        IReferenceModel Model(long i) => new MeanReference("square", Parse(etas[i]), 0.05, -0.02, 0, 200);
        double worst = IndependentCheck.Check(
            Settings("square", etas, 5000), engine, Model, new ReferenceLimits(5000), t => t, Rel, Abs, Margin, Regime.Gf, Regime.Eos);
        IndependentCheck.Check(
            Settings("square", etas, 5000) with { DivergenceBound = 1000 }, engine, Model, new ReferenceLimits(5000, Bound: 1000), t => t, Rel, Abs, Margin,
            Regime.Gf, Regime.Diverged);
        output.WriteLine($"mean square on {engine}: largest relative deviation {worst:G3}");
    }

    [Theory]
    [MemberData(nameof(EngineRun.Engines), MemberType = typeof(EngineRun))]
    public void Tolerance_Loose_ConvergesTheSlowRun(AcceleratorChoice engine)
    {
        // --tol 1e-6 converges the η*/1000 run (gf) that the default tolerance leaves unconverged at 5000 steps.
        double eta = Parse(EtaStar / 1000);
        var model = new MeanReference("logistic", eta, 0.05, -0.02, 0, 200);
        var limits = new ReferenceLimits(5000, Tol: 1e-6);
        Assert.Equal(Regime.Unconverged, ReferenceTrajectory.Run(model, new ReferenceLimits(5000)).Regime);
        var settings = Settings("logistic", [eta], 5000) with { Tolerance = 1e-6 };
        IndependentCheck.Check(settings, engine, _ => model, limits, t => t, Rel, Abs, Margin, Regime.Gf);
    }

    /// <summary>The value the engine reads from the round-trip string of <paramref name="v"/>.</summary>
    private static double Parse(double v) => double.Parse(v.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>The mean sweep these checks run: logistic or square loss, a₊ = 0.05, a₋ = −0.02, b0 = 0, d = 200, over <paramref name="etas"/>.</summary>
    internal static SweepSettings Settings(string loss, double[] etas, int steps) => new()
    {
        Model = "mean",
        Loss = loss,
        Steps = steps,
        Axes = new Dictionary<string, string>
        {
            ["eta"] = string.Join(",", etas.Select(e => e.ToString("R", CultureInfo.InvariantCulture))),
            ["a_plus0"] = "0.05",
            ["a_minus0"] = "-0.02",
            ["b0"] = "0",
            ["d"] = "200",
        },
    };
}
