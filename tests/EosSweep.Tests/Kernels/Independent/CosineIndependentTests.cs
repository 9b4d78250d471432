using EosSweep.Core;
using Xunit.Abstractions;

namespace EosSweep.Tests.Kernels.Independent;

/// <summary>The cosine model (both forms) on both CPU engines against <see cref="CosineReference"/> (README equations, System.Math sin/cos).</summary>
public sealed class CosineIndependentTests(ITestOutputHelper output)
{
    // The engine's own sin/cos are within 1-2 ulps of System.Math's; 1-D GD contracts or hovers for at most ~1000 steps
    // here, so 1e-8 relative (1e-12 absolute near 0) leaves room; the measured deviation is logged. Margins as in
    // XyIndependentTests.
    private const double Rel = 1e-8;
    private const double Abs = 1e-12;
    private const double Margin = 1e-6;

    public static TheoryData<AcceleratorChoice, string> EnginesAndForms()
    {
        var data = new TheoryData<AcceleratorChoice, string>();
        foreach (var engine in new[] { AcceleratorChoice.CpuIlgpu, AcceleratorChoice.Cpu })
        {
            data.Add(engine, "additive");
            data.Add(engine, "multiplicative");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EnginesAndForms))]
    public void Regimes_MatchTheReference(AcceleratorChoice engine, string form)
    {
        // δ = 0.1, λ = 1 (δk² ≈ 3.95), x0 = 1: η = 0.1 converges (gf); η = 0.9 never settles in the additive form
        // (unconverged: every minimum's L'' exceeds 2/η) and settles at the edge in the multiplicative one (eos);
        // η = 1.5 diverges in both.
        bool multiplicative = form == "multiplicative";
        double[] etas = [0.1, 0.9, 1.5];
        var settings = Settings(form, "0.1,0.9,1.5", 5000);
        double worst = IndependentCheck.Check(
            settings, engine, i => new CosineReference(multiplicative, etas[i], 0.1, 1, 1), new ReferenceLimits(5000), t => t, Rel, Abs, Margin,
            Regime.Gf, multiplicative ? Regime.Eos : Regime.Unconverged, Regime.Diverged);
        output.WriteLine($"cosine {form} on {engine}: largest relative deviation {worst:G3}");
    }

    [Theory]
    [MemberData(nameof(EngineRun.Engines), MemberType = typeof(EngineRun))]
    public void Flush_F64_ZeroesTheDecayingCoordinate(AcceleratorChoice engine)
    {
        // Multiplicative, η = 0.3: near 0, x' ≈ (1 − 2η(1 + δ))·x = 0.34·x, so x falls below 1e-100 after ~200 steps and
        // is flushed; --tol 0 then accepts the exactly-zero move.
        var model = new CosineReference(true, 0.3, 0.1, 1, 1);
        var limits = new ReferenceLimits(5000, Tol: 0);
        var reference = ReferenceTrajectory.Run(model, limits);
        Assert.Equal(1, reference.Flushed);
        var settings = Settings("multiplicative", "0.3", 5000) with { Tolerance = 0 };
        IndependentCheck.Check(settings, engine, _ => model, limits, t => t, Rel, Abs, Margin, Regime.Gf);
    }

    [Theory]
    [MemberData(nameof(EngineRun.Engines), MemberType = typeof(EngineRun))]
    public void Flush_F32_ZeroesTheDecayingCoordinate(AcceleratorChoice engine)
    {
        // The same in f32: below 1e-15 after ~30 steps. The reference stays in double; float rounding moves the
        // trajectory by ~1e-7 relative per step, hence 1e-5 on the columns and 1e-3 decades of flush margin.
        var model = new CosineReference(true, 0.3, 0.1, 1, 1);
        var limits = ReferenceLimits.F32(5000) with { Tol = 0 };
        Assert.Equal(1, ReferenceTrajectory.Run(model, limits).Flushed);
        var settings = Settings("multiplicative", "0.3", 5000) with { Tolerance = 0, Precision = "f32" };
        IndependentCheck.Check(settings, engine, _ => model, limits, t => t, 1e-5, 1e-7, 1e-3, Regime.Gf);
    }

    [Theory]
    [MemberData(nameof(EngineRun.Engines), MemberType = typeof(EngineRun))]
    public void Tolerance_Loose_StopsEarlier(AcceleratorChoice engine)
    {
        // --tol 1e-4 stops the additive η = 0.1 run well before the default 1e-10 does.
        var model = new CosineReference(false, 0.1, 0.1, 1, 1);
        var limits = new ReferenceLimits(5000, Tol: 1e-4);
        Assert.True(ReferenceTrajectory.Run(model, limits).Steps < ReferenceTrajectory.Run(model, new ReferenceLimits(5000)).Steps - 10);
        var settings = Settings("additive", "0.1", 5000) with { Tolerance = 1e-4 };
        IndependentCheck.Check(settings, engine, _ => model, limits, t => t, Rel, Abs, Margin, Regime.Gf);
    }

    private static SweepSettings Settings(string form, string eta, int steps) => new()
    {
        Model = "cosine",
        Steps = steps,
        Axes = new Dictionary<string, string> { ["eta"] = eta, ["delta"] = "0.1", ["lambda"] = "1", ["x0"] = "1" },
        Options = new Dictionary<string, string> { ["form"] = form },
    };
}
