using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Models;

/// <summary>
/// docs/models.md, test beds: 1-D GD on a quadratic with a cosine ripple, whose trainability boundary is fractal. Axes
/// (slots): eta, delta, lambda, x0. With k = 2π/λ, c = cos kx, s = sin kx:
/// additive form L = x² + δ·c, L' = 2x − δk·s, L'' = 2 − δk²·c;
/// multiplicative form (option <c>--form multiplicative</c>) L = x²(1 + δ·c), L' = 2x(1 + δc) − δk·x²·s,
/// L'' = 2(1 + δc) − 4δk·x·s − δk²·x²·c. The sharpness is L'' (the 1×1 Hessian; negative on concave
/// stretches). Per step: one <see cref="PMath.SinCos{T}"/>, ~15 flops besides.
/// </summary>
/// <typeparam name="T">The number type.</typeparam>
public struct CosineModel<T> : IGdModel<CosineModel<T>, T>
    where T : struct, IReal<T>
{
    /// <summary>Step size η.</summary>
    public T Eta;

    /// <summary>Ripple amplitude δ.</summary>
    public T Delta;

    /// <summary>Ripple wavenumber k = 2π/λ.</summary>
    public T K;

    /// <summary>Parameter x.</summary>
    public T X;

    /// <summary>True for the multiplicative form x²(1 + δ·cos kx).</summary>
    public bool Multiplicative;

    /// <inheritdoc/>
    public static int ParameterCount => 1;

    /// <inheritdoc/>
    public static int ExtraCount => 0;

    /// <inheritdoc/>
    public static CosineModel<T> Create(in GridPoint<T> point, in ModelData data) => new()
    {
        Eta = point.V0,
        Delta = point.V1,
        K = T.C(2.0 * Math.PI) / point.V2,
        X = point.V3,
        Multiplicative = (point.Flags & 0xF) == 1,
    };

    /// <inheritdoc/>
    public readonly T StepSize => Eta;

    /// <inheritdoc/>
    public readonly T Parameter(int k) => X;

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
        PMath.SinCos(K * X, out T s, out T c);
        T dc = Delta * c;
        T dks = (Delta * K) * s;
        T dkkc = ((Delta * K) * K) * c;
        StepInfo<T> info;
        T grad;
        if (Multiplicative)
        {
            T xx = X * X;
            T one = T.C(1.0) + dc;
            info.Loss = xx * one;
            grad = ((T.C(2.0) * X) * one) - (dks * xx);
            info.Sharpness = ((T.C(2.0) * one) - ((T.C(4.0) * X) * dks)) - (dkkc * xx);
        }
        else
        {
            info.Loss = (X * X) + dc;
            grad = (T.C(2.0) * X) - dks;
            info.Sharpness = T.C(2.0) - dkkc;
        }

        T xn = PMath.Flush(X - (Eta * grad));
        info.Move = T.Abs(xn - X);
        info.Size = T.Abs(xn);
        X = xn;
        return info;
    }
}
