using System.Runtime.CompilerServices;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Losses;

/// <summary>ℓ(s) = s²/2; ℓ' = s; ℓ'' = 1. The value overflows to +∞ only where s²/2 exceeds the type's range.</summary>
public readonly struct SquareLoss : ILoss
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Evaluate<T>(T s, out T d1, out T d2) where T : struct, IReal<T>
    {
        d1 = s;
        d2 = T.C(1.0);
        return T.C(0.5) * (s * s);
    }
}
