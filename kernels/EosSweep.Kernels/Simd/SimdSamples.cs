using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using EosSweep.Kernels.Losses;
using EosSweep.Kernels.Models;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Simd;

/// <summary>
/// The CPU SIMD sample loop of the sparse-coding model (host only, f64): eight samples per <see cref="V8"/> value. Each
/// lane's features come from the scalar search (<see cref="SampleSet.Features{T}"/>, integer work), then the loss,
/// its derivatives and the ten running sums — the floating-point bulk — run in the lanes through the same
/// <see cref="SharedSums{T}.Add{TLoss}"/> as the scalar loop, so every per-sample term is bit-identical to
/// <see cref="SequentialSamples"/>'s. Only the order of the additions differs (eight running sums reduced at the end,
/// then the n mod 8 remaining samples): a few ulps of the sums, which GD can amplify over many steps.
/// </summary>
public readonly struct SimdSamples : ISampleLoop
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SharedSums<T> Sum<TLoss, T>(in SampleSet set, T aPlus, T aMinus, T b)
        where TLoss : struct, ILoss
        where T : struct, IScalar<T>
    {
        if (typeof(T) != typeof(R64))
        {
            throw new NotSupportedException($"the SIMD sample loop runs f64 project math (R64), not {typeof(T).Name}");
        }

        long n = set.Count;
        var lanes = SharedSums<V8>.Zero;
        var ap = V8.C(T.ToDouble(aPlus));
        var am = V8.C(T.ToDouble(aMinus));
        Span<double> plus = stackalloc double[V8.Width];
        Span<double> minus = stackalloc double[V8.Width];
        Span<double> countPlus = stackalloc double[V8.Width];
        Span<double> countMinus = stackalloc double[V8.Width];
        Span<double> label = stackalloc double[V8.Width];
        long k = 0;
        for (; k + V8.Width <= n; k += V8.Width)
        {
            for (int l = 0; l < V8.Width; l++)
            {
                set.Features(k + l, b, out T p, out T m, out T cp, out T cm);
                plus[l] = T.ToDouble(p);
                minus[l] = T.ToDouble(m);
                countPlus[l] = T.ToDouble(cp);
                countMinus[l] = T.ToDouble(cm);
                label[l] = set.Label(k + l);
            }

            lanes.Add<TLoss>(Lanes(plus), Lanes(minus), Lanes(countPlus), Lanes(countMinus), Lanes(label), ap, am);
        }

        var s = SharedSums<T>.Zero;
        s.Loss = Total<T>(lanes.Loss);
        s.G1 = Total<T>(lanes.G1);
        s.G2 = Total<T>(lanes.G2);
        s.G3 = Total<T>(lanes.G3);
        s.H11 = Total<T>(lanes.H11);
        s.H12 = Total<T>(lanes.H12);
        s.H13 = Total<T>(lanes.H13);
        s.H22 = Total<T>(lanes.H22);
        s.H23 = Total<T>(lanes.H23);
        s.H33 = Total<T>(lanes.H33);
        for (; k < n; k++)
        {
            set.Features(k, b, out T p, out T m, out T cp, out T cm);
            s.Add<TLoss>(p, m, cp, cm, T.C(set.Label(k)), aPlus, aMinus);
        }

        return s;
    }

    /// <inheritdoc/>
    public static long CountCorrect<T>(in SampleSet set, T aPlus, T aMinus, T b)
        where T : struct, IScalar<T> => SequentialSamples.CountCorrect(set, aPlus, aMinus, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static V8 Lanes(Span<double> values) => new(Vector512.Create<double>(values));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Total<T>(V8 lanes)
        where T : struct, IScalar<T> => T.C(Vector512.Sum(lanes.V));
}
