using System.Runtime.CompilerServices;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Losses;

/// <summary>
/// ℓ(s) = log cosh s; ℓ' = tanh s = sign(s)·(1 − e)/(1 + e); ℓ'' = sech² s = 4e/(1 + e)², with e = e^−2|s| (and e − 1
/// for ℓ' near 0) from one exponential. The value is −½·log1p(−tanh² s) for |s| &lt; 0.5 (no cancellation near 0) and
/// |s| + log1p(e) − log 2 above: one log1p of the selected argument.
/// </summary>
public readonly struct LogCoshLoss : ILoss
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Evaluate<T>(T s, out T d1, out T d2) where T : struct, IReal<T>
    {
        T a = T.Abs(s);
        T e = PMath.ExpNeg(T.C(2.0) * a, out T em1, out T inv);
        T t = T.CopySign(-(em1 * inv), s);
        d1 = t;
        d2 = (T.C(4.0) * (e * inv)) * inv;
        T lp = PMath.Log1p(T.SelectLess(a, T.C(0.5), -(t * t), e));
        return T.SelectLess(a, T.C(0.5), T.C(-0.5) * lp, (a + lp) - T.C(PMath.Ln2));
    }
}
