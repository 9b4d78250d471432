namespace EosSweep.Tests.Kernels.Independent;

/// <summary>
/// Φ(x) = ½·erfc(−x/√2) in plain double, independent of the engine's fdlibm-style erf: the Maclaurin series of erf for
/// |z| ≤ 2 (alternating terms below 2⁴ⁿ/n!, summed until they vanish: ~1e-15 absolute) and the Lentz continued fraction
/// of erfc beyond (relative ~1e-15 there, where the series would cancel).
/// </summary>
internal static class NormalCdf
{
    public static double Cdf(double x)
    {
        double z = -x / Math.Sqrt(2);
        return 0.5 * Erfc(z);
    }

    private static double Erfc(double z)
    {
        if (Math.Abs(z) <= 2)
        {
            return 1 - Erf(z);
        }

        double tail = ErfcContinuedFraction(Math.Abs(z));
        return z > 0 ? tail : 2 - tail;
    }

    /// <summary>erf z = 2/√π · Σ (−1)ⁿ z^(2n+1)/(n!(2n + 1)).</summary>
    private static double Erf(double z)
    {
        double sum = 0, term = z;
        for (int n = 0; n < 200; n++)
        {
            double add = term / ((2 * n) + 1);
            sum += add;
            if (Math.Abs(add) < 1e-17 * Math.Abs(sum))
            {
                break;
            }

            term *= -z * z / (n + 1);
        }

        return 2 / Math.Sqrt(Math.PI) * sum;
    }

    /// <summary>erfc z = e^(−z²)/√π · 1/(z + (1/2)/(z + 1/(z + (3/2)/(z + …)))), for z &gt; 2 (modified Lentz).</summary>
    private static double ErfcContinuedFraction(double z)
    {
        const double tiny = 1e-300;
        double f = z, c = z, dd = 0;
        for (int n = 1; n < 500; n++)
        {
            double an = n / 2.0;
            dd = z + (an * dd);
            dd = Math.Abs(dd) < tiny ? tiny : dd;
            c = z + (an / c);
            c = Math.Abs(c) < tiny ? tiny : c;
            dd = 1 / dd;
            double delta = c * dd;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
            {
                break;
            }
        }

        return Math.Exp(-z * z) / Math.Sqrt(Math.PI) / f;
    }
}
