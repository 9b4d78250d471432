using EosSweep.Kernels.Losses;
using EosSweep.Kernels.Models;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Tests.Kernels;

/// <summary>Gradients equal central finite differences; the sharpness equals the top eigenvalue of a finite-difference Hessian.</summary>
public sealed class DerivativeTests
{
    // A model's gradient is read off one step at η = 1: ∇L = θ − θ'. Points are chosen with |∇L| ≳ 1e-3·|θ|
    // so that the subtraction loses < 1e-12 relative; central differences with h = 1e-5 are accurate to ~1e-9.
    private const double H = 1e-5;

    public static TheoryData<string, double[]> Points => new()
    {
        { "xy/logistic", [0.7, -1.3] }, { "xy/sqrt", [0.4, 2.5] }, { "xy/logcosh", [-0.9, 0.6] }, { "xy/square", [1.1, 0.8] },
        { "xy/logistic", [3.0, 2.0] }, { "xy/logcosh", [0.05, 3.0] },
        { "mean/logistic", [0.2, -0.05, -0.3] }, { "mean/sqrt", [0.01, 0.02, 0.4] }, { "mean/logcosh", [-0.03, 0.01, -1.2] },
        { "mean/square", [0.004, 0.001, 0.1] }, { "mean/logistic", [0.5, 0.2, 1.5] },
        { "quartic", [1.5, 0.5] }, { "quartic", [0.9, 1.3] }, { "quartic", [-1.2, 0.7] }, { "quartic", [2.0, -0.9] },
        { "cosine/additive", [0.4] }, { "cosine/additive", [1.0] }, { "cosine/additive", [-0.3] },
        { "cosine/multiplicative", [1.0] }, { "cosine/multiplicative", [-0.3] }, { "cosine/multiplicative", [2.2] },
    };

    [Theory]
    [MemberData(nameof(Points))]
    public void Gradient_EqualsCentralDifferences(string model, double[] theta)
    {
        var g = Gradient(model, theta);
        var fd = FiniteDifferences.Gradient(t => Eval(model, t, 1.0).Loss, theta, H);
        for (int k = 0; k < theta.Length; k++)
        {
            Assert.True(Math.Abs(fd[k] - g[k]) <= 1e-6 * Math.Max(1, Math.Abs(g[k])), $"{model} ∂{k}: analytic {g[k]:R}, fd {fd[k]:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Points))]
    public void Sharpness_EqualsTopEigenvalueOfFiniteDifferenceHessian(string model, double[] theta)
    {
        var hess = FiniteDifferences.Hessian(t => Gradient(model, t), theta, H);
        double top = Math.Max(0, Jacobi.Eigenvalues(hess).Max());
        double sharp = Eval(model, theta, 1.0).Sharpness;
        Assert.True(Math.Abs(top - sharp) <= 1e-5 * Math.Max(1, Math.Abs(sharp)), $"{model}: sharpness {sharp:R}, fd Hessian top eigenvalue {top:R}");
    }

    private static double[] Gradient(string model, double[] theta)
    {
        var after = Eval(model, theta, 1.0).Theta;
        var g = new double[theta.Length];
        for (int k = 0; k < g.Length; k++)
        {
            g[k] = theta[k] - after[k];
        }

        return g;
    }

    private static (double Loss, double Sharpness, double[] Theta) Eval(string model, double[] theta, double eta)
    {
        var p = default(GridPoint<R64>);
        p.V0 = new R64(eta);
        return model switch
        {
            "xy/logistic" => Xy<LogisticLoss>(p, theta),
            "xy/sqrt" => Xy<SqrtLoss>(p, theta),
            "xy/logcosh" => Xy<LogCoshLoss>(p, theta),
            "xy/square" => Xy<SquareLoss>(p, theta),
            "mean/logistic" => Mean<LogisticLoss>(p, theta),
            "mean/sqrt" => Mean<SqrtLoss>(p, theta),
            "mean/logcosh" => Mean<LogCoshLoss>(p, theta),
            "mean/square" => Mean<SquareLoss>(p, theta),
            "quartic" => Quartic(p, theta),
            "cosine/additive" => Cosine(p, theta, 0),
            "cosine/multiplicative" => Cosine(p, theta, 1),
            _ => throw new ArgumentException(model),
        };
    }

    private static (double, double, double[]) Xy<TLoss>(GridPoint<R64> p, double[] th) where TLoss : struct, ILoss
    {
        p.V1 = new R64(th[0]);
        p.V2 = new R64(th[1]);
        var m = XyModel<TLoss, R64>.Create(p, default);
        var info = m.Step();
        return (info.Loss.V, info.Sharpness.V, [m.X.V, m.Y.V]);
    }

    private static (double, double, double[]) Quartic(GridPoint<R64> p, double[] th)
    {
        p.V1 = new R64(th[0]);
        p.V2 = new R64(th[1]);
        var m = QuarticModel<R64>.Create(p, default);
        var info = m.Step();
        return (info.Loss.V, info.Sharpness.V, [m.X.V, m.Y.V]);
    }

    // δ = 0.3, λ = 1.3: δk² ≈ 7, so the ripple dominates the curvature (points chosen where L'' > 0).
    private static (double, double, double[]) Cosine(GridPoint<R64> p, double[] th, int form)
    {
        p.V1 = new R64(0.3);
        p.V2 = new R64(1.3);
        p.V3 = new R64(th[0]);
        p.Flags = form;
        var m = CosineModel<R64>.Create(p, default);
        var info = m.Step();
        return (info.Loss.V, info.Sharpness.V, [m.X.V]);
    }

    private static (double, double, double[]) Mean<TLoss>(GridPoint<R64> p, double[] th) where TLoss : struct, ILoss
    {
        p.V1 = new R64(th[0]);
        p.V2 = new R64(th[1]);
        p.V3 = new R64(th[2]);
        p.V4 = new R64(20);
        var m = MeanModel<TLoss, R64>.Create(p, default);
        var info = m.Step();
        return (info.Loss.V, info.Sharpness.V, [m.APlus.V, m.AMinus.V, m.B.V]);
    }
}
