using System.Runtime.CompilerServices;
using EosSweep.Kernels.Losses;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Models;

/// <summary>
/// docs/models.md, xy: a single-neuron linear network, L(x, y) = ℓ(x·y). Axes (slots): eta, x0, y0, seed.
/// GD: x' = x − η·ℓ'(xy)·y, y' = y − η·ℓ'(xy)·x. Hessian [[ℓ''y², ℓ''xy + ℓ'], [ℓ''xy + ℓ', ℓ''x²]];
/// its larger eigenvalue in closed form is the sharpness. Per step: one loss evaluation plus 25 flops and 1 √
/// (with the loss: logistic 110 flops, 4 ÷ and 1 √; logcosh 113; sqrt 32; square 27 — + − × ÷ √ one flop each).
/// </summary>
/// <typeparam name="TLoss">The loss ℓ.</typeparam>
/// <typeparam name="T">The number type.</typeparam>
public struct XyModel<TLoss, T> : IGdModel<XyModel<TLoss, T>, T>
    where TLoss : struct, ILoss
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
    public static XyModel<TLoss, T> Create(in GridPoint<T> point, in ModelData data) =>
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
    /// <remarks>Inlined into the SIMD driver's step loop (small enough for the JIT), so the state stays in registers.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public StepInfo<T> Step()
    {
        T s = X * Y;
        StepInfo<T> info;
        info.Loss = TLoss.Evaluate(s, out T d1, out T d2);
        info.Sharpness = PMath.MaxEigenvalue2((d2 * Y) * Y, T.MulAdd(d2, s, d1), (d2 * X) * X);
        T g = Eta * d1;
        T xn = PMath.Flush(T.MulAdd(-g, Y, X));
        T yn = PMath.Flush(T.MulAdd(-g, X, Y));
        info.Move = T.Abs(xn - X) + T.Abs(yn - Y);
        info.Size = T.Abs(xn) + T.Abs(yn);
        X = xn;
        Y = yn;
        return info;
    }
}
