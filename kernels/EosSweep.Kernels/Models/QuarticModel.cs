using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Models;

/// <summary>
/// docs/models.md, test beds: L(x, y) = ¼(x²y² − 1)², the minimalist edge-of-stability example (GD with bifurcations).
/// Axes (slots): eta, x0, y0. With q = x²y²: ∂L/∂x = (q − 1)·x·y², ∂L/∂y = (q − 1)·x²·y; Hessian
/// [[y²(3q − 1), 2xy(2x²y² − 1)], [·, x²(3q − 1)]], whose larger eigenvalue in closed form is the sharpness.
/// On the minimiser manifold xy = ±1 the Hessian is 2·(y, ±x)(y, ±x)ᵀ, so the sharpness there is 2(x² + y²),
/// smallest (4) at the balanced minimisers |x| = |y| = 1. Per step: 1 √, ~30 flops.
/// </summary>
/// <typeparam name="T">The number type.</typeparam>
public struct QuarticModel<T> : IGdModel<QuarticModel<T>, T>
    where T : struct, IReal<T>
{
    /// <summary>Step size η.</summary>
    public T Eta;

    /// <summary>Parameter x.</summary>
    public T X;

    /// <summary>Parameter y.</summary>
    public T Y;

    /// <inheritdoc/>
    public static int ParameterCount => 2;

    /// <inheritdoc/>
    public static int ExtraCount => 0;

    /// <inheritdoc/>
    public static QuarticModel<T> Create(in GridPoint<T> point, in ModelData data) =>
        new() { Eta = point.V0, X = point.V1, Y = point.V2 };

    /// <inheritdoc/>
    public readonly T StepSize => Eta;

    /// <inheritdoc/>
    public readonly T Parameter(int k) => k == 0 ? X : Y;

    /// <inheritdoc/>
    public readonly double Extra(int k) => 0;

    /// <inheritdoc/>
    public readonly StepInfo<T> Evaluate()
    {
        var copy = this;
        return copy.Step();
    }

    /// <inheritdoc/>
    public StepInfo<T> Step()
    {
        T xx = X * X;
        T yy = Y * Y;
        T p = X * Y;
        T q = p * p;
        T r = q - T.C(1.0);
        StepInfo<T> info;
        info.Loss = T.C(0.25) * (r * r);
        T curvature = (T.C(3.0) * q) - T.C(1.0);
        info.Sharpness = PMath.MaxEigenvalue2(yy * curvature, (T.C(2.0) * p) * ((T.C(2.0) * q) - T.C(1.0)), xx * curvature);
        T g = Eta * (r * p);
        T xn = PMath.Flush(T.MulAdd(-g, Y, X));
        T yn = PMath.Flush(T.MulAdd(-g, X, Y));
        info.Move = T.Abs(xn - X) + T.Abs(yn - Y);
        info.Size = T.Abs(xn) + T.Abs(yn);
        X = xn;
        Y = yn;
        return info;
    }
}
