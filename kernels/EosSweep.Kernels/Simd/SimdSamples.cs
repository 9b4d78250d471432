using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using EosSweep.Kernels.Losses;
using EosSweep.Kernels.Models;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Simd;

/// <summary>
/// The CPU SIMD sample loop of the sparse-coding model (host only, f64): eight samples per <see cref="V8"/> value. For
/// the fast step the two binary searches of the eight samples run together, branch-free, with gathers (two AVX2 four-lane gathers per vector: .NET 10 exposes no 512-bit gather) (a
/// Khuong–Morin search: the same number of probes in every lane), and the prefix sums are gathered; the direct step
/// takes each lane's features from the scalar loop. Then the loss, its derivatives and the ten running sums run in the
/// lanes through the same <see cref="SharedSums{T}.Add{TLoss}"/> as the scalar loop, so every per-sample term is
/// bit-identical to <see cref="SequentialSamples"/>'s. Only the order of the additions differs (eight running sums reduced at the end,
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
        if (!set.Direct && Avx2.IsSupported && Vector512.IsHardwareAccelerated)
        {
            GatheredSearch<TLoss>(set, T.ToDouble(b), ap, am, ref lanes, ref k);
        }

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

            AddLanes<TLoss>(ref lanes, Lanes(plus), Lanes(minus), Lanes(countPlus), Lanes(countMinus), Lanes(label), ap, am);
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

    /// <summary>
    /// The fast step's features of samples k, k + 1, … in blocks of eight: upper bound of −b and lower bound of b in
    /// each sample's sorted coordinates by a branch-free search (identical counts to the scalar search for every
    /// non-NaN b), then Σ ReLU(±x + b) from the gathered prefix sums, with the scalar step's very operations.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void GatheredSearch<TLoss>(in SampleSet set, double b, V8 ap, V8 am, ref SharedSums<V8> lanes, ref long k)
        where TLoss : struct, ILoss
    {
        long n = set.Count, d = set.Dimension;
        // The CPU accelerator's buffers are native memory: the view's first element pins nothing.
        double* data = (double*)Unsafe.AsPointer(ref set.Data[0]);
        long values = set.Offset;
        long prefix = set.Offset + (n * d);
        long labels = set.Offset + SparseCodingLayout.TrainLabels(n, d);
        var lane = Vector512.Create(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
        var negB = Vector512.Create(-b);
        var posB = Vector512.Create(b);
        var bias = V8.C(b);
        var dims = Vector512.Create((double)d);
        for (; k + V8.Width <= n; k += V8.Width)
        {
            var sample = Vector512.Create(k) + lane;
            var row = Vector512.Create(values) + (sample * Vector512.Create(d));
            var ip = Search(data, row, d, negB, inclusive: true);   // first index with x > −b
            var im = Search(data, row, d, posB, inclusive: false);  // first index with x ≥ b
            var rowPrefix = Vector512.Create(prefix) + (sample * Vector512.Create(d + 1));
            var top = Gather(data, rowPrefix + Vector512.Create(d));
            var atIp = Gather(data, rowPrefix + ip);
            var atIm = Gather(data, rowPrefix + im);
            var countPlus = new V8(dims - Vector512.ConvertToDouble(ip));
            var countMinus = new V8(Vector512.ConvertToDouble(im));
            var plus = new V8(top - atIp) + (bias * countPlus);
            var minus = (bias * countMinus) - new V8(atIm);
            var y = new V8(Vector512.Load(data + labels + k));
            AddLanes<TLoss>(ref lanes, plus, minus, countPlus, countMinus, y, ap, am);
        }
    }

    /// <summary>
    /// One block's terms, compiled as its own method: the JIT's inline budget is per root, and the loss with its
    /// exp/log1p inlined into the search loop would overflow it and leave operator calls in the loop (SimdDriver.StepOf).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void AddLanes<TLoss>(ref SharedSums<V8> lanes, V8 plus, V8 minus, V8 countPlus, V8 countMinus, V8 y, V8 ap, V8 am)
        where TLoss : struct, ILoss => lanes.Add<TLoss>(plus, minus, countPlus, countMinus, y, ap, am);

    /// <summary>
    /// Per lane, the number of leading coordinates of the sorted row that are ≤ v (<paramref name="inclusive"/>) or &lt; v:
    /// base moves by half while the probe qualifies, the span halves; d probes' worth of log₂ d gathers in all lanes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector512<long> Search(double* data, Vector512<long> row, long d, Vector512<double> v, bool inclusive)
    {
        var at = row;
        long span = d;
        while (span > 1)
        {
            long half = span >> 1;
            var probe = Gather(data, at + Vector512.Create(half));
            var take = inclusive ? Vector512.LessThanOrEqual(probe, v) : Vector512.LessThan(probe, v);
            at += take.AsInt64() & Vector512.Create(half);
            span -= half;
        }

        var last = Gather(data, at);
        var end = inclusive ? Vector512.LessThanOrEqual(last, v) : Vector512.LessThan(last, v);
        return at - row + (end.AsInt64() & Vector512<long>.One);
    }

    /// <summary>data[index] for eight indices.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector512<double> Gather(double* data, Vector512<long> index) =>
        Vector512.Create(Avx2.GatherVector256(data, index.GetLower(), 8), Avx2.GatherVector256(data, index.GetUpper(), 8));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static V8 Lanes(Span<double> values) => new(Vector512.Create<double>(values));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Total<T>(V8 lanes)
        where T : struct, IScalar<T> => T.C(Vector512.Sum(lanes.V));
}
