using EosSweep.Core.Models;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Tests.Kernels;

/// <summary>
/// A transcription, not an independent reference: plain float64 loops of the same operations as the model structs and
/// the driver, written out by hand (no generic model code; a fused multiply-add where the model uses IReal.MulAdd) and
/// calling the engine's own math (<see cref="PMath"/> exp, log1p, Φ). The kernel must reproduce them bit for bit, which
/// shows that the generic kernel executes the model's operations as written; it cannot show that those operations are
/// the right formulas, since an error in a formula or in PMath is copied here too. The independent references — the
/// README's equations and regime rules in System.Math, with stated tolerances — are in <c>Kernels/Independent/</c>.
/// </summary>
internal static class PlainReference
{
    internal sealed record Result(double[] Theta, double FinalLoss, double MinLoss, double SharpFinal, double SharpMax, double Ratio, int Steps, int DivergedStep, int Regime);

    private static double ExpNeg(double a, out double em1, out double inv)
    {
        double e = PMath.ExpNeg(new R64(a), out var m, out var i).V;
        em1 = m.V;
        inv = i.V;
        return e;
    }

    private static double Log1p(double x) => PMath.Log1p(new R64(x)).V;

    private static double Cdf(double x, out double pdf)
    {
        double cdf = PMath.NormalCdf(new R64(x), out var p).V;
        pdf = p.V;
        return cdf;
    }

    private static double Flush(double x) => Math.Abs(x) < 1e-100 ? 0.0 : x;

    public static double Loss(LossKind kind, double s, out double d1, out double d2)
    {
        double a = Math.Abs(s);
        switch (kind)
        {
            case LossKind.Logistic:
                {
                    double e = ExpNeg(a, out double em1, out double inv);
                    d1 = Math.CopySign(-0.5 * (em1 * inv), s);
                    d2 = (e * inv) * inv;
                    return Math.FusedMultiplyAdd(0.5, a, Log1p(e));
                }

            case LossKind.Sqrt:
                {
                    double q = a < 134217728.0 ? Math.Sqrt(Math.FusedMultiplyAdd(s, s, 1.0)) : a;
                    d1 = s / q;
                    double inv = 1.0 / q;
                    d2 = inv * inv * inv;
                    return q;
                }

            case LossKind.LogCosh:
                {
                    double e = ExpNeg(2.0 * a, out double em1, out double inv);
                    double t = Math.CopySign(-(em1 * inv), s);
                    d1 = t;
                    d2 = (4.0 * (e * inv)) * inv;
                    return a < 0.5 ? -0.5 * Log1p(-(t * t)) : (a + Log1p(e)) - PMath.Ln2;
                }

            default:
                d1 = s;
                d2 = 1.0;
                return 0.5 * (s * s);
        }
    }

    private static double MaxEig(double a, double b, double c)
    {
        double mean = 0.5 * (a + c);
        double half = 0.5 * (a - c);
        return mean + Math.Sqrt(Math.FusedMultiplyAdd(half, half, b * b));
    }

    /// <summary>One xy step: returns (loss, sharpness, move, size) at the old point and updates x, y.</summary>
    public static (double Loss, double Sharp, double Move, double Size) XyStep(LossKind kind, double eta, ref double x, ref double y)
    {
        double s = x * y;
        double loss = Loss(kind, s, out double d1, out double d2);
        double sharp = MaxEig((d2 * y) * y, Math.FusedMultiplyAdd(d2, s, d1), (d2 * x) * x);
        double g = eta * d1;
        double xn = Flush(Math.FusedMultiplyAdd(-g, y, x));
        double yn = Flush(Math.FusedMultiplyAdd(-g, x, y));
        double move = Math.Abs(xn - x) + Math.Abs(yn - y);
        double size = Math.Abs(xn) + Math.Abs(yn);
        x = xn;
        y = yn;
        return (loss, sharp, move, size);
    }

    /// <summary>One mean-model step.</summary>
    public static (double Loss, double Sharp, double Move, double Size) MeanStep(LossKind kind, double eta, double d, ref double ap, ref double am, ref double b)
    {
        double cdf = Cdf(b, out double phi);
        double g = Math.FusedMultiplyAdd(b, cdf, phi);
        double big = d * g, dBig = d * cdf, ddBig = d * phi;
        double sumA = ap + am;
        double f = big * sumA;
        double loss = Loss(kind, f, out double d1, out double d2);
        double fb = dBig * sumA;
        double huu = 2.0 * ((d2 * big) * big);
        double hub = 1.4142135623730950488 * Math.FusedMultiplyAdd(d2 * big, fb, d1 * dBig);
        double hbb = Math.FusedMultiplyAdd(d2 * fb, fb, (d1 * ddBig) * sumA);
        double e = MaxEig(huu, hub, hbb);
        double sharp = e < 0.0 ? 0.0 : e;
        double ga = eta * (d1 * big);
        double gb = eta * (d1 * fb);
        double apn = Flush(ap - ga), amn = Flush(am - ga), bn = Flush(b - gb);
        double move = (Math.Abs(apn - ap) + Math.Abs(amn - am)) + Math.Abs(bn - b);
        double size = (Math.Abs(apn) + Math.Abs(amn)) + Math.Abs(bn);
        ap = apn;
        am = amn;
        b = bn;
        return (loss, sharp, move, size);
    }

