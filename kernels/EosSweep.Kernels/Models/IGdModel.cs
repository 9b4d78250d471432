using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Models;

/// <summary>
/// A model is one struct: a trajectory's state and constants, built from its grid point, with one GD
/// step that also reports the loss and exact sharpness at the point it leaves. Written over the number
/// type <typeparamref name="T"/>, so the same struct runs in ILGPU kernels (R64/R32), host
/// reference loops and SIMD lanes. The kernel and the driver are generic over it and never learn
/// its name.
/// </summary>
/// <typeparam name="TSelf">The model struct.</typeparam>
/// <typeparam name="T">The number type.</typeparam>
public interface IGdModel<TSelf, T>
    where TSelf : struct, IGdModel<TSelf, T>
    where T : struct, IReal<T>
{
    /// <summary>Number of trained parameters (the <c>final_*</c> columns, in this order).</summary>
    static abstract int ParameterCount { get; }

    /// <summary>Model-specific result columns computed once at the end (ModelInfo.ExtraColumns).</summary>
    static abstract int ExtraCount { get; }

    /// <summary>The trajectory at its start: parameters and constants from the grid point and the shared data.</summary>
    static abstract TSelf Create(in GridPoint<T> point, in ModelData data);

    /// <summary>The step size η that the stability ratio η·λ/2 refers to.</summary>
    T StepSize { get; }

    /// <summary>Parameter <paramref name="k"/> (0 ≤ k &lt; ParameterCount).</summary>
    T Parameter(int k);

    /// <summary>
    /// Evaluates L, ∇L and the sharpness at θ_t, then sets θ_{t+1} = θ_t − η·∇L(θ_t) with tiny
    /// components flushed to 0 (<see cref="PMath.Flush{T}"/>).
    /// </summary>
    StepInfo<T> Step();

    /// <summary>Loss and sharpness at the current parameters, which stay as they are (Move and Size are 0 and ‖θ‖₁).</summary>
    StepInfo<T> Evaluate();

    /// <summary>Extra column <paramref name="k"/> at the current (final) parameters.</summary>
    double Extra(int k);
}
