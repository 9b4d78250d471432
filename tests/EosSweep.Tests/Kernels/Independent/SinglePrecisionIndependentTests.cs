using System.Globalization;
using EosSweep.Core;
using EosSweep.Kernels.Models;
using Xunit.Abstractions;

namespace EosSweep.Tests.Kernels.Independent;

/// <summary>
/// The f32 kernels of mean, quartic, uv and mlp (ILGPU's CPU accelerator, and the f32 SIMD lanes where the model has
/// them) against the same independent references as the f64 tests, run with the f32 rules (--tol 1e-6, flush below
/// 1e-15) and the parameters kept in float (<see cref="ReferenceLimits.F32Single"/>): steps, regime and diverged step
/// identical, measured columns within an f32 tolerance. The grid values are the floats the engine reads.
/// </summary>
public sealed class SinglePrecisionIndependentTests(ITestOutputHelper output)
{
    // The engine computes L, ∇L and λ in float (unit roundoff 2⁻²⁴ ≈ 6e-8, its exp/Φ/tanh within 2 ulps), the
    // reference in double at the same float parameters, so every step differs by a few float roundings of the
    // gradient; on these short contracting or catapulting runs that grows to ~1e-6 relative on parameters, losses and
    // sharpness, 1.4e-5 on quartic's bouncing unconverged row (measured, logged). 1e-4 relative leaves room for it and
    // still fails a wrong term, which shifts results by 1e-3 or more (a step size off by 0.1 % fails every test here). Losses near 0 at a float minimiser (quartic, uv: 1e-12 to 1e-10) are float
    // noise of the residual, hence an absolute floor of 1e-9.
    internal const double Rel = 1e-4;
    internal const double Abs = 1e-9;

    // The power-iteration sharpness of mlp, as in MlpIndependentTests.
    private const double MlpSharpnessRel = 5e-2;

    // What can flip a decision in f32. The converged test compares the move with 1e-6·(1 + ‖θ‖₁): one float ulp of
    // every parameter at once (2⁻²³·‖θ‖₁) shifts it by at most 0.12 of the threshold, and a rounding of the engine
    // lands on another float than the reference's in one coordinate at a time, so 0.1 keeps the comparison of steps
    // meaningful (rows closer than that do change: mlp at (η₁, η₂) = (2, 2) stops at 23 steps against the reference's
    // 22, quartic at η = 0.35 at 214 against 220). The ratio, the size and the flushed values are known to ~1e-6
    // relative (mlp's ratio to the power iteration's ~1e-3), hence 0.05 on the edge, 0.01 on the bound and 1e-3
    // decades (0.2 %) on the flush.
    internal static readonly ReferenceMargins Margins = new(Decision: 0.1, Bound: 0.01, Edge: 0.05, Flush: 1e-3);

    [Theory]
    [MemberData(nameof(EngineRun.Engines), MemberType = typeof(EngineRun))]
    public void Mean_F32_GfAndUnconverged_MatchTheReference(AcceleratorChoice engine)
    {
        // Logistic, d = 200, η* = 8π/d²: η*/4 and η*/2 converge (gf), 2η* and 4η* still hover at the edge after 300 steps
        // (unconverged; 4η* with the ratio above 1).
        double star = 8 * Math.PI / (200.0 * 200.0);
        double[] etas = [star / 4, star / 2, 2 * star, 4 * star];
        double worst = Check(
            MeanSettings("logistic", etas, 300), engine, i => new MeanReference("logistic", Single(etas[i]), 0.05, -0.02, 0, 200),
            ReferenceLimits.F32Single(300), t => t, Regime.Gf, Regime.Gf, Regime.Unconverged, Regime.Unconverged);
        output.WriteLine($"mean logistic f32 on {engine}: largest relative deviation {worst:G3}");
    }

