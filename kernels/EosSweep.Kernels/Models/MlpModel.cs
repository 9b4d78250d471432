using EosSweep.Kernels.Numerics;
using ILGPU;

namespace EosSweep.Kernels.Models;

/// <summary>
/// MODELS.md §4, the fractal-trainability network: one hidden layer of width m on inputs of dimension d, with
/// mean-field scaling, hᵢⱼ = Σₗ Wⱼₗ·xᵢₗ/√d, fᵢ = Σⱼ vⱼ·σ(hᵢⱼ)/√m, trained by full-batch GD on the mean squared error
/// L = (1/n)·Σᵢ (fᵢ − yᵢ)² over n Gaussian points (x ~ N(0, I_d), y ~ N(0, 1), <see cref="MlpData"/>), with a step
/// size per layer: W' = W − η₁·∇_W L, v' = v − η₂·∇_v L. Axes (slots): eta1, eta2, offset, m, d, n, seed. Options
/// (flags): activation tanh|relu|identity (bits 0–3). σ' and σ'' come from a = σ(h): tanh σ' = 1 − a²,
/// σ'' = −2a(1 − a²); relu σ' = [h &gt; 0], σ'' = 0; identity σ' = 1, σ'' = 0.
/// </summary>
/// <remarks>
/// <para>State: the P = m·(d + 1) parameters live in per-trajectory scratch (structure of arrays, slot e of row r
/// at e·stride + r): θ = (W row by row, then v) at [0, P), ∇L at [P, 2P), the power-iteration vector q at [2P, 3P),
/// its image at [3P, 4P), and one sample's hidden activations and their directional derivatives at [4P, 4P + 2m).
/// A width-16 network has 272 parameters, more than a GPU thread's registers hold, so there is no register
/// variant.</para>
/// <para>Sharpness: with two step sizes GD is θ' = θ − P∇L, P = diag(η₁ on W, η₂ on v), stable near a minimum iff
/// λ_max(P^½ H P^½) &lt; 2. The model reports S = λ_max(P^½ H P^½)/η₁, so the driver's ratio η₁·S/2 is the true
/// stability ratio (and S is the plain sharpness when η₁ = η₂). λ is the Rayleigh quotient of power iteration on
/// exact Hessian-vector products (forward-over-reverse by hand): with w = P^½q, δhᵢⱼ = Σₗ w_Wⱼₗ xᵢₗ/√d,
/// δaᵢⱼ = σ'ᵢⱼ·δhᵢⱼ, δfᵢ = Σⱼ (w_vⱼ·aᵢⱼ + vⱼ·δaᵢⱼ)/√m, eᵢ = fᵢ − yᵢ,
/// (Hw)_vⱼ = (2/n)Σᵢ (δfᵢ·aᵢⱼ + eᵢ·δaᵢⱼ)/√m and
/// (Hw)_Wⱼₗ = (2/n)Σᵢ [δfᵢ·vⱼ·σ'ᵢⱼ + eᵢ·w_vⱼ·σ'ᵢⱼ + eᵢ·vⱼ·σ''ᵢⱼ·δhᵢⱼ]·xᵢₗ/(√m·√d).
/// It is refreshed every k steps (option sharpness_every; 20 iterations at the first step and the final point,
/// 3 warm-started ones per refresh) and the last estimate is reported in between; it estimates the eigenvalue
/// of largest magnitude, reported as max(0, ·). With the period "never" the sharpness is not computed: it reads
/// NaN, so no run meets the converged rule (which needs a ratio below 1) and every finite run ends unconverged,
/// classified by the convergence measure alone.</para>
/// <para>Convergence measure (the fractal-trainability literature's classifier): ℓ_t = L(θ_t)/L(θ_0) for the T
/// steps of the budget, non-finite or above 10⁶ read as 10⁶; a run that stops early (diverged, or converged by the
/// tolerance) repeats its final point's ℓ for the remaining steps; the measure is the mean of the last
/// min(20, T) values, and the run is trainable iff it is below 1.</para>
/// </remarks>
/// <typeparam name="T">The number type.</typeparam>
public struct MlpModel<T> : IGdModel<MlpModel<T>, T>
    where T : struct, IScalar<T>
{
    /// <summary>The window of the convergence measure.</summary>
    public const int Window = 20;

    /// <summary>The value a non-finite or larger normalised loss is read as.</summary>
    public const double LossCap = 1e6;

    /// <summary>Step size η₁ of the hidden layer W.</summary>
    public T Eta1;

    /// <summary>Step size η₂ of the output layer v.</summary>
    public T Eta2;

    private ArrayView<double> _data;
    private ArrayView<double> _scratch;
    private long _stride;
    private long _row;
    private long _x;
    private long _y;
    private long _m;
    private long _d;
    private long _n;
    private long _p;
    private int _activation;
    private int _every;
    private int _budget;
    private int _t;
    private T _invSqrtD;
    private T _invSqrtM;
    private T _twoOverN;
    private T _rootEta1;
    private T _rootEta2;
    private T _sharpness;
    private double _loss0;
    private double _windowSum;
    private int _windowCount;
    private double _finalLoss;

    /// <inheritdoc/>
    public static int ParameterCount => 2;

    /// <inheritdoc/>
    public static int ExtraCount => 2;

    /// <inheritdoc/>
    public static MlpModel<T> Create(in GridPoint<T> point, in ModelData data)
    {
        long keys = data.Ints[0];
        long block = MlpData.BlockOffset(data, point.Index % keys);
        long m = (long)T.ToDouble(point.V3);
        long d = (long)T.ToDouble(point.V4);
        long n = MlpData.Points((long)T.ToDouble(point.V5), m, d);
        var model = default(MlpModel<T>);
        model.Eta1 = point.V0;
        model.Eta2 = point.V1;
        model._data = data.Doubles;
        model._scratch = data.Scratch;
        model._stride = data.ScratchStride;
        model._row = point.Row;
        model._m = m;
        model._d = d;
        model._n = n;
        model._p = m * (d + 1);
        model._x = block;
        model._y = block + (n * d);
        model._activation = point.Flags & 0xF;
        model._every = data.Ints[2];
        model._sharpness = model._every < 0 ? T.C(double.NaN) : T.C(0.0);
        double tau = data.Doubles[0];
        model._budget = tau > 0 ? Execution.Trajectory.StepsForTau(tau, T.ToDouble(point.V0)) : data.Ints[1];
        model._invSqrtD = T.C(1.0 / Math.Sqrt(d));
        model._invSqrtM = T.C(1.0 / Math.Sqrt(m));
        model._twoOverN = T.C(2.0 / n);
        model._rootEta1 = T.Sqrt(point.V0);
        model._rootEta2 = T.Sqrt(point.V1);

        // θ₀ = the seed's N(0, 1) draw plus the offset on every weight; q₀ a fixed pseudo-random unit vector.
        long init = block + (n * (d + 1));
        double offset = T.ToDouble(point.V2);
        var rng = new CounterRng(point.Seed, MlpData.PowerStream);
        double norm = 0;
        for (long k = 0; k < model._p; k++)
        {
            model.Set(k, T.ToDouble(T.C(data.Doubles[init + k] + offset)));
            double q = rng.NextDouble() - 0.5;
            model.Set((2 * model._p) + k, q);
            norm += q * q;
        }

        norm = Math.Sqrt(norm);
        for (long k = 0; k < model._p; k++)
        {
            model.Set((2 * model._p) + k, model.Get((2 * model._p) + k) / norm);
        }

        return model;
    }

    /// <inheritdoc/>
    public readonly T StepSize => Eta1;

    /// <summary>Parameter 0: the root mean square of W's entries; 1: that of v's.</summary>
    public readonly T Parameter(int k)
    {
        long first = k == 0 ? 0 : _m * _d;
        long count = k == 0 ? _m * _d : _m;
        T sum = T.C(0.0);
        for (long i = 0; i < count; i++)
        {
            T w = T.C(Get(first + i));
            sum = sum + (w * w);
        }

        return T.Sqrt(sum / T.C(count));
    }

    /// <summary>Extra 0: the convergence measure (remarks); 1: the initial loss L(θ₀).</summary>
    public readonly double Extra(int k)
    {
        if (k == 1)
        {
            return _loss0;
        }

        int window = Math.Min(Window, _budget);
        if (window <= 0)
        {
            return Normalised(_finalLoss);
        }

        int missing = window - _windowCount;
        return (_windowSum + (missing > 0 ? missing * Normalised(_finalLoss) : 0.0)) / window;
    }

    /// <inheritdoc/>
    public StepInfo<T> Step()
    {
        T loss = Gradient();
        if (_t == 0)
        {
            _loss0 = T.ToDouble(loss);
        }

        if (_t >= _budget - Window)
        {
            _windowSum += Normalised(T.ToDouble(loss));
            _windowCount++;
        }

        bool refresh = _every >= 0 && (_t == 0 || (_every > 0 && _t % _every == 0));
        if (refresh)
        {
            _sharpness = Sharpness(_t == 0 ? 20 : 3);
        }

        _t++;
        long mw = _m * _d;
        T moved = T.C(0.0), size = T.C(0.0);
        for (long k = 0; k < _p; k++)
        {
            T w = T.C(Get(k));
            T wn = PMath.Flush(w - ((k < mw ? Eta1 : Eta2) * T.C(Get(_p + k))));
            moved = moved + T.Abs(wn - w);
            size = size + T.Abs(wn);
            Set(k, T.ToDouble(wn));
        }

        StepInfo<T> info;
        info.Loss = loss;
        info.Sharpness = _sharpness;
        info.Move = moved;
        info.Size = size;
        return info;
    }

    /// <inheritdoc/>
    public StepInfo<T> Evaluate()
    {
        T loss = Gradient();
        _finalLoss = T.ToDouble(loss);
        _sharpness = _every >= 0 ? Sharpness(20) : _sharpness;
        T size = T.C(0.0);
        for (long k = 0; k < _p; k++)
        {
            size = size + T.Abs(T.C(Get(k)));
        }

        StepInfo<T> info;
        info.Loss = loss;
        info.Sharpness = _sharpness;
        info.Move = T.C(0.0);
        info.Size = size;
        return info;
    }

    /// <summary>L/L₀ with non-finite values and values above <see cref="LossCap"/> read as <see cref="LossCap"/>.</summary>
    private readonly double Normalised(double loss)
    {
        double r = loss / _loss0;
        return r <= LossCap ? r : LossCap;
    }

    private readonly long At(long slot) => (slot * _stride) + _row;

    private readonly double Get(long slot) => _scratch[At(slot)];

    private readonly void Set(long slot, double v) => _scratch[(slot * _stride) + _row] = v;

    /// <summary>a = σ(h) for the model's activation.</summary>
    private readonly T Activate(T h) =>
        _activation == 0 ? T.Tanh(h) : _activation == 1 ? PMath.Max(h, T.C(0.0)) : h;

    /// <summary>σ'(h) from a = σ(h).</summary>
    private readonly T Slope(T a) =>
        _activation == 0 ? T.C(1.0) - (a * a) : _activation == 1 ? T.SelectLess(T.C(0.0), a, T.C(1.0), T.C(0.0)) : T.C(1.0);

    /// <summary>σ''(h) from a = σ(h) (0 for relu and identity).</summary>
    private readonly T Curvature(T a) =>
        _activation == 0 ? (T.C(-2.0) * a) * (T.C(1.0) - (a * a)) : T.C(0.0);

    /// <summary>L(θ) and ∇L(θ) (into slots [P, 2P)); sample by sample, hidden unit by unit, input by input.</summary>
    private readonly T Gradient()
    {
        long m = _m, d = _d, p = _p, mw = m * d, act = 4 * p;
        for (long k = 0; k < p; k++)
        {
            Set(p + k, 0.0);
        }

        T loss = T.C(0.0);
        for (long i = 0; i < _n; i++)
        {
            long xi = _x + (i * d);
            T f = T.C(0.0);
            for (long j = 0; j < m; j++)
            {
                T h = T.C(0.0);
                long w = At(j * d);
                for (long l = 0; l < d; l++)
                {
                    h = h + (T.C(_scratch[w]) * T.C(_data[xi + l]));
                    w += _stride;
                }

                T a = Activate(h * _invSqrtD);
                Set(act + j, T.ToDouble(a));
                f = f + (T.C(Get(mw + j)) * a);
            }

            T e = (f * _invSqrtM) - T.C(_data[_y + i]);
            loss = loss + (e * e);
            T c = (_twoOverN * e) * _invSqrtM;
            for (long j = 0; j < m; j++)
            {
                T a = T.C(Get(act + j));
                Set(p + mw + j, T.ToDouble(T.C(Get(p + mw + j)) + (c * a)));
                T r = ((c * T.C(Get(mw + j))) * Slope(a)) * _invSqrtD;
                long g = At(p + (j * d));
                for (long l = 0; l < d; l++)
                {
                    _scratch[g] = T.ToDouble(T.C(_scratch[g]) + (r * T.C(_data[xi + l])));
                    g += _stride;
                }
            }
        }

        return loss / T.C(_n);
    }

    /// <summary>
    /// <paramref name="iterations"/> power iterations on A = P^½ H P^½ from the stored q; returns max(0, q·Aq)/η₁ of
    /// the last one and leaves Aq/‖Aq‖ as the next q.
    /// </summary>
    private readonly T Sharpness(int iterations)
    {
        T lambda = T.C(0.0);
        for (int it = 0; it < iterations; it++)
        {
            lambda = PowerIteration();
        }

        return PMath.Max(lambda, T.C(0.0)) / Eta1;
    }

    private readonly T PowerIteration()
    {
        long m = _m, d = _d, p = _p, mw = m * d, q0 = 2 * p, h0 = 3 * p, act = 4 * p, dh = (4 * p) + m;
        for (long k = 0; k < p; k++)
        {
            Set(h0 + k, 0.0);
        }

        for (long i = 0; i < _n; i++)
        {
            long xi = _x + (i * d);
            T f = T.C(0.0), df = T.C(0.0);
            for (long j = 0; j < m; j++)
            {
                T h = T.C(0.0), dhj = T.C(0.0);
                long w = At(j * d), q = At(q0 + (j * d));
                for (long l = 0; l < d; l++)
                {
                    T x = T.C(_data[xi + l]);
                    h = h + (T.C(_scratch[w]) * x);
                    dhj = dhj + ((_rootEta1 * T.C(_scratch[q])) * x);
                    w += _stride;
                    q += _stride;
                }

                T a = Activate(h * _invSqrtD);
                dhj = dhj * _invSqrtD;
                Set(act + j, T.ToDouble(a));
                Set(dh + j, T.ToDouble(dhj));
                T v = T.C(Get(mw + j));
                T wv = _rootEta2 * T.C(Get(q0 + mw + j));
                f = f + (v * a);
                df = df + ((wv * a) + (v * (Slope(a) * dhj)));
            }

            T e = (f * _invSqrtM) - T.C(_data[_y + i]);
            df = df * _invSqrtM;
            T c = _twoOverN * _invSqrtM;
            for (long j = 0; j < m; j++)
            {
                T a = T.C(Get(act + j));
                T dhj = T.C(Get(dh + j));
                T s1 = Slope(a);
                T v = T.C(Get(mw + j));
                T wv = _rootEta2 * T.C(Get(q0 + mw + j));
                Set(h0 + mw + j, T.ToDouble(T.C(Get(h0 + mw + j)) + (c * ((df * a) + (e * (s1 * dhj))))));
                T r = (c * _invSqrtD) * ((((df * v) * s1) + ((e * wv) * s1)) + (((e * v) * Curvature(a)) * dhj));
                long g = At(h0 + (j * d));
                for (long l = 0; l < d; l++)
                {
                    _scratch[g] = T.ToDouble(T.C(_scratch[g]) + (r * T.C(_data[xi + l])));
                    g += _stride;
                }
            }
        }

        T rayleigh = T.C(0.0), norm = T.C(0.0);
        for (long k = 0; k < p; k++)
        {
            T aq = (k < mw ? _rootEta1 : _rootEta2) * T.C(Get(h0 + k));
            rayleigh = rayleigh + (aq * T.C(Get(q0 + k)));
            norm = norm + (aq * aq);
        }

        norm = T.Sqrt(norm);
        if (T.ToDouble(norm) > 0)
        {
            for (long k = 0; k < p; k++)
            {
                T aq = (k < mw ? _rootEta1 : _rootEta2) * T.C(Get(h0 + k));
                Set(q0 + k, T.ToDouble(aq / norm));
            }
        }

        return rayleigh;
    }
}
