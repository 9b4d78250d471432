using EosSweep.Core;
using EosSweep.Tests.Engine;
using Xunit.Abstractions;

namespace EosSweep.Tests.Kernels.Independent;

/// <summary>
/// The mlp model on both CPU engines against <see cref="MlpReference"/>: a hand-derived gradient in plain doubles, an
/// exact (finite-difference Hessian, Jacobi) sharpness, the regime rules and the convergence measure from the README.
/// Width 2 on 2 inputs, 6 points, seed 1: data and initial weights from the engine's generator (inputs only).
/// </summary>
public sealed class MlpIndependentTests(ITestOutputHelper output)
{
    // Parameters, losses and the convergence measure: the engine's tanh and fused multiply-adds differ from System.Math
    // by a few ulps per step; over ≤ 2000 steps of contracting or briefly unstable GD that stays far below 1e-8
    // relative (1e-12 absolute near 0; measured deviation logged).
    private const double Rel = 1e-8;
    private const double Abs = 1e-12;

    // The sharpness columns: the engine reports a power-iteration Rayleigh quotient (3 warm-started iterations per step
    // with sharpness_every 1, 20 at the first step and the final point), the reference the exact top eigenvalue of a
    // central-difference Hessian (step 1e-5: truncation ~1e-10). The final point's 20 iterations on a 6 × 6 matrix
    // converge to ~1e-6; the running maximum is taken over warm-started estimates that can lag the exact value by a few
    // percent while the sharpness moves fast (the catapult's first steps), hence 5e-2 on the sharpness columns. This still
    // fails for a wrong Hessian-vector product (a missing σ'' or cross term moves λ by tens of percent).
    private const double SharpnessRel = 5e-2;

    // The reference's decisions at least this far from flipping: the move's relative margin dwarfs the engine's
    // rounding, and the ratio's absolute margin (≥ 0.05 on every row used) exceeds the power iteration's error.
    private const double Margin = 1e-3;

    private const int M = 2, D = 2, N = 6;
    private const ulong Seed = 1;

    [Theory]
    [MemberData(nameof(EngineRun.Engines), MemberType = typeof(EngineRun))]
    public void Identity_GfEosDiverged_MatchTheReference(AcceleratorChoice engine)
    {
        // η₁ ∈ {0.5, 2} × η₂ ∈ {0.5, 2, 5}: η₂ = 0.5 converges gently (gf), η₂ = 2 converges after the preconditioned
        // ratio passed 1 (eos), η₂ = 5 blows the output layer up (diverged).
        double[] eta1 = [0.5, 2], eta2 = [0.5, 2, 5];
        var settings = Settings("identity", "0.5,2", "0.5,2,5", 2000);
        double worst = Check(settings, engine, "identity", i => (eta1[i / 3], eta2[i % 3]), 2000, new ReferenceLimits(2000),
            Regime.Gf, Regime.Eos, Regime.Diverged, Regime.Gf, Regime.Eos, Regime.Diverged);
        output.WriteLine($"mlp identity on {engine}: largest relative deviation {worst:G3}");
    }

    [Theory]
    [MemberData(nameof(EngineRun.Engines), MemberType = typeof(EngineRun))]
    public void Tanh_UnconvergedAtTheBudget_MatchesTheReference(AcceleratorChoice engine)
    {
        // tanh at η₁ ∈ {0.2, 2}, η₂ = 0.5 keeps creeping down a flat valley: unconverged at 1000 steps, measure < 1.
        // The ratio stays below 1 throughout (asserted): past ~1200 steps the first row's ratio climbs above 1 and GD
        // amplifies a 1e-15 change of tanh into 1e-3 of the weights, which no reference can follow.
        double[] eta1 = [0.2, 2];
        var settings = Settings("tanh", "0.2,2", "0.5", 1000);
        foreach (double e1 in eta1)
        {
            Assert.True(ReferenceTrajectory.Run(new MlpReference("tanh", e1, 0.5, 0, M, D, N, Seed), new ReferenceLimits(1000)).MaxRatio < 0.9);
        }

        double worst = Check(settings, engine, "tanh", i => (eta1[i], 0.5), 1000, new ReferenceLimits(1000), Regime.Unconverged, Regime.Unconverged);
        output.WriteLine($"mlp tanh on {engine}: largest relative deviation {worst:G3}");
    }

