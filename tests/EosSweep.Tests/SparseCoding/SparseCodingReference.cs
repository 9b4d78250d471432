using EosSweep.Core;

namespace EosSweep.Tests.SparseCoding;

/// <summary>
/// An independent reference for the shared-layer sparse-coding model, written from the README's equations with
/// System.Math only (none of the engine's math, model structs, sample loops or driver):
/// f(x) = Σᵢ [a₊·ReLU(xᵢ + b) + a₋·ReLU(−xᵢ + b)], the one-sided logistic loss ℓ(s) = log(1 + e^−s) of s = y·f
/// weighted by 1/n (mean) or 1 (sum), its gradient and its exact 3×3 Hessian (largest eigenvalue by Jacobi
/// rotations), full-batch GD with the README's regime rules ("Regimes: the exact rules"), and a plain count of the
/// test samples whose sign of f agrees with the label.
/// </summary>
internal static class SparseCodingReference
{
    /// <summary>One trajectory's outcome, in the data set's terms.</summary>
    internal sealed record Outcome(double APlus, double AMinus, double B, double FinalLoss, double MinLoss, double SharpnessFinal,
        double SharpnessMax, double Ratio, int Steps, Regime Regime);

    /// <summary>The regime thresholds of a run (README defaults unless a test says otherwise).</summary>
    internal sealed record Limits(int Steps, double Tolerance = 1e-10, double Bound = 1e8, double EosMargin = 0.02);

    /// <summary>f(x) by the definition: a loop over every coordinate.</summary>
    public static double F(double[] x, double aPlus, double aMinus, double b)
    {
        double f = 0;
        foreach (double xi in x)
        {
            f += (aPlus * Math.Max(xi + b, 0)) + (aMinus * Math.Max(-xi + b, 0));
        }

        return f;
    }

    /// <summary>The training loss w·Σₖ ℓ(yₖ·f(xₖ)), its gradient in (a₊, a₋, b) and its Hessian (row-major 3×3).</summary>
    public static (double Loss, double[] Gradient, double[] Hessian) Evaluate(double[][] x, double[] y, double weight, double aPlus, double aMinus, double b)
    {
        double loss = 0;
        var g = new double[3];
        var h = new double[9];
        for (int k = 0; k < x.Length; k++)
        {
            // ∇f = (Σ ReLU(xᵢ + b), Σ ReLU(−xᵢ + b), a₊·#(xᵢ + b > 0) + a₋·#(−xᵢ + b > 0)); a ReLU at exactly 0 is inactive.
            double pPlus = 0, pMinus = 0;
            int nPlus = 0, nMinus = 0;
            foreach (double xi in x[k])
            {
                if (xi + b > 0)
                {
                    pPlus += xi + b;
                    nPlus++;
                }

                if (-xi + b > 0)
                {
                    pMinus += -xi + b;
                    nMinus++;
                }
            }

            double f = (aPlus * pPlus) + (aMinus * pMinus);
            double s = y[k] * f;
            loss += s > 0 ? Math.Log(1 + Math.Exp(-s)) : -s + Math.Log(1 + Math.Exp(s));
            double d1 = -1 / (1 + Math.Exp(s));                 // ℓ'(s)
            double sig = 1 / (1 + Math.Exp(-s));
            double d2 = sig * (1 - sig);                         // ℓ''(s)
            double[] u = [pPlus, pMinus, (aPlus * nPlus) + (aMinus * nMinus)];
            for (int i = 0; i < 3; i++)
            {
                g[i] += d1 * y[k] * u[i];
                for (int j = 0; j < 3; j++)
                {
                    h[(3 * i) + j] += d2 * u[i] * u[j];
                }
            }

            // ∇²f: ∂²f/∂a₊∂b = #₊, ∂²f/∂a₋∂b = #₋, everything else 0 (a.e.).
            h[2] += d1 * y[k] * nPlus;
            h[6] += d1 * y[k] * nPlus;
            h[5] += d1 * y[k] * nMinus;
            h[7] += d1 * y[k] * nMinus;
        }

        for (int i = 0; i < 3; i++)
        {
            g[i] *= weight;
        }

        for (int i = 0; i < 9; i++)
        {
            h[i] *= weight;
        }

        return (weight * loss, g, h);
    }

