using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Models;

/// <summary>What one GD step reports to the trajectory driver.</summary>
/// <typeparam name="T">The number type.</typeparam>
public struct StepInfo<T> where T : struct, IReal<T>
{
    /// <summary>L(θ_t), at the point before the step.</summary>
    public T Loss;

    /// <summary>Largest Hessian eigenvalue at θ_t.</summary>
    public T Sharpness;

    /// <summary>‖θ_{t+1} − θ_t‖₁ (NaN-propagating).</summary>
    public T Move;

    /// <summary>‖θ_{t+1}‖₁ (NaN- and ∞-propagating).</summary>
    public T Size;
}
