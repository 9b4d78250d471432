using System.Runtime.CompilerServices;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Losses;

/// <summary>
/// ℓ(s) = log(2·cosh(s/2)) = |s|/2 + log1p(e^−|s|); ℓ' = ½·tanh(s/2) = ½·sign(s)·(1 − e^−|s|)/(1 + e^−|s|);
/// ℓ'' = e^−|s|/(1 + e^−|s|)². All three from one exponential (with e^−|s| − 1 for ℓ' near 0 and 1/(1 + e^−|s|) from the
/// same Padé quotient, <see cref="PMath.ExpNeg{T}"/>) and one log1p.
/// </summary>
public readonly struct LogisticLoss : ILoss
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Evaluate<T>(T s, out T d1, out T d2) where T : struct, IReal<T>
    {
        T a = T.Abs(s);
        T e = PMath.ExpNeg(a, out T em1, out T inv);
        d1 = T.CopySign(T.C(-0.5) * (em1 * inv), s);
        d2 = (e * inv) * inv;
        return T.MulAdd(T.C(0.5), a, PMath.Log1p(e));
    }
}
