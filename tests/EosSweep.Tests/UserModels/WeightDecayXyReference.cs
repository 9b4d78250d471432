using EosSweep.Core;

namespace EosSweep.Tests.UserModels;

/// <summary>
/// The sample model wd-xy, L(x, y) = ½(xy − 1)² + (λ/2)(x² + y²), written out by hand as a plain double loop with the
/// regime rules of README "Regimes: the exact rules" at their defaults (tol 1e-10, bound 1e8, eos margin 0.02): the
/// engine, on either CPU path, must reproduce it bit for bit.
/// </summary>
internal static class WeightDecayXyReference
{
    internal sealed record Result(double X, double Y, double FinalLoss, double Sharpness, int Steps, Regime Regime);

    public static Result Run(double eta, double decay, double x0, double y0, int steps)
    {
        double x = x0, y = y0, halfEta = 0.5 * eta, maxRatio = 0;
        var regime = Regime.Unconverged;
        int t = 0;
        while (t < steps)
        {
            var (loss, sharp, move, size) = Step(eta, decay, ref x, ref y);
            t++;
            double ratio = halfEta * sharp;
            maxRatio = Math.Max(maxRatio, ratio);
            if (!(Math.Abs(loss) <= double.MaxValue) || !(size <= 1e8))
            {
                regime = Regime.Diverged;
                break;
            }

            if (move <= 1e-10 * (1.0 + size) && ratio < 1.0)
            {
                regime = Regime.Gf;
                break;
            }
        }

        double fx = x, fy = y;
        var (finalLoss, finalSharp, _, _) = Step(eta, decay, ref fx, ref fy);
        maxRatio = Math.Max(maxRatio, halfEta * finalSharp);
        if (regime == Regime.Gf && maxRatio >= 0.98)
        {
            regime = Regime.Eos;
        }

        return new Result(x, y, finalLoss, finalSharp, t, regime);
    }

    private static (double Loss, double Sharp, double Move, double Size) Step(double eta, double decay, ref double x, ref double y)
    {
        double p = x * y;
        double r = p - 1.0;
        double loss = (0.5 * (r * r)) + ((0.5 * decay) * ((x * x) + (y * y)));

        // Larger eigenvalue of the Hessian [[y² + λ, 2xy − 1], [2xy − 1, x² + λ]].
        double a = (y * y) + decay, b = (2.0 * p) - 1.0, c = (x * x) + decay;
        double half = 0.5 * (a - c);
        double sharp = (0.5 * (a + c)) + Math.Sqrt((half * half) + (b * b));
        double xn = Flush(x - (eta * ((r * y) + (decay * x))));
        double yn = Flush(y - (eta * ((r * x) + (decay * y))));
        double move = Math.Abs(xn - x) + Math.Abs(yn - y);
        double size = Math.Abs(xn) + Math.Abs(yn);
        x = xn;
        y = yn;
        return (loss, sharp, move, size);
    }

    private static double Flush(double v) => Math.Abs(v) < 1e-100 ? 0.0 : v;
}