    [Theory]
    [MemberData(nameof(EngineRun.Engines), MemberType = typeof(EngineRun))]
    public void ToleranceEosMarginAndBound_ChangeStepsAndRegime(AcceleratorChoice engine)
    {
        // One sweep (one kernel compile) under --tol 1e-6, --eos-margin 0.5 and --diverge-bound 50, identity,
        // η₁ ∈ {0.5, 5} × η₂ ∈ {0.5, 5}: (0.5, 0.5) stops at 38 steps instead of 69 (still gf: its ratio peaks at 0.28);
        // (5, 0.5) peaks at ratio ≈ 0.54 and reads eos (edge at 0.5) where the default margin reads gf; the η₂ = 5 rows
        // diverge when ‖θ‖₁ passes 50, steps before they pass 1e8.
        var limits = new ReferenceLimits(2000, Tol: 1e-6, EosMargin: 0.5, Bound: 50);
        var defaults = new ReferenceLimits(2000);
        double[] eta1 = [0.5, 5], eta2 = [0.5, 5];
        MlpReference Model(int i) => new("identity", eta1[i / 2], eta2[i % 2], 0, M, D, N, Seed);
        Assert.True(ReferenceTrajectory.Run(Model(0), limits).Steps < ReferenceTrajectory.Run(Model(0), defaults).Steps - 10);
        Assert.Equal(Regime.Gf, ReferenceTrajectory.Run(Model(2), defaults).Regime);
        foreach (int i in new[] { 1, 3 })
        {
            Assert.True(ReferenceTrajectory.Run(Model(i), limits).Steps < ReferenceTrajectory.Run(Model(i), defaults).Steps, $"row {i}: the bound must stop it earlier");
        }

        var settings = Settings("identity", "0.5,5", "0.5,5", 2000) with { Tolerance = 1e-6, EosMargin = 0.5, DivergenceBound = 50 };
        Check(settings, engine, "identity", i => (eta1[i / 2], eta2[i % 2]), 2000, limits, Regime.Gf, Regime.Diverged, Regime.Eos, Regime.Diverged);
    }

    private static double Check(
        SweepSettings settings, AcceleratorChoice engine, string activation, Func<long, (double Eta1, double Eta2)> etas, int budget,
        ReferenceLimits limits, params Regime[] expected)
    {
        MlpReference Model(long i) => new(activation, etas(i).Eta1, etas(i).Eta2, 0, M, D, N, Seed);
        void Extras(SweepHarness.Row row, ReferenceTrajectory reference)
        {
            // convergence_measure (a diverged row reads the cap 1e6 exactly) and loss0.
            double measure = MlpReference.Measure(reference, budget);
            Assert.True(Math.Abs(row.Extras[0] - measure) <= Rel * measure, $"row {row.Index}: measure {row.Extras[0]:R}, reference {measure:R}");
            Assert.True(Math.Abs(row.Extras[1] - reference.Losses[0]) <= 1e-14 * reference.Losses[0], $"row {row.Index}: loss0 {row.Extras[1]:R}, reference {reference.Losses[0]:R}");
            Assert.Equal(reference.Regime is Regime.Gf or Regime.Eos or Regime.Unconverged, measure < 1);
        }

        var columns = new MlpReference(activation, 1, 1, 0, M, D, N, Seed);
        return IndependentCheck.Check(settings, engine, i => Model(i), limits, columns.Columns, Rel, Abs, Margin, SharpnessRel, Extras, expected);
    }

    private static SweepSettings Settings(string activation, string eta1, string eta2, int steps) => new()
    {
        Model = "mlp",
        Steps = steps,
        Axes = new Dictionary<string, string>
        {
            ["eta1"] = eta1,
            ["eta2"] = eta2,
            ["offset"] = "0",
            ["m"] = $"{M}",
            ["d"] = $"{D}",
            ["n"] = $"{N}",
            ["seed"] = $"{Seed}",
        },
        Options = new Dictionary<string, string> { ["activation"] = activation, ["sharpness_every"] = "1" },
    };
}
