using System.Globalization;
using EosSweep.Core;
using EosSweep.Kernels.Models;
using EosSweep.Kernels.Numerics;
using EosSweep.Tests.Engine;

namespace EosSweep.Tests.Kernels;

/// <summary>
/// The uv model: its three-scalar dynamics against explicit GD on (u, v), its sharpness against a
/// finite-difference Hessian of the explicit loss, and the catapult phases.
/// </summary>
public sealed class UvModelTests
{
    private static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static UvModel<R64> Create(double eta, int m, double y, double scale, ulong seed)
    {
        var p = default(GridPoint<R64>);
        p.V0 = new R64(eta);
        p.V1 = new R64(m);
        p.V2 = new R64(y);
        p.V3 = new R64(scale);
        p.Seed = seed;
        return UvModel<R64>.Create(p, default);
    }

    /// <summary>L(u, v) = ½(u·v/√m − y)² and its gradient, written out over the explicit vectors.</summary>
    private static double ExplicitLoss(double[] w, int m, double y, double[] grad)
    {
        double c = 0;
        for (int i = 0; i < m; i++)
        {
            c += w[i] * w[m + i];
        }

        double s = 1 / Math.Sqrt(m);
        double e = (s * c) - y;
        for (int i = 0; i < m; i++)
        {
            grad[i] = e * s * w[m + i];
            grad[m + i] = e * s * w[i];
        }

        return 0.5 * e * e;
    }

    [Theory]
    [InlineData(1, 0.3, 1.0, 1UL)]
    [InlineData(3, 1.2, 0.7, 2UL)]
    [InlineData(5, -0.5, 1.3, 3UL)]
    [InlineData(8, 2.0, 0.5, 4UL)]
    public void ThreeScalarDynamics_EqualExplicitGradientDescent(int m, double y, double scale, ulong seed)
    {
        // η·λ₀ = 1.5 (lazy) and 3 (catapult): 60 steps of explicit GD on u, v ∈ ℝ^m. Each step of the model
        // starts from the explicit run's (|u|², |v|², u·v), so what is compared is the exact update itself;
        // a free-running comparison would mostly measure how fast GD amplifies rounding (≈ 2.6× per step in
        // the catapult of a narrow network).
        foreach (double ratio in new[] { 1.5, 3.0 })
        {
            var model = Create(1.0, m, y, scale, seed);
            double eta = ratio / model.Lambda0;
            model.Eta = new R64(eta);
            var (u, v) = UvInitialization.Vectors(m, scale, seed);
            double[] w = [.. u, .. v];
            var grad = new double[2 * m];
            var (a, b, c) = Moments(w, m);
            Assert.Equal(a, model.A.V);
            Assert.Equal(b, model.B.V);
            Assert.Equal(c, model.C.V);
            for (int t = 0; t < 60; t++)
            {
                double loss = ExplicitLoss(w, m, y, grad);
                if (!double.IsFinite(loss) || a + b > 1e100)
                {
                    break;
                }

                model.A = new R64(a);
                model.B = new R64(b);
                model.C = new R64(c);
                var info = model.Step();
                Assert.True(Math.Abs(info.Loss.V - loss) <= 1e-12 * Math.Max(1, loss), $"t = {t}: loss {info.Loss.V:R} vs explicit {loss:R}");
                for (int k = 0; k < w.Length; k++)
                {
                    w[k] -= eta * grad[k];
                }

                (a, b, c) = Moments(w, m);

                // Both are exact up to rounding: a few ulps of the state's scale per step.
                double tolerance = 1e-13 * Math.Max(1, a + b);
                Assert.True(Math.Abs(model.A.V - a) <= tolerance, $"t = {t}: a {model.A.V:R} vs {a:R}");
                Assert.True(Math.Abs(model.B.V - b) <= tolerance, $"t = {t}: b {model.B.V:R} vs {b:R}");
                Assert.True(Math.Abs(model.C.V - c) <= tolerance, $"t = {t}: c {model.C.V:R} vs {c:R}");
            }
        }
    }

    [Fact]
    public void ThreeScalarDynamics_FreeRunning_TrackExplicitGradientDescent_InTheLazyPhase()
    {
        // A wide network at η·λ₀ = 1.5: both runs contract, so rounding differences stay at rounding level.
        const int m = 64;
        var model = Create(1.0, m, 0.8, 1.0, 9UL);
        double eta = 1.5 / model.Lambda0;
        model.Eta = new R64(eta);
        var (u, v) = UvInitialization.Vectors(m, 1.0, 9UL);
        double[] w = [.. u, .. v];
        var grad = new double[2 * m];
        for (int t = 0; t < 200; t++)
        {
            double loss = ExplicitLoss(w, m, 0.8, grad);
            Assert.True(Math.Abs(model.Step().Loss.V - loss) <= 1e-12 * Math.Max(1, loss), $"t = {t}");
            for (int k = 0; k < w.Length; k++)
            {
                w[k] -= eta * grad[k];
            }
        }

        var (a, b, c) = Moments(w, m);
        Assert.True(Math.Abs(model.A.V - a) <= 1e-11 * a && Math.Abs(model.B.V - b) <= 1e-11 * b && Math.Abs(model.C.V - c) <= 1e-11 * (a + b));
    }

