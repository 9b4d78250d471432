using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Losses;

/// <summary>
/// ℓ(s) = log cosh s; ℓ' = tanh s; ℓ'' = sech² s = 4e^−2|s|/(1 + e^−2|s|)². The value is
/// −½·log1p(−tanh² s) for |s| &lt; 0.5 (no cancellation near 0) and |s| + log1p(e^−2|s|) − log 2 above.
/// </summary>
public readonly struct LogCoshLoss : ILoss
{
    /// <inheritdoc/>
    public static T Evaluate<T>(T s, out T d1, out T d2) where T : struct, IReal<T>
    {
        T a = T.Abs(s);
        T t = PMath.Tanh(s);
        T e = PMath.Exp(T.C(-2.0) * a);
        T onePlus = T.C(1.0) + e;
        d1 = t;
        d2 = (T.C(4.0) * e) / (onePlus * onePlus);
        T near = T.C(-0.5) * PMath.Log1p(-(t * t));
        T far = (a + PMath.Log1p(e)) - T.C(PMath.Ln2);
        return T.SelectLess(a, T.C(0.5), near, far);
    }
}
