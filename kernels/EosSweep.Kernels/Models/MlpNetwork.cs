using EosSweep.Kernels.Numerics;
using ILGPU;

namespace EosSweep.Kernels.Models;

/// <summary>
/// The math of the <c>mlp</c> model (<see cref="MlpModel{T}"/> documents it), written once over the number type
/// <typeparamref name="T"/> and the memory <typeparamref name="TMem"/>: the ILGPU kernels run it at R64/R32 with one
/// trajectory's scratch (<see cref="MlpScratch{T}"/>), the CPU SIMD path at vector lanes with a lane-vector buffer
/// (Simd.MlpLaneMemory), one trajectory per lane. Everything that differs between trajectories (the step counter, the
/// window of the convergence measure, whether the sharpness is due) is a lane value and a select, never a branch
/// on one trajectory's state, so lanes that started at different steps keep the scalar driver's bits.
/// </summary>
/// <remarks>
/// The gradient loop is register-blocked without changing any value's order of operations: the forward pass runs
/// two hidden units of four samples per pass over l (eight independent dot products, each still summed over l in
/// order), and the backward pass adds four samples' contributions to each ∇W entry of two hidden units between one
/// load and one store (still sample by sample in order). Every sum (the loss, f, each gradient entry) adds its terms
/// in the unblocked loop's order, so the blocking is invisible in the results.
/// </remarks>
/// <typeparam name="T">The number type.</typeparam>
/// <typeparam name="TW">Double values of as many lanes (the bookkeeping the scalar driver keeps in double).</typeparam>
/// <typeparam name="TMem">The slots and the data.</typeparam>
public struct MlpNetwork<T, TW, TMem>
    where T : struct, IReal<T>
    where TW : struct, IReal<TW>
    where TMem : struct, IMlpMemory<T, TW>
{
    /// <summary>The window of the convergence measure.</summary>
    public const int Window = 20;

    /// <summary>The value a non-finite or larger normalised loss is read as.</summary>
    public const double LossCap = 1e6;

    /// <summary>Samples whose backward passes share one load and store of each ∇W entry.</summary>
    public const int SampleBlock = 4;

    /// <summary>Step size η₁ of the hidden layer W.</summary>
    public T Eta1;

    /// <summary>Step size η₂ of the output layer v.</summary>
    public T Eta2;

    private TMem _mem;
    private long _m;
    private long _d;
    private long _n;
    private long _p;
    private int _activation;
    private int _every;
    private T _invSqrtD;
    private T _invSqrtM;
    private T _twoOverN;
    private T _rootEta1;
    private T _rootEta2;
    private T _sharpness;
    private TW _budget;
    private TW _t;
    private TW _since;
    private TW _loss0;
    private TW _windowSum;
    private TW _windowCount;
    private TW _finalLoss;

    /// <summary>
    /// A network at step 0 of a width-<paramref name="m"/> net on <paramref name="d"/> inputs and <paramref name="n"/>
    /// points, the step sizes from point slots 0 and 1 and the activation from the flags; the slots θ and q must hold
    /// their start (<see cref="Initialise"/>).
    /// </summary>
    /// <param name="point">The grid point (lanes: one trajectory each).</param>
    /// <param name="memory">The slots and the data.</param>
    /// <param name="m">Hidden width.</param>
    /// <param name="d">Input dimension.</param>
    /// <param name="n">Training points.</param>
    /// <param name="every">Sharpness period (−1 never, 0 first step and final point only).</param>
    /// <param name="budget">The step budget (per lane: τ/η₁ under τ).</param>
    public static MlpNetwork<T, TW, TMem> Create(in GridPoint<T> point, TMem memory, long m, long d, long n, int every, TW budget)
    {
        var net = default(MlpNetwork<T, TW, TMem>);
        net.Eta1 = point.V0;
        net.Eta2 = point.V1;
        net._mem = memory;
        net._m = m;
        net._d = d;
        net._n = n;
        net._p = m * (d + 1);
        net._activation = point.Flags & 0xF;
        net._every = every;
        net._sharpness = every < 0 ? T.C(double.NaN) : T.C(0.0);
        net._invSqrtD = T.C(1.0 / Math.Sqrt(d));
        net._invSqrtM = T.C(1.0 / Math.Sqrt(m));
        net._twoOverN = T.C(2.0 / n);
        net._rootEta1 = T.Sqrt(point.V0);
        net._rootEta2 = T.Sqrt(point.V1);
        net._budget = budget;
        net._t = TW.C(0.0);
        net._since = TW.C(0.0);
        net._loss0 = TW.C(0.0);
        net._windowSum = TW.C(0.0);
        net._windowCount = TW.C(0.0);
        net._finalLoss = TW.C(0.0);
        return net;
    }

    /// <summary>
    /// One trajectory's start: θ₀ (slots [0, P)) = the key's initial weights plus <paramref name="offset"/>, and q₀
    /// (slots [2P, 3P)) = a fixed pseudo-random unit vector of the seed (computed in double, then stored).
    /// </summary>
    /// <param name="sink">Where the values go.</param>
    /// <param name="data">The shared data.</param>
    /// <param name="init">Where the key's initial weights start in <paramref name="data"/>.</param>
    /// <param name="p">Parameters.</param>
    /// <param name="offset">The init offset.</param>
    /// <param name="seed">The seed.</param>
    public static void Initialise<TSink>(ref TSink sink, ArrayView<double> data, long init, long p, double offset, ulong seed)
        where TSink : struct, IMlpInitialSink
    {
        var rng = new CounterRng(seed, MlpData.PowerStream);
        double norm = 0;
        for (long k = 0; k < p; k++)
        {
            sink.Put(k, data[init + k] + offset);
            double q = rng.NextDouble() - 0.5;
            norm += q * q;
        }

        norm = Math.Sqrt(norm);
        rng = new CounterRng(seed, MlpData.PowerStream);
        for (long k = 0; k < p; k++)
        {
            sink.Put((2 * p) + k, (rng.NextDouble() - 0.5) / norm);
        }
    }

    /// <summary>The lanes of <paramref name="fresh"/> where <paramref name="fill"/> is 1 replace this network's (the slots are the memory's business).</summary>
    /// <param name="fresh">Networks just created for those lanes, on the same memory.</param>
    /// <param name="fill">1 in the lanes to take.</param>
    /// <param name="fillWide">The same flags as double lanes.</param>
    public void Blend(in MlpNetwork<T, TW, TMem> fresh, T fill, TW fillWide)
    {
        T one = T.C(1.0);
        TW oneW = TW.C(1.0);
        Eta1 = T.SelectEqual(fill, one, fresh.Eta1, Eta1);
        Eta2 = T.SelectEqual(fill, one, fresh.Eta2, Eta2);
        _rootEta1 = T.SelectEqual(fill, one, fresh._rootEta1, _rootEta1);
        _rootEta2 = T.SelectEqual(fill, one, fresh._rootEta2, _rootEta2);
        _sharpness = T.SelectEqual(fill, one, fresh._sharpness, _sharpness);
        _budget = TW.SelectEqual(fillWide, oneW, fresh._budget, _budget);
        _t = TW.SelectEqual(fillWide, oneW, fresh._t, _t);
        _since = TW.SelectEqual(fillWide, oneW, fresh._since, _since);
        _loss0 = TW.SelectEqual(fillWide, oneW, fresh._loss0, _loss0);
        _windowSum = TW.SelectEqual(fillWide, oneW, fresh._windowSum, _windowSum);
        _windowCount = TW.SelectEqual(fillWide, oneW, fresh._windowCount, _windowCount);
        _finalLoss = TW.SelectEqual(fillWide, oneW, fresh._finalLoss, _finalLoss);
    }

    /// <summary>Parameter 0: the root mean square of W's entries; 1: that of v's.</summary>
    public readonly T Parameter(int k)
    {
        long first = k == 0 ? 0 : _m * _d;
        long count = k == 0 ? _m * _d : _m;
        T sum = T.C(0.0);
        for (long i = 0; i < count; i++)
        {
            T w = _mem.Get(first + i);
            sum = T.MulAdd(w, w, sum);
        }

        return T.Sqrt(sum / T.C(count));
    }

    /// <summary>Extra 0: the convergence measure (MlpModel remarks); 1: the initial loss L(θ₀).</summary>
    public readonly TW Extra(int k)
    {
        if (k == 1)
        {
            return _loss0;
        }

        TW zero = TW.C(0.0);
        TW window = TW.SelectLess(_budget, TW.C(Window), _budget, TW.C(Window));
        TW final = Normalised(_finalLoss);
        TW missing = window - _windowCount;
        TW measure = (_windowSum + TW.SelectLess(zero, missing, missing * final, zero)) / window;
        return TW.SelectLessEqual(window, zero, final, measure);
    }

    /// <summary>L, ∇L and (when due) the sharpness at θ_t, then the step to θ_{t+1} (IGdModel.Step).</summary>
    public StepInfo<T> Step()
    {
        T loss = Gradient();
        TW wide = TMem.Wide(loss);
        TW zero = TW.C(0.0), one = TW.C(1.0);
        TW first = TW.SelectEqual(_t, zero, one, zero);
        _loss0 = TW.SelectEqual(first, one, wide, _loss0);
        TW inWindow = TW.SelectLessEqual(_budget - TW.C(Window), _t, one, zero);
        _windowSum = _windowSum + TW.SelectEqual(inWindow, one, Normalised(wide), zero);
        _windowCount = _windowCount + inWindow;
        if (_every >= 0)
        {
            TW due = _every > 0 ? TW.SelectEqual(_since, zero, one, first) : first;
            if (TMem.Any(due))
            {
                _sharpness = Sharpness(due, TW.SelectEqual(first, one, TW.C(20.0), TW.C(3.0)));
            }
        }

        _t = _t + one;
        if (_every > 0)
        {
            TW since = _since + one;
            _since = TW.SelectEqual(since, TW.C(_every), zero, since);
        }

        var mem = _mem;
        long mw = _m * _d, p = _p;
        T moved = T.C(0.0), size = T.C(0.0);
        for (long k = 0; k < p; k++)
        {
            T w = mem.Get(k);
            T wn = PMath.Flush(w - ((k < mw ? Eta1 : Eta2) * mem.Get(p + k)));
            moved = moved + T.Abs(wn - w);
            size = size + T.Abs(wn);
            mem.Set(k, wn);
        }

        StepInfo<T> info;
        info.Loss = loss;
        info.Sharpness = _sharpness;
        info.Move = moved;
        info.Size = size;
        return info;
    }

    /// <summary>Loss and sharpness at θ without moving (IGdModel.Evaluate), recorded as final in the lanes of <paramref name="final"/> only.</summary>
    /// <param name="final">1 in the lanes whose trajectory ends here (their sharpness is refreshed; other lanes' state is untouched).</param>
    public StepInfo<T> Evaluate(TW final)
    {
        T loss = Gradient();
        _finalLoss = TW.SelectEqual(final, TW.C(1.0), TMem.Wide(loss), _finalLoss);
        if (_every >= 0 && TMem.Any(final))
        {
            _sharpness = Sharpness(final, TW.C(20.0));
        }

        T size = T.C(0.0);
        for (long k = 0; k < _p; k++)
        {
            size = size + T.Abs(_mem.Get(k));
        }

        StepInfo<T> info;
        info.Loss = loss;
        info.Sharpness = _sharpness;
        info.Move = T.C(0.0);
        info.Size = size;
        return info;
    }

    /// <summary>L/L₀ with non-finite values and values above <see cref="LossCap"/> read as <see cref="LossCap"/>.</summary>
    private readonly TW Normalised(TW loss)
    {
        TW r = loss / _loss0;
        return TW.SelectLessEqual(r, TW.C(LossCap), r, TW.C(LossCap));
    }

    /// <summary>a = σ(h) for the model's activation.</summary>
    private readonly T Activate(T h) =>
        _activation == 0 ? T.Tanh(h) : _activation == 1 ? PMath.Max(h, T.C(0.0)) : h;

    /// <summary>σ'(h) from a = σ(h).</summary>
    private readonly T Slope(T a) =>
        _activation == 0 ? T.C(1.0) - (a * a) : _activation == 1 ? T.SelectLess(T.C(0.0), a, T.C(1.0), T.C(0.0)) : T.C(1.0);

    /// <summary>σ''(h) from a = σ(h) (0 for relu and identity).</summary>
    private readonly T Curvature(T a) =>
        _activation == 0 ? (T.C(-2.0) * a) * (T.C(1.0) - (a * a)) : T.C(0.0);

    /// <summary>
    /// L(θ) and ∇L(θ) (into slots [P, 2P)), in blocks of <see cref="SampleBlock"/> samples: the block's
    /// pre-activations h·/√d (into slots 4P + b·m + j), then sample by sample the activations (in place), f, e and
    /// the loss, then the block's backward passes together.
    /// </summary>
    private readonly T Gradient()
    {
        var mem = _mem;
        long p = _p, n = _n, m = _m, act = 4 * p;
        T zero = T.C(0.0);
        for (long k = 0; k < p; k++)
        {
            mem.Set(p + k, zero);
        }

        T loss = zero;
        long i = 0;
        for (; i + SampleBlock <= n; i += SampleBlock)
        {
            Dots4(i, act);
            T c0 = Output(i, act, ref loss);
            T c1 = Output(i + 1, act + m, ref loss);
            T c2 = Output(i + 2, act + (2 * m), ref loss);
            T c3 = Output(i + 3, act + (3 * m), ref loss);
            Backward4(i, c0, c1, c2, c3);
        }

        for (; i < n; i++)
        {
            Dots1(i, act);
            Backward1(i, Output(i, act, ref loss));
        }

        return loss / T.C(n);
    }

    /// <summary>
    /// The pre-activations hⱼ/√d of samples i … i + 3 into slots <paramref name="act"/> + b·m + j: two hidden units
    /// of four samples per pass over l (eight independent sums, each over l in order).
    /// </summary>
    private readonly void Dots4(long i, long act)
    {
        var mem = _mem;
        long m = _m, d = _d, x0 = i * d, x1 = x0 + d, x2 = x1 + d, x3 = x2 + d;
        T invSqrtD = _invSqrtD;
        long j = 0;
        for (; j + 2 <= m; j += 2)
        {
            T h00 = T.C(0.0), h01 = h00, h10 = h00, h11 = h00, h20 = h00, h21 = h00, h30 = h00, h31 = h00;
            long w0 = j * d, w1 = w0 + d;
            for (long l = 0; l < d; l++)
            {
                T u = mem.Get(w0 + l), v = mem.Get(w1 + l);
                T x = mem.Data(x0 + l);
                h00 = T.MulAdd(u, x, h00);
                h01 = T.MulAdd(v, x, h01);
                x = mem.Data(x1 + l);
                h10 = T.MulAdd(u, x, h10);
                h11 = T.MulAdd(v, x, h11);
                x = mem.Data(x2 + l);
                h20 = T.MulAdd(u, x, h20);
                h21 = T.MulAdd(v, x, h21);
                x = mem.Data(x3 + l);
                h30 = T.MulAdd(u, x, h30);
                h31 = T.MulAdd(v, x, h31);
            }

            mem.Set(act + j, h00 * invSqrtD);
            mem.Set(act + j + 1, h01 * invSqrtD);
            mem.Set(act + m + j, h10 * invSqrtD);
            mem.Set(act + m + j + 1, h11 * invSqrtD);
            mem.Set(act + (2 * m) + j, h20 * invSqrtD);
            mem.Set(act + (2 * m) + j + 1, h21 * invSqrtD);
            mem.Set(act + (3 * m) + j, h30 * invSqrtD);
            mem.Set(act + (3 * m) + j + 1, h31 * invSqrtD);
        }

        for (; j < m; j++)
        {
            T h0 = T.C(0.0), h1 = h0, h2 = h0, h3 = h0;
            long w = j * d;
            for (long l = 0; l < d; l++)
            {
                T u = mem.Get(w + l);
                h0 = T.MulAdd(u, mem.Data(x0 + l), h0);
                h1 = T.MulAdd(u, mem.Data(x1 + l), h1);
                h2 = T.MulAdd(u, mem.Data(x2 + l), h2);
                h3 = T.MulAdd(u, mem.Data(x3 + l), h3);
            }

            mem.Set(act + j, h0 * invSqrtD);
            mem.Set(act + m + j, h1 * invSqrtD);
            mem.Set(act + (2 * m) + j, h2 * invSqrtD);
            mem.Set(act + (3 * m) + j, h3 * invSqrtD);
        }
    }

    /// <summary>The pre-activations hⱼ/√d of sample <paramref name="i"/> alone into slots <paramref name="act"/> + j.</summary>
    private readonly void Dots1(long i, long act)
    {
        var mem = _mem;
        long m = _m, d = _d, xi = i * d;
        for (long j = 0; j < m; j++)
        {
            T h = T.C(0.0);
            long w = j * d;
            for (long l = 0; l < d; l++)
            {
                h = T.MulAdd(mem.Get(w + l), mem.Data(xi + l), h);
            }

            mem.Set(act + j, h * _invSqrtD);
        }
    }

    /// <summary>
    /// Sample <paramref name="i"/>'s activations a = σ(h/√d) (in place in slots <paramref name="act"/> + j), its
    /// output f, e² added to <paramref name="loss"/>; returns c = (2/n)·e/√m.
    /// </summary>
    private readonly T Output(long i, long act, ref T loss)
    {
        var mem = _mem;
        long m = _m, mw = m * _d;
        T f = T.C(0.0);
        for (long j = 0; j < m; j++)
        {
            T a = Activate(mem.Get(act + j));
            mem.Set(act + j, a);
            f = T.MulAdd(mem.Get(mw + j), a, f);
        }

        T e = (f * _invSqrtM) - mem.Data((_n * _d) + i);
        loss = T.MulAdd(e, e, loss);
        return (_twoOverN * e) * _invSqrtM;
    }

    /// <summary>
    /// The backward passes of samples i … i + 3 (coefficients c0 … c3, activations in slots 4P + b·m + j): each ∇W
    /// entry takes the four samples' terms in order between one load and one store, two hidden units per pass over l.
    /// </summary>
    private readonly void Backward4(long i, T c0, T c1, T c2, T c3)
    {
        var mem = _mem;
        long m = _m, d = _d, p = _p, mw = m * d, act = 4 * p;
        long x0 = i * d, x1 = x0 + d, x2 = x1 + d, x3 = x2 + d;
        long j = 0;
        for (; j + 2 <= m; j += 2)
        {
            AddOutputGradient(j, c0, c1, c2, c3);
            AddOutputGradient(j + 1, c0, c1, c2, c3);
            T v = mem.Get(mw + j), u = mem.Get(mw + j + 1);
            T r00 = Coefficient(c0, v, mem.Get(act + j)), r01 = Coefficient(c0, u, mem.Get(act + j + 1));
            T r10 = Coefficient(c1, v, mem.Get(act + m + j)), r11 = Coefficient(c1, u, mem.Get(act + m + j + 1));
            T r20 = Coefficient(c2, v, mem.Get(act + (2 * m) + j)), r21 = Coefficient(c2, u, mem.Get(act + (2 * m) + j + 1));
            T r30 = Coefficient(c3, v, mem.Get(act + (3 * m) + j)), r31 = Coefficient(c3, u, mem.Get(act + (3 * m) + j + 1));
            long g0 = p + (j * d), g1 = g0 + d;
            for (long l = 0; l < d; l++)
            {
                T s = mem.Get(g0 + l), t = mem.Get(g1 + l);
                T x = mem.Data(x0 + l);
                s = T.MulAdd(r00, x, s);
                t = T.MulAdd(r01, x, t);
                x = mem.Data(x1 + l);
                s = T.MulAdd(r10, x, s);
                t = T.MulAdd(r11, x, t);
                x = mem.Data(x2 + l);
                s = T.MulAdd(r20, x, s);
                t = T.MulAdd(r21, x, t);
                x = mem.Data(x3 + l);
                s = T.MulAdd(r30, x, s);
                t = T.MulAdd(r31, x, t);
                mem.Set(g0 + l, s);
                mem.Set(g1 + l, t);
            }
        }

        for (; j < m; j++)
        {
            AddOutputGradient(j, c0, c1, c2, c3);
            T v = mem.Get(mw + j);
            T r0 = Coefficient(c0, v, mem.Get(act + j)), r1 = Coefficient(c1, v, mem.Get(act + m + j));
            T r2 = Coefficient(c2, v, mem.Get(act + (2 * m) + j)), r3 = Coefficient(c3, v, mem.Get(act + (3 * m) + j));
            long g = p + (j * d);
            for (long l = 0; l < d; l++)
            {
                T s = mem.Get(g + l);
                s = T.MulAdd(r0, mem.Data(x0 + l), s);
                s = T.MulAdd(r1, mem.Data(x1 + l), s);
                s = T.MulAdd(r2, mem.Data(x2 + l), s);
                s = T.MulAdd(r3, mem.Data(x3 + l), s);
                mem.Set(g + l, s);
            }
        }
    }

    /// <summary>∇v_j += c_b·a_bj for the four samples of a block, in sample order.</summary>
    private readonly void AddOutputGradient(long j, T c0, T c1, T c2, T c3)
    {
        var mem = _mem;
        long m = _m, p = _p, act = 4 * p, slot = p + (m * _d) + j;
        T gv = mem.Get(slot);
        gv = T.MulAdd(c0, mem.Get(act + j), gv);
        gv = T.MulAdd(c1, mem.Get(act + m + j), gv);
        gv = T.MulAdd(c2, mem.Get(act + (2 * m) + j), gv);
        gv = T.MulAdd(c3, mem.Get(act + (3 * m) + j), gv);
        mem.Set(slot, gv);
    }

    /// <summary>r = c·v_j·σ'(a)/√d: the coefficient of a sample's x in ∇W_j.</summary>
    private readonly T Coefficient(T c, T v, T a) => ((c * v) * Slope(a)) * _invSqrtD;

    /// <summary>The backward pass of sample <paramref name="i"/> alone (coefficient <paramref name="c"/>, activations in slots 4P + j).</summary>
    private readonly void Backward1(long i, T c)
    {
        var mem = _mem;
        long m = _m, d = _d, p = _p, mw = m * d, act = 4 * p, xi = i * d;
        for (long j = 0; j < m; j++)
        {
            T a = mem.Get(act + j);
            mem.Set(p + mw + j, T.MulAdd(c, a, mem.Get(p + mw + j)));
            T r = ((c * mem.Get(mw + j)) * Slope(a)) * _invSqrtD;
            long g = p + (j * d);
            for (long l = 0; l < d; l++)
            {
                mem.Set(g + l, T.MulAdd(r, mem.Data(xi + l), mem.Get(g + l)));
            }
        }
    }

    /// <summary>
    /// In the lanes of <paramref name="due"/>: <paramref name="iterations"/> power iterations on A = P^½ H P^½ from the
    /// stored q; the sharpness max(0, q·Aq)/η₁ of the last one, with Aq/‖Aq‖ left as the next q. Other lanes keep
    /// their q and their sharpness.
    /// </summary>
    private readonly T Sharpness(TW due, TW iterations)
    {
        T lambda = T.C(0.0), one = T.C(1.0);
        TW zero = TW.C(0.0);
        for (int it = 0; it < 20; it++)
        {
            TW active = TW.SelectLess(TW.C(it), iterations, due, zero);
            if (!TMem.Any(active))
            {
                break;
            }

            T on = TMem.Narrow(active);
            lambda = T.SelectEqual(on, one, PowerIteration(on), lambda);
        }

        return T.SelectEqual(TMem.Narrow(due), one, PMath.Max(lambda, T.C(0.0)) / Eta1, _sharpness);
    }

    /// <summary>One power iteration; q moves only in the lanes of <paramref name="on"/> (and where ‖Aq‖ &gt; 0).</summary>
    private readonly T PowerIteration(T on)
    {
        var mem = _mem;
        long m = _m, d = _d, p = _p, mw = m * d, q0 = 2 * p, h0 = 3 * p, act = 4 * p, dh = (4 * p) + m;
        for (long k = 0; k < p; k++)
        {
            mem.Set(h0 + k, T.C(0.0));
        }

        for (long i = 0; i < _n; i++)
        {
            long xi = i * d;
            T f = T.C(0.0), df = T.C(0.0);
            for (long j = 0; j < m; j++)
            {
                T h = T.C(0.0), dhj = T.C(0.0);
                long w = j * d, q = q0 + (j * d);
                for (long l = 0; l < d; l++)
                {
                    T x = mem.Data(xi + l);
                    h = T.MulAdd(mem.Get(w + l), x, h);
                    dhj = T.MulAdd(_rootEta1 * mem.Get(q + l), x, dhj);
                }

                T a = Activate(h * _invSqrtD);
                dhj = dhj * _invSqrtD;
                mem.Set(act + j, a);
                mem.Set(dh + j, dhj);
                T v = mem.Get(mw + j);
                T wv = _rootEta2 * mem.Get(q0 + mw + j);
                f = T.MulAdd(v, a, f);
                df = df + ((wv * a) + (v * (Slope(a) * dhj)));
            }

            T e = (f * _invSqrtM) - mem.Data((_n * d) + i);
            df = df * _invSqrtM;
            T c = _twoOverN * _invSqrtM;
            for (long j = 0; j < m; j++)
            {
                T a = mem.Get(act + j);
                T dhj = mem.Get(dh + j);
                T s1 = Slope(a);
                T v = mem.Get(mw + j);
                T wv = _rootEta2 * mem.Get(q0 + mw + j);
                mem.Set(h0 + mw + j, mem.Get(h0 + mw + j) + (c * ((df * a) + (e * (s1 * dhj)))));
                T r = (c * _invSqrtD) * ((((df * v) * s1) + ((e * wv) * s1)) + (((e * v) * Curvature(a)) * dhj));
                long g = h0 + (j * d);
                for (long l = 0; l < d; l++)
                {
                    mem.Set(g + l, T.MulAdd(r, mem.Data(xi + l), mem.Get(g + l)));
                }
            }
        }

        T rayleigh = T.C(0.0), norm = T.C(0.0);
        for (long k = 0; k < p; k++)
        {
            T aq = (k < mw ? _rootEta1 : _rootEta2) * mem.Get(h0 + k);
            rayleigh = T.MulAdd(aq, mem.Get(q0 + k), rayleigh);
            norm = T.MulAdd(aq, aq, norm);
        }

        norm = T.Sqrt(norm);
        T move = T.SelectLess(T.C(0.0), norm, on, T.C(0.0));
        if (TMem.Any(TMem.Wide(move)))
        {
            T one = T.C(1.0);
            for (long k = 0; k < p; k++)
            {
                T aq = (k < mw ? _rootEta1 : _rootEta2) * mem.Get(h0 + k);
                mem.Set(q0 + k, T.SelectEqual(move, one, aq / norm, mem.Get(q0 + k)));
            }
        }

        return rayleigh;
    }
}