    /// <summary>The largest eigenvalue of a symmetric 3×3 matrix (cyclic Jacobi rotations to machine precision).</summary>
    public static double MaxEigenvalue(double[] m)
    {
        var a = (double[])m.Clone();
        for (int sweep = 0; sweep < 50; sweep++)
        {
            double off = Math.Abs(a[1]) + Math.Abs(a[2]) + Math.Abs(a[5]);
            double scale = Math.Abs(a[0]) + Math.Abs(a[4]) + Math.Abs(a[8]) + off;
            if (off <= 1e-18 * scale)
            {
                break;
            }

            foreach (var (p, q) in new[] { (0, 1), (0, 2), (1, 2) })
            {
                double apq = a[(3 * p) + q];
                if (apq == 0)
                {
                    continue;
                }

                double theta = (a[(3 * q) + q] - a[(3 * p) + p]) / (2 * apq);
                double t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1));
                double c = 1 / Math.Sqrt((t * t) + 1), s = t * c;
                for (int k = 0; k < 3; k++)
                {
                    double akp = a[(3 * k) + p], akq = a[(3 * k) + q];
                    a[(3 * k) + p] = (c * akp) - (s * akq);
                    a[(3 * k) + q] = (s * akp) + (c * akq);
                }

                for (int k = 0; k < 3; k++)
                {
                    double apk = a[(3 * p) + k], aqk = a[(3 * q) + k];
                    a[(3 * p) + k] = (c * apk) - (s * aqk);
                    a[(3 * q) + k] = (s * apk) + (c * aqk);
                }
            }
        }

        return Math.Max(a[0], Math.Max(a[4], a[8]));
    }

    /// <summary>
    /// Full-batch GD from (a₊, a₋, 0) under the README's rules: at step t the loss, sharpness (reported as max(λ, 0))
    /// and ratio η·λ/2 at θ_t, then θ_{t+1} = θ_t − η·∇L with |θ| &lt; 1e-100 flushed to 0; diverged when the loss is
    /// not finite or ‖θ_{t+1}‖₁ exceeds the bound; converged when ‖θ_{t+1} − θ_t‖₁ ≤ tol·(1 + ‖θ_{t+1}‖₁) with ratio
    /// below 1; gf/eos by the largest ratio seen (final point included) against 1 − margin.
    /// </summary>
    public static Outcome Run(double[][] x, double[] y, bool sum, double eta, double aPlus0, double aMinus0, Limits limits)
    {
        double weight = sum ? 1.0 : 1.0 / x.Length;
        double[] theta = [aPlus0, aMinus0, 0.0];
        double minLoss = double.PositiveInfinity, maxSharp = 0, maxRatio = 0;
        var regime = Regime.Unconverged;
        int t = 0;
        while (t < limits.Steps)
        {
            var (loss, grad, hess) = Evaluate(x, y, weight, theta[0], theta[1], theta[2]);
            double sharp = Math.Max(MaxEigenvalue(hess), 0);
            double ratio = eta * sharp / 2;
            var next = new double[3];
            double move = 0, size = 0;
            for (int i = 0; i < 3; i++)
            {
                next[i] = theta[i] - (eta * grad[i]);
                next[i] = Math.Abs(next[i]) < 1e-100 ? 0 : next[i];
                move += Math.Abs(next[i] - theta[i]);
                size += Math.Abs(next[i]);
            }

            theta = next;
            t++;
            minLoss = Math.Min(minLoss, loss);
            maxSharp = Math.Max(maxSharp, sharp);
            maxRatio = Math.Max(maxRatio, ratio);
            if (!double.IsFinite(loss) || !(size <= limits.Bound))
            {
                regime = Regime.Diverged;
                break;
            }

            if (move <= limits.Tolerance * (1 + size) && ratio < 1)
            {
                regime = Regime.Gf;
                break;
            }
        }

        var (finalLoss, _, finalHess) = Evaluate(x, y, weight, theta[0], theta[1], theta[2]);
        double finalSharp = Math.Max(MaxEigenvalue(finalHess), 0);
        minLoss = Math.Min(minLoss, finalLoss);
        maxSharp = Math.Max(maxSharp, finalSharp);
        maxRatio = Math.Max(maxRatio, eta * finalSharp / 2);
        if (regime == Regime.Gf && maxRatio >= 1 - limits.EosMargin)
        {
            regime = Regime.Eos;
        }

        return new Outcome(theta[0], theta[1], theta[2], finalLoss, minLoss, finalSharp, maxSharp, eta * finalSharp / 2, t, regime);
    }

    /// <summary>How many samples have sign(f(x)) equal to their label (f = 0 counts as wrong).</summary>
    public static int CountCorrect(double[][] x, double[] y, double aPlus, double aMinus, double b)
    {
        int correct = 0;
        for (int k = 0; k < x.Length; k++)
        {
            correct += y[k] * F(x[k], aPlus, aMinus, b) > 0 ? 1 : 0;
        }

        return correct;
    }
}
