using System.Runtime.CompilerServices;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Losses;

/// <summary>
/// One-sided logistic loss of a margin m = y·f: ℓ(m) = log(1 + e^−m) = max(−m, 0) + log1p(e^−|m|);
/// ℓ'(m) = −1/(1 + e^m); ℓ''(m) = e^−|m|/(1 + e^−|m|)². One exp, one log1p, no overflow for any m.
/// </summary>
public readonly struct Logistic1Loss : ILoss
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Evaluate<T>(T s, out T d1, out T d2) where T : struct, IReal<T>
    {
        T a = T.Abs(s);
        T e = PMath.Exp(-a);
        T onePlus = T.C(1.0) + e;
        T inv = T.C(1.0) / onePlus;

        // σ(−s) = 1/(1 + e^s): e/(1 + e) for s ≥ 0, 1/(1 + e) for s < 0, with e = e^−|s|.
        d1 = -T.SelectLess(s, T.C(0.0), inv, e * inv);
        d2 = e * (inv * inv);
        return T.SelectLess(s, T.C(0.0), -s, T.C(0.0)) + PMath.Log1p(e);
    }
}
