using EosSweep.Core;
using Xunit.Abstractions;

namespace EosSweep.Tests.Kernels.Independent;

/// <summary>The quartic model on both CPU engines against <see cref="QuarticReference"/> (README equations, plain System.Math).</summary>
public sealed class QuarticIndependentTests(ITestOutputHelper output)
{
    // Polynomial arithmetic only: the engine differs from the reference by FMA and summation order (~1e-16 per step);
    // the eos row oscillates across the manifold for ~1000 steps, which amplifies that, so 1e-8 relative (1e-12 absolute
    // for values that converge to 0) leaves room; the measured deviation is logged. Margins as in XyIndependentTests.
    private const double Rel = 1e-8;
    private const double Abs = 1e-12;
    private const double Margin = 1e-6;

    [Theory]
    [MemberData(nameof(EngineRun.Engines), MemberType = typeof(EngineRun))]
    public void EveryRegime_MatchesTheReference(AcceleratorChoice engine)
    {
        // From (1.5, 0.5), S(D) = 2√8: η = 0.1 converges near the flow minimiser (gf), 0.4 (η·S/2 = 1.13) drifts to the
        // edge (eos), 0.6 > ½ has no stable minimiser (unconverged), 1.0 blows up (diverged).
        double[] etas = [0.1, 0.4, 0.6, 1.0];
        var settings = Settings("0.1,0.4,0.6,1", 5000);
        double worst = IndependentCheck.Check(
            settings, engine, i => new QuarticReference(etas[i], 1.5, 0.5), new ReferenceLimits(5000), t => t, Rel, Abs, Margin,
            Regime.Gf, Regime.Eos, Regime.Unconverged, Regime.Diverged);
        output.WriteLine($"quartic on {engine}: largest relative deviation {worst:G3}");
    }

    [Theory]
    [MemberData(nameof(EngineRun.Engines), MemberType = typeof(EngineRun))]
    public void DivergenceBound_TurnsAnUnconvergedCascadeIntoDivergence(AcceleratorChoice engine)
    {
        // η = 0.6 bounces without converging; its first step takes ‖θ‖₁ from 2 to ≈ 2.39 (x ≈ 1.60, y ≈ 0.80), so
        // --diverge-bound 2.1 stops it as diverged at step 1 where the default bound lets it run to the budget.
        var model = new QuarticReference(0.6, 1.5, 0.5);
        var limits = new ReferenceLimits(5000, Bound: 2.1);
        Assert.Equal(Regime.Unconverged, ReferenceTrajectory.Run(model, new ReferenceLimits(5000)).Regime);
        var settings = Settings("0.6", 5000) with { DivergenceBound = 2.1 };
        IndependentCheck.Check(settings, engine, _ => model, limits, t => t, Rel, Abs, Margin, Regime.Diverged);
        Assert.Equal(1, ReferenceTrajectory.Run(model, limits).DivergedStep);
    }

    [Theory]
    [MemberData(nameof(EngineRun.Engines), MemberType = typeof(EngineRun))]
    public void EosMargin_Wide_ReadsAFlowRunAsEos(AcceleratorChoice engine)
    {
        // The flow-minimiser run at η = 0.1 has max ratio 0.28: --eos-margin 0.75 (edge at 0.25) reads it as eos.
        var model = new QuarticReference(0.1, 1.5, 0.5);
        var limits = new ReferenceLimits(5000, EosMargin: 0.75);
        Assert.Equal(Regime.Gf, ReferenceTrajectory.Run(model, new ReferenceLimits(5000)).Regime);
        var settings = Settings("0.1", 5000) with { EosMargin = 0.75 };
        IndependentCheck.Check(settings, engine, _ => model, limits, t => t, Rel, Abs, Margin, Regime.Eos);
    }

    private static SweepSettings Settings(string eta, int steps) => new()
    {
        Model = "quartic",
        Steps = steps,
        Axes = new Dictionary<string, string> { ["eta"] = eta, ["x0"] = "1.5", ["y0"] = "0.5" },
    };
}
