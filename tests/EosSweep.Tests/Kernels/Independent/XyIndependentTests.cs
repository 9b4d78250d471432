using System.Globalization;
using EosSweep.Core;
using Xunit.Abstractions;

namespace EosSweep.Tests.Kernels.Independent;

/// <summary>
/// The xy model on both CPU engines against <see cref="XyReference"/>, an independent transcription of the README's
/// equations and regime rules in plain System.Math: steps and regime identical, measured columns close.
/// </summary>
public sealed class XyIndependentTests(ITestOutputHelper output)
{
    // The engine's exp/log/tanh differ from System.Math by a few ulps and it fuses multiply-adds; along a few thousand
    // steps of a contracting trajectory those differences stay near 1e-13 relative (measured below 1e-12, logged). At the
    // edge of stability the map is neutrally stable and they grow further, so 1e-8 relative leaves room while still
    // catching any wrong formula (which shifts the results at the 1e-3 level or more). Values that converge to 0
    // (x at the end) are judged with an absolute floor of 1e-12, the scale of the 1e-10 tolerance's residue.
    private const double Rel = 1e-8;
    private const double Abs = 1e-12;

    // Each decision of the reference must be this far from flipping (relative on the move, absolute on the ratio, the
    // bound and the flush in decades): far above the engine/reference deviation, so steps and regime cannot differ by chance.
    private const double Margin = 1e-6;

    public static TheoryData<AcceleratorChoice, string> EnginesAndLosses()
    {
        var data = new TheoryData<AcceleratorChoice, string>();
        foreach (var engine in new[] { AcceleratorChoice.CpuIlgpu, AcceleratorChoice.Cpu })
        {
            foreach (var loss in new[] { "logistic", "sqrt", "logcosh" })
            {
                data.Add(engine, loss);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EnginesAndLosses))]
    public void SubQuadraticLoss_GfEosUnconverged_MatchTheReference(AcceleratorChoice engine, string loss)
    {
        // y0 from the start ratio ℓ''(0)·y0²·η/2 at η = 0.5: 0.5 (gf) and 1.2 (settles at the edge: eos). At η = 0.001 the
        // first converges too slowly for 6000 steps (unconverged), the second in time (gf).
        double c = ReferenceLoss.CurvatureAtZero(loss);
        string low = Y0(0.5, 0.5, c), high = Y0(1.2, 0.5, c);
        double[] etas = [0.001, 0.5], y0s = [double.Parse(low, CultureInfo.InvariantCulture), double.Parse(high, CultureInfo.InvariantCulture)];
        var settings = Settings(loss, "0.001,0.5", $"{low},{high}", 6000);
        double worst = IndependentCheck.Check(
            settings, engine, i => new XyReference(loss, etas[i / 2], 0.1, y0s[i % 2]), new ReferenceLimits(6000), t => t, Rel, Abs, Margin,
            Regime.Unconverged, Regime.Gf, Regime.Gf, Regime.Eos);
        output.WriteLine($"xy {loss} on {engine}: largest relative deviation {worst:G3}");
    }

    [Theory]
    [MemberData(nameof(EngineRun.Engines), MemberType = typeof(EngineRun))]
    public void SquareLoss_GfCatapultDiverged_MatchTheReference(AcceleratorChoice engine)
    {
        // η = 0.1, start ratios y0²·η/2 = 0.2 (gf), 1.25 (catapults, lands below the edge: eos, the ratio passed 1 − m), 3.2 (diverges).
        double[] y0s = [2, 5, 8];
        var settings = Settings("square", "0.1", "2,5,8", 6000);
        double worst = IndependentCheck.Check(
            settings, engine, i => new XyReference("square", 0.1, 0.1, y0s[i]), new ReferenceLimits(6000), t => t, Rel, Abs, Margin,
            Regime.Gf, Regime.Eos, Regime.Diverged);
        output.WriteLine($"xy square on {engine}: largest relative deviation {worst:G3}");
    }

    [Theory]
    [MemberData(nameof(EngineRun.Engines), MemberType = typeof(EngineRun))]
    public void Tolerance_StopsAtTheStepTheReferenceStops(AcceleratorChoice engine)
    {
        // --tol 1e-6: η = 0.001, y0 = √8 converges (gf) where the default 1e-10 leaves it unconverged within 6000 steps.
        string y0 = Y0(0.5, 0.5, 0.25);
        var model = new XyReference("logistic", 0.001, 0.1, double.Parse(y0, CultureInfo.InvariantCulture));
        Assert.Equal(Regime.Unconverged, ReferenceTrajectory.Run(model, new ReferenceLimits(6000)).Regime);
        var settings = Settings("logistic", "0.001", y0, 6000) with { Tolerance = 1e-6 };
        IndependentCheck.Check(settings, engine, _ => model, new ReferenceLimits(6000, Tol: 1e-6), t => t, Rel, Abs, Margin, Regime.Gf);
    }

