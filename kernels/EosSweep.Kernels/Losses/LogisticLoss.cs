using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Losses;

/// <summary>ℓ(s) = log(2·cosh(s/2)) = |s|/2 + log1p(e^−|s|); ℓ' = ½·tanh(s/2); ℓ'' = e^−|s|/(1 + e^−|s|)².</summary>
public readonly struct LogisticLoss : ILoss
{
    /// <inheritdoc/>
    public static T Evaluate<T>(T s, out T d1, out T d2) where T : struct, IReal<T>
    {
        T a = T.Abs(s);
        T e = PMath.Exp(-a);
        T onePlus = T.C(1.0) + e;
        d1 = T.C(0.5) * PMath.Tanh(T.C(0.5) * s);
        d2 = e / (onePlus * onePlus);
        return (T.C(0.5) * a) + PMath.Log1p(e);
    }
}
