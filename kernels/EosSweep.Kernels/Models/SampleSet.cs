using EosSweep.Kernels.Numerics;
using ILGPU;

namespace EosSweep.Kernels.Models;

/// <summary>
/// One sample set of a sparse-coding data block (<see cref="SparseCodingLayout"/>): m samples in dimension d, each
/// with its sorted coordinates, their prefix sums and its label. Reads the ReLU features of one sample at a bias b,
/// by binary search (fast) or directly.
/// </summary>
/// <param name="data">The model's shared doubles.</param>
/// <param name="set">Offset of the set.</param>
/// <param name="count">Samples m.</param>
/// <param name="d">Dimension d.</param>
/// <param name="direct">Sum the d coordinates directly instead of searching the sorted ones.</param>
public readonly struct SampleSet(ArrayView<double> data, long set, long count, long d, bool direct)
{
    private readonly ArrayView<double> _data = data;
    private readonly long _set = set;
    private readonly long _d = d;
    private readonly bool _direct = direct;

    /// <summary>Samples m.</summary>
    public long Count { get; } = count;

    /// <summary>The shared doubles the set lives in.</summary>
    public ArrayView<double> Data => _data;

    /// <summary>Offset of the set in <see cref="Data"/>.</summary>
    public long Offset => _set;

    /// <summary>Dimension d.</summary>
    public long Dimension => _d;

    /// <summary>Whether the features are summed directly (no sorted search).</summary>
    public bool Direct => _direct;

    /// <summary>The label (±1) of sample <paramref name="k"/>.</summary>
    public double Label(long k) => _data[_set + SparseCodingLayout.TrainLabels(Count, _d) + k];

    /// <summary>
    /// Σᵢ ReLU(xᵢ + b), Σᵢ ReLU(−xᵢ + b) and the active counts of sample <paramref name="k"/>: by binary search over the
    /// sorted coordinates and prefix sums (fast), or by the direct O(d) loop. A ReLU at exactly 0 counts as inactive.
    /// </summary>
    public void Features<T>(long k, T bias, out T plus, out T minus, out T countPlus, out T countMinus)
        where T : struct, IScalar<T>
    {
        long values = _set + (k * _d);
        double b = T.ToDouble(bias);
        if (_direct)
        {
            T sp = T.C(0.0), sm = T.C(0.0);
            long cp = 0, cm = 0;
            for (long i = 0; i < _d; i++)
            {
                T x = T.C(_data[values + i]);
                T up = x + bias;
                T um = bias - x;
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

        long prefix = _set + (Count * _d) + (k * (_d + 1));

        // First index with x > −b, and first index with x ≥ b.
        long ip = UpperBound(values, -b);
        long im = LowerBound(values, b);
        T cpT = T.C(_d - ip);
        T cmT = T.C(im);
        T sumAbove = T.C(_data[prefix + _d]) - T.C(_data[prefix + ip]);
        T sumBelow = T.C(_data[prefix + im]);
        plus = sumAbove + (bias * cpT);
        minus = (bias * cmT) - sumBelow;
        countPlus = cpT;
        countMinus = cmT;
    }

    private long UpperBound(long values, double v)
    {
        long lo = 0, hi = _d;
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

    private long LowerBound(long values, double v)
    {
        long lo = 0, hi = _d;
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