    private static void SinCos(double x, out double s, out double c)
    {
        s = PMath.Sin(new R64(x)).V;
        c = PMath.Cos(new R64(x)).V;
    }

    /// <summary>One quartic step, L = ¼(x²y² − 1)².</summary>
    public static (double Loss, double Sharp, double Move, double Size) QuarticStep(double eta, ref double x, ref double y)
    {
        double p = x * y;
        double q = p * p;
        double r = q - 1.0;
        double loss = 0.25 * (r * r);
        double k = (3.0 * q) - 1.0;
        double sharp = MaxEig((y * y) * k, (2.0 * p) * ((2.0 * q) - 1.0), (x * x) * k);
        double g = eta * (r * p);
        double xn = Flush(Math.FusedMultiplyAdd(-g, y, x));
        double yn = Flush(Math.FusedMultiplyAdd(-g, x, y));
        double move = Math.Abs(xn - x) + Math.Abs(yn - y);
        double size = Math.Abs(xn) + Math.Abs(yn);
        x = xn;
        y = yn;
        return (loss, sharp, move, size);
    }

    /// <summary>One cosine step: additive x² + δ·cos kx or multiplicative x²(1 + δ·cos kx).</summary>
    public static (double Loss, double Sharp, double Move, double Size) CosineStep(double eta, double delta, double k, bool multiplicative, ref double x)
    {
        SinCos(k * x, out double s, out double c);
        double dc = delta * c;
        double dks = (delta * k) * s;
        double dkkc = ((delta * k) * k) * c;
        double loss, grad, sharp;
        if (multiplicative)
        {
            double xx = x * x;
            double one = 1.0 + dc;
            loss = xx * one;
            grad = ((2.0 * x) * one) - (dks * xx);
            sharp = ((2.0 * one) - ((4.0 * x) * dks)) - (dkkc * xx);
        }
        else
        {
            loss = (x * x) + dc;
            grad = (2.0 * x) - dks;
            sharp = 2.0 - dkkc;
        }

        double xn = Flush(x - (eta * grad));
        double move = Math.Abs(xn - x);
        x = xn;
        return (loss, sharp, move, Math.Abs(xn));
    }

    /// <summary>One uv step on (a, b, c) = (|u|², |v|², u·v), s = 1/√m, with the running maximum of the loss.</summary>
    public static (double Loss, double Sharp, double Move, double Size) UvStep(double eta, double s, double invM, double target,
        ref double a, ref double b, ref double c, ref double maxLoss)
    {
        double e = (s * c) - target;
        double sum = a + b;
        double halfSum = 0.5 * sum;
        double loss = 0.5 * (e * e);
        double diag = (invM * c) + (e * s);
        double minus = Math.Max(halfSum - c, 0.0);
        double plus = Math.Max(halfSum + c, 0.0);
        double sharp = (invM * halfSum) + Math.Sqrt((diag * diag) + ((invM * invM) * (minus * plus)));
        maxLoss = maxLoss < loss ? loss : maxLoss;
        double g = (eta * e) * s;
        double gg = g * g;
        double twoGc = (2.0 * g) * c;
        double an = Flush((a - twoGc) + (gg * b));
        double bn = Flush((b - twoGc) + (gg * a));
        double cn = Flush((c + (gg * c)) - (g * sum));
        double move = (Math.Abs(an - a) + Math.Abs(bn - b)) + Math.Abs(cn - c);
        double size = (Math.Abs(an) + Math.Abs(bn)) + Math.Abs(cn);
        a = an;
        b = bn;
        c = cn;
        return (loss, sharp, move, size);
    }

    /// <summary>The driver rules of RegimeRules, written plainly over a step function on a state array.</summary>
    public static Result Run(double eta, double[] theta, Func<double[], (double Loss, double Sharp, double Move, double Size)> step,
        int steps, double tol, double bound, double eosThreshold)
    {
        double minLoss = double.PositiveInfinity, maxSharp = 0, maxRatio = 0;
        int regime = 3, div = -1, t = 0;
        while (t < steps)
        {
            var (loss, sharp, move, size) = step(theta);
            t++;
            double ratio = 0.5 * eta * sharp;
            minLoss = loss < minLoss ? loss : minLoss;
            maxSharp = sharp > maxSharp ? sharp : maxSharp;
            maxRatio = ratio > maxRatio ? ratio : maxRatio;
            if (!double.IsFinite(loss) || !(size <= bound))
            {
                regime = 2;
                div = t;
                break;
            }

            if (move <= tol * (1.0 + size) && ratio < 1.0)
            {
                regime = 0;
                break;
            }
        }

        var copy = (double[])theta.Clone();
        var last = step(copy);
        double finalRatio = 0.5 * eta * last.Sharp;
        minLoss = last.Loss < minLoss ? last.Loss : minLoss;
        maxSharp = last.Sharp > maxSharp ? last.Sharp : maxSharp;
        maxRatio = finalRatio > maxRatio ? finalRatio : maxRatio;
        if (regime == 0 && maxRatio >= eosThreshold)
        {
            regime = 1;
        }

        return new Result(theta, last.Loss, minLoss, last.Sharp, maxSharp, finalRatio, t, div, regime);
    }
}