    private static (double A, double B, double C) Moments(double[] w, int m)
    {
        double a = 0, b = 0, c = 0;
        for (int i = 0; i < m; i++)
        {
            a += w[i] * w[i];
            b += w[m + i] * w[m + i];
            c += w[i] * w[m + i];
        }

        return (a, b, c);
    }

    [Theory]
    [InlineData(1, 0.3, 1.0, 11UL)]
    [InlineData(2, 1.5, 0.8, 12UL)]
    [InlineData(3, -2.0, 1.1, 13UL)]
    [InlineData(6, 0.0, 1.0, 14UL)]
    [InlineData(6, 4.0, 0.6, 15UL)]
    public void Sharpness_EqualsTopEigenvalueOfExplicitFiniteDifferenceHessian(int m, double y, double scale, ulong seed)
    {
        var model = Create(0.1, m, y, scale, seed);
        var (u, v) = UvInitialization.Vectors(m, scale, seed);
        double[] w = [.. u, .. v];
        var hess = FiniteDifferences.Hessian(x =>
        {
            var g = new double[2 * m];
            ExplicitLoss(x, m, y, g);
            return g;
        }, w, 1e-5);
        double top = Jacobi.Eigenvalues(hess).Max();
        double sharp = model.Evaluate().Sharpness.V;
        Assert.True(Math.Abs(top - sharp) <= 1e-7 * Math.Max(1, Math.Abs(sharp)), $"sharpness {sharp:R}, fd Hessian top eigenvalue {top:R}");
    }

    [Fact]
    public void InitialSharpness_AtZeroResidual_IsTheNtkEigenvalue()
    {
        // With y = f₀ the residual is 0 and the Hessian is ∇f∇fᵀ: its eigenvalue is |∇f|² = (a + b)/m = λ₀.
        var start = Create(0.1, 50, 0.0, 1.0, 7UL);
        double f0 = start.S.V * start.C.V;
        var model = Create(0.1, 50, f0, 1.0, 7UL);
        Assert.Equal(model.Lambda0, model.Evaluate().Sharpness.V, 12);
    }

    [Fact]
    public void CatapultTrajectory_LossRisesAboveInitial_ThenConverges_WithSharpnessBelowTwoOverEta()
    {
        var probe = Create(1.0, 1000, 1.0, 1.0, 0UL);
        double eta = 3.0 / probe.Lambda0;
        var model = Create(eta, 1000, 1.0, 1.0, 0UL);
        double loss0 = model.Evaluate().Loss.V;
        double peak = 0;
        int rise = -1;
        for (int t = 0; t < 2000; t++)
        {
            double loss = model.Step().Loss.V;
            if (loss > peak)
            {
                peak = loss;
                rise = t;
            }
        }

        var last = model.Evaluate();
        Assert.True(peak > 10 * loss0, $"peak {peak} vs L0 {loss0}");
        Assert.True(rise > 0);
        Assert.True(last.Loss.V < 1e-12 * loss0, $"final loss {last.Loss.V}");
        Assert.True(last.Sharpness.V < 2 / eta, $"final sharpness {last.Sharpness.V}, 2/η = {2 / eta}");
        Assert.True(last.Sharpness.V < probe.Lambda0);
    }

    [Fact]
    public void Phases_LazyBelowTwo_CatapultBetweenTwoAndFour_DivergentAboveFour()
    {
        double lambda0 = UvModelInfo.InitialSharpness(1000, 1.0, 3);
        double[] ratios = [0.5, 1.5, 1.9, 2.2, 2.8, 3.5, 3.9, 4.2, 5, 8];
        var rows = SweepHarness.Run(new SweepSettings
        {
            Model = "uv",
            Steps = 5000,
            Axes = new Dictionary<string, string>
            {
                ["eta"] = string.Join(",", ratios.Select(r => Num(r / lambda0))),
                ["m"] = "1000",
                ["y"] = "1",
                ["seed"] = "3",
            },
        });
        for (int i = 0; i < ratios.Length; i++)
        {
            var r = rows[i];
            double eta = ratios[i] / lambda0;
            Assert.Equal(lambda0, r.Extras[0]);
            Assert.Equal(ratios[i], r.Extras[1], 12);
            if (ratios[i] < 2)
            {
                Assert.Equal(Regime.Gf, r.Regime);
                Assert.Equal(1.0, r.Extras[3]);
            }
            else if (ratios[i] < 4)
            {
                Assert.Equal(Regime.Eos, r.Regime);
                Assert.True(r.Extras[3] > 1, $"η·λ₀ = {ratios[i]}: loss peak ratio {r.Extras[3]}");
                Assert.True(r.SharpnessFinal < 2 / eta && r.SharpnessFinal < lambda0);
            }
            else
            {
                Assert.Equal(Regime.Diverged, r.Regime);
            }
        }
    }
}
