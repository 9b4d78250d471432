using EosSweep.Kernels.Models;
using EosSweep.Kernels.Numerics;

namespace MyModel;

/// <summary>
/// Scalar factorisation with weight decay: L(x, y) = ½(xy − 1)² + (λ/2)(x² + y²). Axes (slots): eta, decay (λ), x0, y0.
/// With r = xy − 1: ∂L/∂x = r·y + λx, ∂L/∂y = r·x + λy; the Hessian [[y² + λ, 2xy − 1], [2xy − 1, x² + λ]] is 2×2,
/// so the sharpness is its larger eigenvalue in closed form.
/// </summary>
/// <remarks>
/// Written once over the number type <typeparamref name="T"/>: EosSweep closes it over R64/R32 for its ILGPU kernels
/// (CPU, CUDA, OpenCL) and over SIMD lanes for the CPU path. Device code rules apply: no classes, strings or
/// allocation; arithmetic through <see cref="IReal{T}"/> and <see cref="PMath"/>.
/// </remarks>
/// <typeparam name="T">The number type.</typeparam>
public struct WeightDecayXyModel<T> : IGdModel<WeightDecayXyModel<T>, T>
    where T : struct, IReal<T>
{
    /// <summary>Step size η.</summary>
    public T Eta;

    /// <summary>Weight decay λ.</summary>
    public T Decay;

    /// <summary>Parameter x.</summary>
    public T X;

    /// <summary>Parameter y.</summary>
    public T Y;

    /// <inheritdoc/>
    public static int ParameterCount => 2;

    /// <inheritdoc/>
    public static int ExtraCount => 0;

    /// <inheritdoc/>
    public static WeightDecayXyModel<T> Create(in GridPoint<T> point, in ModelData data) =>
        new() { Eta = point.V0, Decay = point.V1, X = point.V2, Y = point.V3 };

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
        T p = X * Y;
        T r = p - T.C(1.0);
        StepInfo<T> info;
        info.Loss = (T.C(0.5) * (r * r)) + ((T.C(0.5) * Decay) * ((X * X) + (Y * Y)));
        info.Sharpness = PMath.MaxEigenvalue2((Y * Y) + Decay, (T.C(2.0) * p) - T.C(1.0), (X * X) + Decay);
        T xn = PMath.Flush(X - (Eta * ((r * Y) + (Decay * X))));
        T yn = PMath.Flush(Y - (Eta * ((r * X) + (Decay * Y))));
        info.Move = T.Abs(xn - X) + T.Abs(yn - Y);
        info.Size = T.Abs(xn) + T.Abs(yn);
        X = xn;
        Y = yn;
        return info;
    }
}