    [Theory]
    [MemberData(nameof(EngineRun.Engines), MemberType = typeof(EngineRun))]
    public void Mean_F32_SquareCatapult_EosOrDivergedByTheBound(AcceleratorChoice engine)
    {
        // The square loss at a quarter of its threshold 2π/d² (gf) and at 100× (the first steps throw b far negative,
        // g(b) underflows, GD stops: eos), then the same with --diverge-bound 1000 (the catapult row diverged at step 2).
        double star = 2 * Math.PI / (200.0 * 200.0);
        double[] etas = [star / 4, 100 * star];
        IReferenceModel Model(long i) => new MeanReference("square", Single(etas[i]), 0.05, -0.02, 0, 200);
        double worst = Check(MeanSettings("square", etas, 5000), engine, Model, ReferenceLimits.F32Single(5000), t => t, Regime.Gf, Regime.Eos);
        Check(
            MeanSettings("square", etas, 5000) with { DivergenceBound = 1000 }, engine, Model, ReferenceLimits.F32Single(5000) with { Bound = 1000 }, t => t,
            Regime.Gf, Regime.Diverged);
        output.WriteLine($"mean square f32 on {engine}: largest relative deviation {worst:G3}");
    }

    [Theory]
    [MemberData(nameof(EngineRun.Engines), MemberType = typeof(EngineRun))]
    public void Quartic_F32_GfUnconvergedDiverged_MatchTheReference(AcceleratorChoice engine)
    {
        // From (1.5, 0.5): η = 0.2 and 0.3 converge (gf; 0.3 with the ratio up to 0.86), 0.45 keeps bouncing across the
        // minimisers (unconverged at 2000 steps), 1.0 blows up (diverged).
        double[] etas = [0.2, 0.3, 0.45, 1.0];
        var settings = new SweepSettings
        {
            Model = "quartic",
            Steps = 2000,
            Precision = "f32",
            Axes = new Dictionary<string, string> { ["eta"] = "0.2,0.3,0.45,1", ["x0"] = "1.5", ["y0"] = "0.5" },
        };
        double worst = Check(
            settings, engine, i => new QuarticReference(Single(etas[i]), 1.5, 0.5), ReferenceLimits.F32Single(2000), t => t,
            Regime.Gf, Regime.Gf, Regime.Unconverged, Regime.Diverged);
        output.WriteLine($"quartic f32 on {engine}: largest relative deviation {worst:G3}");
    }

    [Theory]
    [MemberData(nameof(EngineRun.Engines), MemberType = typeof(EngineRun))]
    public void Quartic_F32_EosMargin_ReadsTheHighRatioRunAsEos(AcceleratorChoice engine)
    {
        // η = 0.3 converges with the ratio up to 0.86: gf under the default margin, eos under --eos-margin 0.2 (edge 0.8).
        var model = new QuarticReference(Single(0.3), 1.5, 0.5);
        Assert.Equal(Regime.Gf, ReferenceTrajectory.Run(model, ReferenceLimits.F32Single(2000)).Regime);
        var settings = new SweepSettings
        {
            Model = "quartic",
            Steps = 2000,
            EosMargin = 0.2,
            Axes = new Dictionary<string, string> { ["eta"] = "0.3", ["x0"] = "1.5", ["y0"] = "0.5" },
        };
        Check(settings, engine, _ => model, ReferenceLimits.F32Single(2000) with { EosMargin = 0.2 }, t => t, Regime.Eos);
    }

    [Fact]
    public void Uv_F32_Flush_ZeroesTheDecayingOverlapBelow1e15()
    {
        // Target y = 0 at η·λ₀ = 0.5: c shrinks by ≈ 0.5 per step, falls below 1e-15 after ~50 steps and is flushed to 0;
        // then nothing moves and --tol 0 accepts it (gf).
        const int m = 1000;
        UvInitialization.Moments(m, 1.0, 1, out double a, out double b, out double c);
        double eta = 0.5 / ((a + b) / m);
        var model = new UvReference(Single(eta), m, 0, a, b, c);
        var limits = ReferenceLimits.F32Single(1000) with { Tol = 0 };
        var reference = ReferenceTrajectory.Run(model, limits);
        Assert.Equal(1, reference.Flushed);
        Assert.Equal(0.0, reference.Theta[2]);
        var settings = new SweepSettings
        {
            Model = "uv",
            Steps = 1000,
            Tolerance = 0,
            Axes = new Dictionary<string, string>
            {
                ["eta"] = eta.ToString("R", CultureInfo.InvariantCulture),
                ["m"] = $"{m}",
                ["y"] = "0",
                ["init_scale"] = "1",
                ["seed"] = "1",
            },
        };
        Check(settings, AcceleratorChoice.CpuIlgpu, _ => model, limits, t => t, Regime.Gf);
    }

