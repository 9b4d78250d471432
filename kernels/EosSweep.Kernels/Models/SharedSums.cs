using System.Runtime.CompilerServices;
using EosSweep.Kernels.Losses;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Models;

/// <summary>
/// The sums over training samples behind one shared-layer sparse-coding step (before the weight w): the loss, the
/// gradient (a₊, a₋, b) and the upper triangle of the Hessian. The per-sample terms are written once,
/// <see cref="Add{TLoss}"/>, over any number type: a scalar per sample, or <see cref="F64x8"/> with eight samples a lane.
/// </summary>
/// <typeparam name="T">The number type.</typeparam>
public struct SharedSums<T> where T : struct, IReal<T>
{
    /// <summary>Σ ℓ(yₖ·fₖ).</summary>
    public T Loss;

    /// <summary>Σ yₖℓ'ₖ·P₊ₖ.</summary>
    public T G1;

    /// <summary>Σ yₖℓ'ₖ·P₋ₖ.</summary>
    public T G2;

    /// <summary>Σ yₖℓ'ₖ·∂f/∂b.</summary>
    public T G3;

    /// <summary>Hessian entry (a₊, a₊).</summary>
    public T H11;

    /// <summary>Hessian entry (a₊, a₋).</summary>
    public T H12;

    /// <summary>Hessian entry (a₊, b).</summary>
    public T H13;

    /// <summary>Hessian entry (a₋, a₋).</summary>
    public T H22;

    /// <summary>Hessian entry (a₋, b).</summary>
    public T H23;

    /// <summary>Hessian entry (b, b).</summary>
    public T H33;

    /// <summary>All sums 0.</summary>
    public static SharedSums<T> Zero => new()
    {
        Loss = T.C(0.0),
        G1 = T.C(0.0),
        G2 = T.C(0.0),
        G3 = T.C(0.0),
        H11 = T.C(0.0),
        H12 = T.C(0.0),
        H13 = T.C(0.0),
        H22 = T.C(0.0),
        H23 = T.C(0.0),
        H33 = T.C(0.0),
    };

    /// <summary>
    /// Adds one sample's terms: features P₊ = Σ ReLU(xᵢ + b), P₋ = Σ ReLU(−xᵢ + b), active counts #₊, #₋, label y
    /// (docs/models.md, sparse-coding; SparseCodingModel's remarks give the Hessian).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add<TLoss>(T plus, T minus, T countPlus, T countMinus, T y, T aPlus, T aMinus)
        where TLoss : struct, ILoss
    {
        T f = (aPlus * plus) + (aMinus * minus);
        Loss = Loss + TLoss.Evaluate(y * f, out T d1, out T d2);
        T ub = (aPlus * countPlus) + (aMinus * countMinus);
        T yd1 = y * d1;
        G1 = G1 + (yd1 * plus);
        G2 = G2 + (yd1 * minus);
        G3 = G3 + (yd1 * ub);
        H11 = H11 + ((d2 * plus) * plus);
        H12 = H12 + ((d2 * plus) * minus);
        H13 = H13 + (((d2 * plus) * ub) + (yd1 * countPlus));
        H22 = H22 + ((d2 * minus) * minus);
        H23 = H23 + (((d2 * minus) * ub) + (yd1 * countMinus));
        H33 = H33 + ((d2 * ub) * ub);
    }
}