    [Theory]
    [MemberData(nameof(EngineRun.Engines), MemberType = typeof(EngineRun))]
    public void DivergenceBound_DivergesAtTheStepTheReferenceDoes(AcceleratorChoice engine)
    {
        // --diverge-bound 100: the square loss from start ratio 3.2 crosses ‖θ‖₁ = 100 steps before it crosses 1e8.
        var model = new XyReference("square", 0.1, 0.1, 8);
        var limits = new ReferenceLimits(6000, Bound: 100);
        var reference = ReferenceTrajectory.Run(model, limits);
        Assert.True(reference.Steps < ReferenceTrajectory.Run(model, new ReferenceLimits(6000)).Steps, "the bound must change the divergence step");
        var settings = Settings("square", "0.1", "8", 6000) with { DivergenceBound = 100 };
        IndependentCheck.Check(settings, engine, _ => model, limits, t => t, Rel, Abs, Margin, Regime.Diverged);
    }

    [Theory]
    [MemberData(nameof(EngineRun.Engines), MemberType = typeof(EngineRun))]
    public void EosMargin_ReadsANearEdgeRunAsEos(AcceleratorChoice engine)
    {
        // Start ratio 0.95: gf under the default margin 0.02 (0.95 < 0.98), eos under --eos-margin 0.1 (0.95 ≥ 0.9).
        string y0 = Y0(0.95, 0.5, 0.25);
        var model = new XyReference("logistic", 0.5, 0.1, double.Parse(y0, CultureInfo.InvariantCulture));
        Assert.Equal(Regime.Gf, ReferenceTrajectory.Run(model, new ReferenceLimits(6000)).Regime);
        var settings = Settings("logistic", "0.5", y0, 6000) with { EosMargin = 0.1 };
        IndependentCheck.Check(settings, engine, _ => model, new ReferenceLimits(6000, EosMargin: 0.1), t => t, Rel, Abs, Margin, Regime.Eos);
    }

    [Theory]
    [MemberData(nameof(EngineRun.Engines), MemberType = typeof(EngineRun))]
    public void Flush_F64_ZeroesADecayingCoordinateBelow1e100(AcceleratorChoice engine)
    {
        // Square loss, η = 0.5, y ≈ 1: x halves each step and falls below 1e-100 after ~330 steps; flushed to 0 the next
        // move is exactly 0, which --tol 0 accepts (without the flush x would run on through the subnormals).
        var model = new XyReference("square", 0.5, 0.1, 1);
        var limits = new ReferenceLimits(6000, Tol: 0);
        var reference = ReferenceTrajectory.Run(model, limits);
        Assert.Equal(1, reference.Flushed);
        Assert.InRange(reference.Steps, 300, 400);
        var settings = Settings("square", "0.5", "1", 6000) with { Tolerance = 0 };
        IndependentCheck.Check(settings, engine, _ => model, limits, t => t, Rel, Abs, Margin, Regime.Gf);
    }

    [Theory]
    [MemberData(nameof(EngineRun.Engines), MemberType = typeof(EngineRun))]
    public void Flush_F32_ZeroesADecayingCoordinateBelow1e15(AcceleratorChoice engine)
    {
        // The same run in f32: x falls below 1e-15 after ~47 steps. The reference runs in double; float rounding moves the
        // trajectory by ~1e-7 relative per step, so the measured columns are held to 1e-5 and the flush decision to
        // 1e-3 decades (the reference asserts both margins).
        var model = new XyReference("square", 0.5, 0.1, 1);
        var limits = ReferenceLimits.F32(6000) with { Tol = 0 };
        var reference = ReferenceTrajectory.Run(model, limits);
        Assert.Equal(1, reference.Flushed);
        var settings = Settings("square", "0.5", "1", 6000) with { Tolerance = 0, Precision = "f32" };
        IndependentCheck.Check(settings, engine, _ => model, limits, t => t, 1e-5, 1e-7, 1e-3, Regime.Gf);
    }

    /// <summary>y0 with start ratio ℓ''(0)·y0²·η/2 = <paramref name="ratio"/>, as the round-trip string the engine parses.</summary>
    private static string Y0(double ratio, double eta, double curvature) =>
        Math.Sqrt(2 * ratio / (eta * curvature)).ToString("R", CultureInfo.InvariantCulture);

    private static SweepSettings Settings(string loss, string eta, string y0, int steps) => new()
    {
        Model = "xy",
        Loss = loss,
        Steps = steps,
        Axes = new Dictionary<string, string> { ["eta"] = eta, ["x0"] = "0.1", ["y0"] = y0 },
    };
}
