namespace EosSweep.Tests.Kernels.Independent;

/// <summary>
/// The losses of the README's loss table written from their formulas with System.Math alone (no engine code):
/// ℓ(s), ℓ'(s) and ℓ''(s), in the |s|-split forms that stay finite for large |s|.
/// </summary>
internal static class ReferenceLoss
{
    /// <summary>ℓ(s) for the loss named as on the command line, with ℓ'(s) and ℓ''(s).</summary>
    public static double Value(string loss, double s, out double d1, out double d2)
    {
        double a = Math.Abs(s);
        switch (loss)
        {
            case "logistic":
                {
                    // log(2·cosh(s/2)) = |s|/2 + log1p(e^−|s|); ℓ' = ½·tanh(s/2); ℓ'' = ¼·sech²(s/2) = ¼·(1 − tanh²(s/2)).
                    d1 = 0.5 * Math.Tanh(s / 2);
                    double e = Math.Exp(-a);
                    d2 = e / ((1 + e) * (1 + e));
                    return (a / 2) + Log1p(e);
                }

            case "sqrt":
                {
                    double q = a < 1e150 ? Math.Sqrt(1 + (s * s)) : a;
                    d1 = s / q;
                    d2 = 1 / (q * q * q);
                    return q;
                }

            case "logcosh":
                {
                    // log cosh s = |s| + log1p(e^−2|s|) − log 2; ℓ' = tanh s; ℓ'' = sech² s = 4e^−2|s|/(1 + e^−2|s|)².
                    double e = Math.Exp(-2 * a);
                    d1 = Math.Tanh(s);
                    d2 = 4 * e / ((1 + e) * (1 + e));
                    return a + Log1p(e) - Math.Log(2);
                }

            case "square":
                d1 = s;
                d2 = 1;
                return s * s / 2;

            case "logistic1":
                {
                    // log(1 + e^−s) = max(−s, 0) + log1p(e^−|s|); ℓ' = −1/(1 + e^s); ℓ'' = e^−|s|/(1 + e^−|s|)².
                    double e = Math.Exp(-a);
                    d1 = s >= 0 ? -e / (1 + e) : -1 / (1 + e);
                    d2 = e / ((1 + e) * (1 + e));
                    return Math.Max(-s, 0) + Log1p(e);
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(loss), loss, "unknown loss");
        }
    }

    /// <summary>ℓ''(0): 1/4 for the logistic losses, 1 for the others.</summary>
    public static double CurvatureAtZero(string loss) => loss is "logistic" or "logistic1" ? 0.25 : 1.0;

    /// <summary>log(1 + x) for x ≥ 0 small or large, accurate to a few ulps (the classic log1p correction).</summary>
    public static double Log1p(double x)
    {
        double u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }
}
