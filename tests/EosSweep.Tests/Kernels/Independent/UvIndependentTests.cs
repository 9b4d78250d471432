using System.Globalization;
using EosSweep.Core;
using EosSweep.Kernels.Models;
using Xunit.Abstractions;

namespace EosSweep.Tests.Kernels.Independent;

/// <summary>
/// The uv (catapult) model on ILGPU's CPU accelerator (it has no SIMD lanes) against <see cref="UvReference"/>: vector GD
/// in the span of u₀, v₀ and an explicit Hessian, not the closed recurrences the model uses.
/// </summary>
/// <remarks>
/// The only engine code used is the generator of the inputs, <see cref="UvInitialization.Moments"/> (a = |u₀|²,
/// b = |v₀|², c = u₀·v₀ of the seeded draw), checked against the row's own λ₀ and L₀ columns.
/// </remarks>
public sealed class UvIndependentTests(ITestOutputHelper output)
{
    // The reference rebuilds u, v from (a, b, c) with square roots each step and sums in another order than the
    // recurrences: ~1e-15 relative per step. The catapult amplifies differences while the loss grows (~30 steps), so
    // 1e-8 relative (1e-12 absolute) leaves room above the measured deviation (logged). Margins as in XyIndependentTests.
    private const double Rel = 1e-8;
    private const double Abs = 1e-12;
    private const double Margin = 1e-6;
    private const int M = 1000;

    [Fact]
    public void LazyCatapultDivergentAndUnconverged_MatchTheReference()
    {
        // η·λ₀ = 0.01 (lazy but too slow for 1000 steps: unconverged), 1 (lazy: gf), 3 (catapult: eos), 5 (diverged).
        Moments(1, out double a, out double b, out double c);
        double lambda0 = (a + b) / M;
        double[] etas = [0.01 / lambda0, 1 / lambda0, 3 / lambda0, 5 / lambda0];
        var settings = Settings(etas, "1", "1", 1000);
        double worst = IndependentCheck.Check(
            settings, AcceleratorChoice.CpuIlgpu, i => new UvReference(Parse(etas[i]), M, 1, a, b, c), new ReferenceLimits(1000), t => t, Rel, Abs, Margin,
            Regime.Unconverged, Regime.Gf, Regime.Eos, Regime.Diverged);
        output.WriteLine($"uv: largest relative deviation {worst:G3}");
    }

    [Fact]
    public void ExtraColumns_AreTheInitialNtkEigenvalueLossAndPeakRatio()
    {
        // λ₀ = (a₀ + b₀)/m, η·λ₀, L₀ = ½(c₀/√m − y)², and max_t L_t/L₀ over the steps (above 1 only for the catapult).
        Moments(1, out double a, out double b, out double c);
        double lambda0 = (a + b) / M;
        double[] etas = [1 / lambda0, 3 / lambda0];
        var rows = EngineRun.Rows(Settings(etas, "1", "1", 1000), AcceleratorChoice.CpuIlgpu);
        foreach (var row in rows)
        {
            double eta = Parse(etas[row.Index]);
            var reference = ReferenceTrajectory.Run(new UvReference(eta, M, 1, a, b, c), new ReferenceLimits(1000));
            double loss0 = reference.Losses[0];
            double peak = reference.Losses.Max() / loss0;
            Assert.Equal(lambda0, row.Extras[0], 1e-14 * lambda0);
            Assert.Equal(eta * lambda0, row.Extras[1], 1e-14 * eta * lambda0);
            Assert.Equal(loss0, row.Extras[2], 1e-13 * loss0);
            Assert.Equal(peak, row.Extras[3], Rel * peak);
        }

        Assert.Equal(1.0, rows[0].Extras[3]);
        Assert.True(rows[1].Extras[3] > 2, $"the catapult row's peak ratio {rows[1].Extras[3]}");
    }

    [Fact]
    public void Tolerance_Loose_ConvergesTheSlowLazyRun()
    {
        // --tol 1e-4 converges the η·λ₀ = 0.01 row, which the default tolerance leaves unconverged at 1000 steps.
        Moments(1, out double a, out double b, out double c);
        double eta = Parse(0.01 / ((a + b) / M));
        var model = new UvReference(eta, M, 1, a, b, c);
        Assert.Equal(Regime.Unconverged, ReferenceTrajectory.Run(model, new ReferenceLimits(1000)).Regime);
        var settings = Settings([eta], "1", "1", 1000) with { Tolerance = 1e-4 };
        IndependentCheck.Check(settings, AcceleratorChoice.CpuIlgpu, _ => model, new ReferenceLimits(1000, Tol: 1e-4), t => t, Rel, Abs, Margin, Regime.Gf);
    }

    [Fact]
    public void Flush_F64_ZeroesTheDecayingOverlap()
    {
        // Target y = 0: c' = c(1 + g²) − g(a + b) with g = η·c/m shrinks c by ≈ 1 − η·λ₀ = 0.5 per step, so c falls below
        // 1e-100 after ~340 steps and is flushed; then g = 0, nothing moves, and --tol 0 accepts it.
        Moments(1, out double a, out double b, out double c);
        double eta = Parse(0.5 / ((a + b) / M));
        var model = new UvReference(eta, M, 0, a, b, c);
        var limits = new ReferenceLimits(1000, Tol: 0);
        var reference = ReferenceTrajectory.Run(model, limits);
        Assert.Equal(1, reference.Flushed);
        Assert.Equal(0.0, reference.Theta[2]);
        var settings = Settings([eta], "0", "1", 1000) with { Tolerance = 0 };
        IndependentCheck.Check(settings, AcceleratorChoice.CpuIlgpu, _ => model, limits, t => t, Rel, Abs, Margin, Regime.Gf);
    }

    private static void Moments(ulong seed, out double a, out double b, out double c) => UvInitialization.Moments(M, 1.0, seed, out a, out b, out c);

    private static double Parse(double v) => double.Parse(v.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static SweepSettings Settings(double[] etas, string y, string seed, int steps) => new()
    {
        Model = "uv",
        Steps = steps,
        Axes = new Dictionary<string, string>
        {
            ["eta"] = string.Join(",", etas.Select(e => e.ToString("R", CultureInfo.InvariantCulture))),
            ["m"] = $"{M}",
            ["y"] = y,
            ["init_scale"] = "1",
            ["seed"] = seed,
        },
    };
}
