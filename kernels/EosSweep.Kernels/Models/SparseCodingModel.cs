using EosSweep.Kernels.Losses;
using EosSweep.Kernels.Numerics;
using ILGPU;

namespace EosSweep.Kernels.Models;

/// <summary>
/// docs/models.md, sparse-coding, the paper's Figure 1 network: f(x) = Σᵢ [a₊·ReLU(xᵢ + b) + a₋·ReLU(−xᵢ + b)] with three
/// scalars shared by all d coordinates, trained by full-batch GD on ℓ(y·f) (one-sided logistic) over n
/// samples; axes (slots) eta, d, n, lambda, n_test, seed. Options (flags): loss normalisation mean|sum,
/// init variance|std for N(0, 1/(2d)), step fast|direct, second layer shared|per-coordinate.
/// </summary>
/// <remarks>
/// Fast step: because b is shared, Σᵢ ReLU(xᵢ + b) = S(x &gt; −b) + b·#(x &gt; −b) and
/// Σᵢ ReLU(−xᵢ + b) = b·#(x &lt; b) − S(x &lt; b), read from each sample's sorted coordinates and prefix sums
/// with two binary searches: O(n·log d) per step instead of the direct O(n·d). The Hessian is exact a.e.:
/// H = w·Σₖ [ℓ''ₖ·uₖuₖᵀ + ℓ'ₖ·yₖ·Nₖ] with uₖ = ∇f(xₖ) = (P₊, P₋, a₊·#₊ + a₋·#₋) and Nₖ = ∇²f(xₖ), whose only
/// non-zero entries are ∂²f/∂a₊∂b = #₊ and ∂²f/∂a₋∂b = #₋; its largest eigenvalue comes from
/// <see cref="PMath.MaxEigenvalue3{T}"/>. A ReLU at exactly 0 counts as inactive.
/// <para>
/// Per-coordinate second layer (the alternative reading of the paper): f(x) = Σᵢ [a₊ᵢ·ReLU(xᵢ + b) + a₋ᵢ·ReLU(−xᵢ + b)],
/// 2d + 1 parameters kept in per-trajectory scratch (a₊ᵢ, a₋ᵢ, their gradients, and two power-iteration vectors:
/// 8d + 2 doubles). The step is direct, O(n·d) (the weights break the sorted-prefix trick). The sharpness is
/// the Rayleigh quotient of power iteration on exact Hessian-vector products, Hv = w·Σₖ [ℓ''ₖ·(uₖ·v)·uₖ + ℓ'ₖ·yₖ·Nₖv],
/// warm-started from the previous step's vector: 30 iterations at the first step and at the final point,
/// one per step in between (the Hessian moves little per step). It estimates the eigenvalue of largest
/// magnitude; reported as max(0, ·). The columns final_a_plus and final_a_minus hold the means over coordinates.
/// </para>
/// </remarks>
/// <typeparam name="TLoss">The per-sample loss of the margin y·f (one-sided logistic in the paper).</typeparam>
/// <typeparam name="T">The number type.</typeparam>
/// <typeparam name="TSamples">
/// How the shared-layer step walks the samples: <see cref="SequentialSamples"/> (one thread per trajectory),
/// <see cref="GroupSamples"/> (a GPU group per trajectory) or the CPU SIMD loop; the math is the same.
/// </typeparam>
public struct SparseCodingModel<TLoss, T, TSamples> : IGdModel<SparseCodingModel<TLoss, T, TSamples>, T>
    where TLoss : struct, ILoss
    where T : struct, IScalar<T>
    where TSamples : struct, ISampleLoop
{
    /// <summary>Step size η.</summary>
    public T Eta;

    /// <summary>Second-layer weight a₊.</summary>
    public T APlus;

    /// <summary>Second-layer weight a₋.</summary>
    public T AMinus;

    /// <summary>The shared bias b.</summary>
    public T B;

    private ArrayView<double> _data;
    private ArrayView<double> _scratch;
    private long _stride;
    private long _row;
    private long _block;
    private long _n;
    private long _nTest;
    private long _d;
    private T _weight;
    private bool _direct;
    private bool _perCoordinate;
    private bool _warm;

    /// <inheritdoc/>
    public static int ParameterCount => 3;

    /// <inheritdoc/>
    public static int ExtraCount => 1;

    /// <inheritdoc/>
    public static SparseCodingModel<TLoss, T, TSamples> Create(in GridPoint<T> point, in ModelData data)
    {
        long keys = data.Ints[0];
        long block = SparseCodingLayout.BlockOffset(data, point.Index % keys);
        long d = (long)T.ToDouble(point.V1);
        long n = (long)T.ToDouble(point.V2);
        long nTest = (long)T.ToDouble(point.V4);
        bool sum = (point.Flags & 0xF) == 1;
        bool std = ((point.Flags >> 4) & 0xF) == 1;
        double scale = std ? 1.0 / (2.0 * d) : Math.Sqrt(1.0 / (2.0 * d));
        long init = block + SparseCodingLayout.Init(n, nTest, d);
        var m = default(SparseCodingModel<TLoss, T, TSamples>);
        m.Eta = point.V0;
        m.APlus = T.C(data.Doubles[init] * scale);
        m.AMinus = T.C(data.Doubles[init + d] * scale);
        m.B = T.C(0.0);
        m._data = data.Doubles;
        m._block = block;
        m._n = n;
        m._nTest = nTest;
        m._d = d;
        m._weight = sum ? T.C(1.0) : T.C(1.0 / n);
        m._direct = ((point.Flags >> 8) & 0xF) == 1;
        m._perCoordinate = ((point.Flags >> 12) & 0xF) == 1;
        if (m._perCoordinate)
        {
            m._scratch = data.Scratch;
            m._stride = data.ScratchStride;
            m._row = point.Row;
            double unit = 1.0 / Math.Sqrt((2.0 * d) + 1.0);
            for (long i = 0; i < d; i++)
            {
                m.SetS(i, data.Doubles[init + i] * scale);
                m.SetS(d + i, data.Doubles[init + d + i] * scale);
            }

            for (long j = 0; j <= 2 * d; j++)
            {
                m.SetS(V(d) + j, unit);
            }
        }

        return m;
    }

    /// <inheritdoc/>
    public readonly T StepSize => Eta;

    /// <inheritdoc/>
    public readonly T Parameter(int k) =>
        !_perCoordinate || k == 2 ? (k == 0 ? APlus : (k == 1 ? AMinus : B)) : T.C(MeanWeight(k == 0 ? 0 : _d));

    /// <inheritdoc/>
    public StepInfo<T> Step() => _perCoordinate ? StepPerCoordinate(true) : StepShared();

    /// <inheritdoc/>
    public StepInfo<T> Evaluate()
    {
        if (_perCoordinate)
        {
            return StepPerCoordinate(false);
        }

        var copy = this;
        var info = copy.StepShared();
        info.Move = T.C(0.0);
        info.Size = (T.Abs(APlus) + T.Abs(AMinus)) + T.Abs(B);
        return info;
    }

    private StepInfo<T> StepShared()
    {
        var sums = TSamples.Sum<TLoss, T>(new SampleSet(_data, _block, _n, _d, _direct), APlus, AMinus, B);
        T loss = sums.Loss, g1 = sums.G1, g2 = sums.G2, g3 = sums.G3;
        T h11 = sums.H11, h12 = sums.H12, h13 = sums.H13, h22 = sums.H22, h23 = sums.H23, h33 = sums.H33;
        T w = _weight;
        StepInfo<T> info;
        info.Loss = w * loss;
        info.Sharpness = PMath.Max(PMath.MaxEigenvalue3(w * h11, w * h12, w * h13, w * h22, w * h23, w * h33), T.C(0.0));
        T ew = Eta * w;
        T apn = PMath.Flush(APlus - (ew * g1));
        T amn = PMath.Flush(AMinus - (ew * g2));
        T bn = PMath.Flush(B - (ew * g3));
        info.Move = (T.Abs(apn - APlus) + T.Abs(amn - AMinus)) + T.Abs(bn - B);
        info.Size = (T.Abs(apn) + T.Abs(amn)) + T.Abs(bn);
        APlus = apn;
        AMinus = amn;
        B = bn;
        return info;
    }

    /// <summary>Test accuracy: the share of test samples with y·f(x) &gt; 0.</summary>
    public readonly double Extra(int k)
    {
        long test = _block + SparseCodingLayout.Test(_n, _d);
        if (_nTest == 0)
        {
            return 0.0;
        }

        if (!_perCoordinate)
        {
            return (double)TSamples.CountCorrect(new SampleSet(_data, test, _nTest, _d, _direct), APlus, AMinus, B) / _nTest;
        }

        long labels = test + SparseCodingLayout.TrainLabels(_nTest, _d);
        long correct = 0;
        for (long i = 0; i < _nTest; i++)
        {
            PerCoordinateForward(test, _nTest, i, out T fi, out _);
            correct += T.ToDouble(fi) * _data[labels + i] > 0 ? 1 : 0;
        }

        return (double)correct / _nTest;
    }

    // Scratch slots of this trajectory: a₊ᵢ at i, a₋ᵢ at d + i, their gradients at 2d + i and 3d + i,
    // the power-iteration vector v at 4d + j and Hv at 6d + 1 + j (j < 2d + 1; j = 2d is b).
    private static long V(long d) => 4 * d;

    private static long Hv(long d) => (6 * d) + 1;

    private readonly double S(long slot) => _scratch[(slot * _stride) + _row];

    private readonly void SetS(long slot, double v) => _scratch[(slot * _stride) + _row] = v;

    private readonly double MeanWeight(long first)
    {
        double sum = 0;
        for (long i = 0; i < _d; i++)
        {
            sum += S(first + i);
        }

        return sum / _d;
    }

    /// <summary>f and ∂f/∂b of sample <paramref name="k"/> of a set, with per-coordinate weights.</summary>
    private readonly void PerCoordinateForward(long set, long count, long k, out T f, out T fb)
    {
        long values = set + (k * _d);
        long source = set + SparseCodingLayout.Permutation(count, _d) + (k * _d);
        T sum = T.C(0.0), db = T.C(0.0);
        for (long p = 0; p < _d; p++)
        {
            T x = T.C(_data[values + p]);
            long i = (long)_data[source + p];
            T up = x + B;
            T um = B - x;
            if (T.ToDouble(up) > 0)
            {
                T a = T.C(S(i));
                sum = sum + (a * up);
                db = db + a;
            }

            if (T.ToDouble(um) > 0)
            {
                T a = T.C(S(_d + i));
                sum = sum + (a * um);
                db = db + a;
            }
        }

        f = sum;
        fb = db;
    }

    /// <summary>The per-coordinate step (or, with <paramref name="move"/> false, only its loss and sharpness).</summary>
    private StepInfo<T> StepPerCoordinate(bool move)
    {
        long d = _d;
        long labels = _block + SparseCodingLayout.TrainLabels(_n, d);
        long source0 = _block + SparseCodingLayout.Permutation(_n, d);
        for (long i = 0; i < 2 * d; i++)
        {
            SetS((2 * d) + i, 0.0);
        }

        T loss = T.C(0.0), gb = T.C(0.0);
        for (long k = 0; k < _n; k++)
        {
            PerCoordinateForward(_block, _n, k, out T f, out T fb);
            T y = T.C(_data[labels + k]);
            loss = loss + TLoss.Evaluate(y * f, out T d1, out _);
            T c = y * d1;
            gb = gb + (c * fb);
            long values = _block + (k * d);
            long source = source0 + (k * d);
            for (long p = 0; p < d; p++)
            {
                T x = T.C(_data[values + p]);
                long i = (long)_data[source + p];
                T up = x + B;
                T um = B - x;
                if (T.ToDouble(up) > 0)
                {
                    SetS((2 * d) + i, S((2 * d) + i) + T.ToDouble(c * up));
                }

                if (T.ToDouble(um) > 0)
                {
                    SetS((3 * d) + i, S((3 * d) + i) + T.ToDouble(c * um));
                }
            }
        }

        T w = _weight;
        int iterations = !_warm || !move ? 30 : 1;
        _warm = true;
        T lambda = T.C(0.0);
        for (int it = 0; it < iterations; it++)
        {
            lambda = PowerIteration();
        }

        StepInfo<T> info;
        info.Loss = w * loss;
        info.Sharpness = PMath.Max(lambda, T.C(0.0));
        T ew = Eta * w;
        T moved = T.C(0.0), size = T.C(0.0);
        for (long i = 0; i < 2 * d; i++)
        {
            T a = T.C(S(i));
            T an = move ? PMath.Flush(a - (ew * T.C(S((2 * d) + i)))) : a;
            moved = moved + T.Abs(an - a);
            size = size + T.Abs(an);
            SetS(i, T.ToDouble(an));
        }

        T bn = move ? PMath.Flush(B - (ew * gb)) : B;
        info.Move = moved + T.Abs(bn - B);
        info.Size = size + T.Abs(bn);
        B = bn;
        return info;
    }

    /// <summary>One power iteration: Hv for the unit v in scratch, returns v·Hv and stores Hv/‖Hv‖ as the next v.</summary>
    private readonly T PowerIteration()
    {
        long d = _d;
        long labels = _block + SparseCodingLayout.TrainLabels(_n, d);
        long source0 = _block + SparseCodingLayout.Permutation(_n, d);
        long v0 = V(d), h0 = Hv(d);
        for (long j = 0; j <= 2 * d; j++)
        {
            SetS(h0 + j, 0.0);
        }

        T vb = T.C(S(v0 + (2 * d)));
        T hb = T.C(0.0);
        for (long k = 0; k < _n; k++)
        {
            long values = _block + (k * d);
            long source = source0 + (k * d);
            T f = T.C(0.0), fb = T.C(0.0), uv = T.C(0.0), nb = T.C(0.0);
            for (long p = 0; p < d; p++)
            {
                T x = T.C(_data[values + p]);
                long i = (long)_data[source + p];
                T up = x + B;
                T um = B - x;
                if (T.ToDouble(up) > 0)
                {
                    T a = T.C(S(i));
                    T vi = T.C(S(v0 + i));
                    f = f + (a * up);
                    fb = fb + a;
                    uv = uv + (up * vi);
                    nb = nb + vi;
                }

                if (T.ToDouble(um) > 0)
                {
                    T a = T.C(S(d + i));
                    T vi = T.C(S(v0 + d + i));
                    f = f + (a * um);
                    fb = fb + a;
                    uv = uv + (um * vi);
                    nb = nb + vi;
                }
            }

            uv = uv + (fb * vb);
            T y = T.C(_data[labels + k]);
            TLoss.Evaluate(y * f, out T d1, out T d2);
            T c2 = d2 * uv;
            T c1 = y * d1;
            for (long p = 0; p < d; p++)
            {
                T x = T.C(_data[values + p]);
                long i = (long)_data[source + p];
                T up = x + B;
                T um = B - x;
                if (T.ToDouble(up) > 0)
                {
                    SetS(h0 + i, S(h0 + i) + T.ToDouble((c2 * up) + (c1 * vb)));
                }

                if (T.ToDouble(um) > 0)
                {
                    SetS(h0 + d + i, S(h0 + d + i) + T.ToDouble((c2 * um) + (c1 * vb)));
                }
            }

            hb = hb + (c2 * fb) + (c1 * nb);
        }

        SetS(h0 + (2 * d), T.ToDouble(hb));
        T w = _weight;
        T rayleigh = T.C(0.0), norm = T.C(0.0);
        for (long j = 0; j <= 2 * d; j++)
        {
            T h = w * T.C(S(h0 + j));
            rayleigh = rayleigh + (h * T.C(S(v0 + j)));
            norm = norm + (h * h);
        }

        norm = T.Sqrt(norm);
        if (T.ToDouble(norm) > 0)
        {
            for (long j = 0; j <= 2 * d; j++)
            {
                SetS(v0 + j, T.ToDouble(w * T.C(S(h0 + j)) / norm));
            }
        }

        return rayleigh;
    }
}