    [Fact]
    public void Uv_F32_LazyCatapultDiverged_MatchTheReference()
    {
        // uv has no lanes: ILGPU's CPU accelerator only. η·λ₀ = 1 and 1.5 (lazy: gf), 3.5 (catapult: eos), 5 (diverged);
        // a, b, c of the seeded draw rounded to float as the kernel does.
        const int m = 1000;
        UvInitialization.Moments(m, 1.0, 1, out double a, out double b, out double c);
        double lambda0 = (a + b) / m;
        double[] etas = [1 / lambda0, 1.5 / lambda0, 3.5 / lambda0, 5 / lambda0];
        var settings = new SweepSettings
        {
            Model = "uv",
            Steps = 1000,
            Precision = "f32",
            Axes = new Dictionary<string, string>
            {
                ["eta"] = string.Join(",", etas.Select(e => e.ToString("R", CultureInfo.InvariantCulture))),
                ["m"] = $"{m}",
                ["y"] = "1",
                ["init_scale"] = "1",
                ["seed"] = "1",
            },
        };
        double worst = Check(
            settings, AcceleratorChoice.CpuIlgpu, i => new UvReference(Single(etas[i]), m, 1, a, b, c), ReferenceLimits.F32Single(1000), t => t,
            Regime.Gf, Regime.Gf, Regime.Eos, Regime.Diverged);
        output.WriteLine($"uv f32: largest relative deviation {worst:G3}");
    }

    [Theory]
    [MemberData(nameof(EngineRun.Engines), MemberType = typeof(EngineRun))]
    public void Mlp_F32_GfEosDiverged_MatchTheReference(AcceleratorChoice engine)
    {
        // Identity activation, width 2 on 2 inputs, 6 points, seed 1 (as MlpIndependentTests), η₁ = 0.5: η₂ = 1
        // converges gently (gf), η₂ = 3 after the preconditioned ratio passed 1 (eos), η₂ = 5 diverges. ((0.5, 0.5) and
        // (2, 2) of MlpIndependentTests' grid sit too close to the converged test for f32: margins above.)
        double[] eta2 = [1, 3, 5];
        var settings = new SweepSettings
        {
            Model = "mlp",
            Steps = 2000,
            Precision = "f32",
            Axes = new Dictionary<string, string>
            {
                ["eta1"] = "0.5",
                ["eta2"] = "1,3,5",
                ["offset"] = "0",
                ["m"] = "2",
                ["d"] = "2",
                ["n"] = "6",
                ["seed"] = "1",
            },
            Options = new Dictionary<string, string> { ["activation"] = "identity", ["sharpness_every"] = "1" },
        };
        var columns = new MlpReference("identity", 1, 1, 0, 2, 2, 6, 1);
        double worst = IndependentCheck.Check(
            settings, engine, i => new MlpReference("identity", 0.5, eta2[i], 0, 2, 2, 6, 1), ReferenceLimits.F32Single(2000), columns.Columns,
            Rel, Abs, Margins, MlpSharpnessRel, null, Regime.Gf, Regime.Eos, Regime.Diverged);
        output.WriteLine($"mlp identity f32 on {engine}: largest relative deviation {worst:G3}");
    }

    /// <summary>The float the f32 engine reads for the grid value written as the round-trip string of <paramref name="v"/>.</summary>
    internal static double Single(double v) => (float)double.Parse(v.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static double Check(
        SweepSettings settings, AcceleratorChoice engine, Func<long, IReferenceModel> model, ReferenceLimits limits, Func<double[], double[]> columns,
        params Regime[] expected) =>
        IndependentCheck.Check(settings with { Precision = "f32" }, engine, model, limits, columns, Rel, Abs, Margins, null, null, expected);

    private static SweepSettings MeanSettings(string loss, double[] etas, int steps) =>
        MeanIndependentTests.Settings(loss, etas, steps) with { Precision = "f32" };
}
