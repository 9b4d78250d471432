using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Losses;

/// <summary>
/// An even loss ℓ(s) with its first two derivatives, evaluated stably for every |s| (no overflow of
/// cosh or exp). A loss is a type parameter of a model, so each (model, loss) pair is its own
/// specialised kernel with no branch on the loss.
/// </summary>
public interface ILoss
{
    /// <summary>ℓ(s); also ℓ'(s) and ℓ''(s).</summary>
    static abstract T Evaluate<T>(T s, out T d1, out T d2) where T : struct, IReal<T>;
}
