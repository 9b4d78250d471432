using EosSweep.Kernels.Losses;
using EosSweep.Kernels.Numerics;
using ILGPU;

namespace EosSweep.Kernels.Models;

/// <summary>
/// MODELS.md §3, the paper's Figure 1 network: f(x) = Σᵢ [a₊·ReLU(xᵢ + b) + a₋·ReLU(−xᵢ + b)] with three
/// scalars shared by all d coordinates, trained by full-batch GD on ℓ(y·f) (one-sided logistic) over n
/// samples; axes (slots) eta, d, n, lambda, n_test, seed. Options (flags): loss normalisation mean|sum,
/// init variance|std for N(0, 1/(2d)), step fast|direct.
/// </summary>
/// <remarks>
/// Fast step: because b is shared, Σᵢ ReLU(xᵢ + b) = S(x &gt; −b) + b·#(x &gt; −b) and
/// Σᵢ ReLU(−xᵢ + b) = b·#(x &lt; b) − S(x &lt; b), read from each sample's sorted coordinates and prefix sums
/// with two binary searches: O(n·log d) per step instead of the direct O(n·d). The Hessian is exact a.e.:
/// H = w·Σₖ [ℓ''ₖ·uₖuₖᵀ + ℓ'ₖ·yₖ·Nₖ] with uₖ = ∇f(xₖ) = (P₊, P₋, a₊·#₊ + a₋·#₋) and Nₖ = ∇²f(xₖ), whose only
/// non-zero entries are ∂²f/∂a₊∂b = #₊ and ∂²f/∂a₋∂b = #₋; its largest eigenvalue comes from
/// <see cref="PMath.MaxEigenvalue3{T}"/>. A ReLU at exactly 0 counts as inactive.
/// </remarks>
/// <typeparam name="TLoss">The per-sample loss of the margin y·f (one-sided logistic in the paper).</typeparam>
/// <typeparam name="T">The number type.</typeparam>
public struct SparseCodingModel<TLoss, T> : IGdModel<SparseCodingModel<TLoss, T>, T>
    where TLoss : struct, ILoss
    where T : struct, IScalar<T>
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
    private long _block;
    private long _n;
    private long _nTest;
    private long _d;
    private T _weight;
    private bool _direct;

    /// <inheritdoc/>
    public static int ParameterCount => 3;

    /// <inheritdoc/>
    public static int ExtraCount => 1;

    /// <inheritdoc/>
    public static SparseCodingModel<TLoss, T> Create(in GridPoint<T> point, in ModelData data)
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
        var m = default(SparseCodingModel<TLoss, T>);
        m.Eta = point.V0;
        m.APlus = T.C(data.Doubles[init] * scale);
        m.AMinus = T.C(data.Doubles[init + 1] * scale);
        m.B = T.C(0.0);
        m._data = data.Doubles;
        m._block = block;
        m._n = n;
        m._nTest = nTest;
        m._d = d;
        m._weight = sum ? T.C(1.0) : T.C(1.0 / n);
        m._direct = ((point.Flags >> 8) & 0xF) == 1;
        return m;
    }

    /// <inheritdoc/>
    public readonly T StepSize => Eta;

    /// <inheritdoc/>
    public readonly T Parameter(int k) => k == 0 ? APlus : (k == 1 ? AMinus : B);

    /// <inheritdoc/>
    public StepInfo<T> Step()
    {
        T loss = T.C(0.0), g1 = T.C(0.0), g2 = T.C(0.0), g3 = T.C(0.0);
        T h11 = T.C(0.0), h12 = T.C(0.0), h13 = T.C(0.0), h22 = T.C(0.0), h23 = T.C(0.0), h33 = T.C(0.0);
        long labels = _block + SparseCodingLayout.TrainLabels(_n, _d);
        for (long k = 0; k < _n; k++)
        {
            Features(_block, _n, k, out T plus, out T minus, out T countPlus, out T countMinus);
            T y = T.C(_data[labels + k]);
            T f = (APlus * plus) + (AMinus * minus);
            loss = loss + TLoss.Evaluate(y * f, out T d1, out T d2);
            T ub = (APlus * countPlus) + (AMinus * countMinus);
            T yd1 = y * d1;
            g1 = g1 + (yd1 * plus);
            g2 = g2 + (yd1 * minus);
            g3 = g3 + (yd1 * ub);
            h11 = h11 + ((d2 * plus) * plus);
            h12 = h12 + ((d2 * plus) * minus);
            h13 = h13 + (((d2 * plus) * ub) + (yd1 * countPlus));
            h22 = h22 + ((d2 * minus) * minus);
            h23 = h23 + (((d2 * minus) * ub) + (yd1 * countMinus));
            h33 = h33 + ((d2 * ub) * ub);
        }

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
        long labels = test + SparseCodingLayout.TrainLabels(_nTest, _d);
        long correct = 0;
        for (long i = 0; i < _nTest; i++)
        {
            Features(test, _nTest, i, out T plus, out T minus, out _, out _);
            double f = T.ToDouble((APlus * plus) + (AMinus * minus));
            correct += f * _data[labels + i] > 0 ? 1 : 0;
        }

        return _nTest == 0 ? 0.0 : (double)correct / _nTest;
    }

    /// <summary>
    /// Σᵢ ReLU(xᵢ + b), Σᵢ ReLU(−xᵢ + b) and the active counts for sample <paramref name="k"/> of the set at
    /// <paramref name="set"/> (count samples): by binary search (fast) or by the direct O(d) loop.
    /// </summary>
    private readonly void Features(long set, long count, long k, out T plus, out T minus, out T countPlus, out T countMinus)
    {
        long values = set + (k * _d);
        double b = T.ToDouble(B);
        if (_direct)
        {
            T sp = T.C(0.0), sm = T.C(0.0);
            long cp = 0, cm = 0;
            T tb = B;
            for (long i = 0; i < _d; i++)
            {
                T x = T.C(_data[values + i]);
                T up = x + tb;
                T um = tb - x;
                if (T.ToDouble(up) > 0)
                {
                    sp = sp + up;
                    cp++;
                }

                if (T.ToDouble(um) > 0)
                {
                    sm = sm + um;
                    cm++;
                }
            }

            plus = sp;
            minus = sm;
            countPlus = T.C(cp);
            countMinus = T.C(cm);
            return;
        }

        long prefix = set + (count * _d) + (k * (_d + 1));

        // First index with x > −b, and first index with x ≥ b.
        long ip = UpperBound(values, _d, -b);
        long im = LowerBound(values, _d, b);
        T cpT = T.C(_d - ip);
        T cmT = T.C(im);
        T sumAbove = T.C(_data[prefix + _d]) - T.C(_data[prefix + ip]);
        T sumBelow = T.C(_data[prefix + im]);
        plus = sumAbove + (B * cpT);
        minus = (B * cmT) - sumBelow;
        countPlus = cpT;
        countMinus = cmT;
    }

    private readonly long UpperBound(long values, long d, double v)
    {
        long lo = 0, hi = d;
        while (lo < hi)
        {
            long mid = (lo + hi) >> 1;
            if (_data[values + mid] > v)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    private readonly long LowerBound(long values, long d, double v)
    {
        long lo = 0, hi = d;
        while (lo < hi)
        {
            long mid = (lo + hi) >> 1;
            if (_data[values + mid] >= v)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }
}
