namespace EosSweep.Kernels.Numerics;

public static partial class PMath
{
    /// <summary>The standard normal CDF Φ(x) = ½·erfc(−x/√2). PLACEHOLDER until the fdlibm erfc lands.</summary>
    public static T NormalCdf<T>(T x) where T : struct, IReal<T>
    {
        // Abramowitz–Stegun 26.2.17 (|error| < 7.5e-8): temporary.
        T a = T.Abs(x);
        T t = T.C(1.0) / (T.C(1.0) + (T.C(0.2316419) * a));
        T poly = t * (T.C(0.319381530) + (t * (T.C(-0.356563782) + (t * (T.C(1.781477937) + (t * (T.C(-1.821255978) + (t * T.C(1.330274429)))))))));
        T upper = NormalPdf(a) * poly;
        return T.SelectLess(x, T.C(0.0), upper, T.C(1.0) - upper);
    }
}
