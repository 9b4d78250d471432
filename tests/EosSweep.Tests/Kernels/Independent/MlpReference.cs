using EosSweep.Kernels.Models;

namespace EosSweep.Tests.Kernels.Independent;

/// <summary>
/// mlp from the README: h = W·x/√d, f = v·σ(h)/√m, L = (1/n)·Σᵢ (f(xᵢ) − yᵢ)², W' = W − η₁·∇_W L, v' = v − η₂·∇_v L
/// (θ = W row by row, then v), with the gradient derived by hand in plain doubles and System.Math.Tanh. The sharpness
/// is λ_max(P^½HP^½)/η₁ (P = diag(η₁ on W, η₂ on v)) with H the central-difference Jacobian of that gradient and its
/// top eigenvalue by Jacobi: exact up to the difference step, where the engine runs power iteration on hand-derived
/// Hessian-vector products.
/// </summary>
internal sealed class MlpReference : IReferenceModel
{
    /// <summary>The cap on normalised losses in the convergence measure.</summary>
    public const double LossCap = 1e6;

    /// <summary>The convergence measure's window: the last 20 normalised losses.</summary>
    public const int Window = 20;

    private readonly string _activation;
    private readonly double _eta1, _eta2;
    private readonly int _m, _d, _n;
    private readonly double[] _x, _y, _start;

    /// <summary>
    /// The network of key (m, d, n, seed): its data and initial weights are the engine's generator's
    /// (<see cref="MlpData.Fill"/>, inputs only), <paramref name="offset"/> added to every initial weight.
    /// </summary>
    public MlpReference(string activation, double eta1, double eta2, double offset, int m, int d, int n, ulong seed)
    {
        _activation = activation;
        _eta1 = eta1;
        _eta2 = eta2;
        _m = m;
        _d = d;
        _n = n;
        int p = m * (d + 1);
        var block = new double[MlpData.BlockLength(n, m, d)];
        MlpData.Fill(block, m, d, n, seed);
        _x = block[..(n * d)];
        _y = block[(n * d)..(n * (d + 1))];
        _start = block[(n * (d + 1))..].Select(w => w + offset).ToArray();
        Assert.Equal(p, _start.Length);
    }

    public double Eta => _eta1;

    public double[] Start => (double[])_start.Clone();

    public double Loss(double[] t) => LossAndGradient(t, null);

    public double Sharpness(double[] t)
    {
        int p = t.Length, mw = _m * _d;
        const double h = 1e-5;
        var hess = new double[p, p];
        var plus = new double[p];
        var minus = new double[p];
        for (int j = 0; j < p; j++)
        {
            var tp = (double[])t.Clone();
            var tm = (double[])t.Clone();
            tp[j] += h;
            tm[j] -= h;
            LossAndGradient(tp, plus);
            LossAndGradient(tm, minus);
            for (int i = 0; i < p; i++)
            {
                hess[i, j] = (plus[i] - minus[i]) / (2 * h);
            }
        }

        var pre = new double[p, p];
        for (int i = 0; i < p; i++)
        {
            for (int j = 0; j < p; j++)
            {
                double sym = (hess[i, j] + hess[j, i]) / 2;
                pre[i, j] = Math.Sqrt(i < mw ? _eta1 : _eta2) * sym * Math.Sqrt(j < mw ? _eta1 : _eta2);
            }
        }

        return Jacobi.Eigenvalues(pre).Max() / _eta1;
    }

    public double[] Next(double[] t)
    {
        var g = new double[t.Length];
        LossAndGradient(t, g);
        int mw = _m * _d;
        return t.Select((w, k) => w - ((k < mw ? _eta1 : _eta2) * g[k])).ToArray();
    }

    /// <summary>The reported parameter columns: the root mean squares of W and of v.</summary>
    public double[] Columns(double[] t)
    {
        int mw = _m * _d;
        return [Math.Sqrt(t[..mw].Sum(w => w * w) / mw), Math.Sqrt(t[mw..].Sum(w => w * w) / _m)];
    }

    /// <summary>
    /// The convergence measure: the mean of ℓ_t = L_t/L₀ over the last <see cref="Window"/> of the budget's steps
    /// (non-finite or above the cap read as the cap), steps after an early stop repeating the final point's ℓ.
    /// </summary>
    public static double Measure(ReferenceTrajectory r, int budget)
    {
        double loss0 = r.Losses[0];
        double Normalised(double loss) => double.IsFinite(loss / loss0) && loss / loss0 <= LossCap ? loss / loss0 : LossCap;
        double sum = 0;
        for (int t = budget - Window; t < budget; t++)
        {
            sum += Normalised(t < r.Losses.Length ? r.Losses[t] : r.FinalLoss);
        }

        return sum / Window;
    }

    private double LossAndGradient(double[] t, double[]? grad)
    {
        int mw = _m * _d;
        double sd = Math.Sqrt(_d), sm = Math.Sqrt(_m);
        if (grad is not null)
        {
            Array.Clear(grad);
        }

        double loss = 0;
        var act = new double[_m];
        var slope = new double[_m];
        for (int i = 0; i < _n; i++)
        {
            double f = 0;
            for (int j = 0; j < _m; j++)
            {
                double h = 0;
                for (int l = 0; l < _d; l++)
                {
                    h += t[(j * _d) + l] * _x[(i * _d) + l];
                }

                h /= sd;
                (act[j], slope[j]) = _activation switch
                {
                    "tanh" => (Math.Tanh(h), 1 - (Math.Tanh(h) * Math.Tanh(h))),
                    "relu" => (Math.Max(h, 0), h > 0 ? 1.0 : 0.0),
                    _ => (h, 1.0),
                };
                f += t[mw + j] * act[j];
            }

            double e = (f / sm) - _y[i];
            loss += e * e;
            if (grad is null)
            {
                continue;
            }

            for (int j = 0; j < _m; j++)
            {
                grad[mw + j] += 2 * e * act[j] / sm / _n;
                double r = 2 * e * t[mw + j] * slope[j] / sm / sd / _n;
                for (int l = 0; l < _d; l++)
                {
                    grad[(j * _d) + l] += r * _x[(i * _d) + l];
                }
            }
        }

        return loss / _n;
    }
}
