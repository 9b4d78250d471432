using System.Runtime.CompilerServices;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Losses;

/// <summary>ℓ(s) = √(1 + s²); ℓ' = s/ℓ; ℓ'' = 1/ℓ³. Above |s| = 2^27 the value is |s| (1 + s² rounds to s²), so s² never overflows the result.</summary>
public readonly struct SqrtLoss : ILoss
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Evaluate<T>(T s, out T d1, out T d2) where T : struct, IReal<T>
    {
        T a = T.Abs(s);
        T q = T.SelectLess(a, T.C(134217728.0), T.Sqrt(T.MulAdd(s, s, T.C(1.0))), a);
        d1 = s / q;
        T inv = T.C(1.0) / q;
        d2 = inv * inv * inv;
        return q;
    }
}
