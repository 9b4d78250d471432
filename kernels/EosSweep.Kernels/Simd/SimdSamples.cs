using System.Runtime.CompilerServices;
using EosSweep.Kernels.Losses;
using EosSweep.Kernels.Models;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Simd;

/// <summary>
/// The CPU SIMD sample loop of the sparse-coding model (host only, f64), generic over the lane width: a sample per lane,
/// Width samples per <typeparamref name="TV"/> value (<see cref="F64x4"/> on AVX2, <see cref="F64x8"/> where Vector512 runs in
/// hardware). Two passes over chunks of samples, so that the latency-bound loads and the arithmetic each run in a tight
/// loop of their own. Features: the fast step's two binary searches run branch-free in the lanes with gathered probes,
/// four blocks of samples stepped together (a search's loads are dependent, so the core needs several searches in
/// flight), then Σ ReLU(±x + b) from gathered prefix sums; the direct step reads two blocks' coordinates as transposed
/// 4 × Width blocks and sums them in coordinate order. Both give every sample's features bit-identical to
/// <see cref="SampleSet.Features{T}"/>. Terms: the loss, its derivatives and the ten running sums through the same
/// <see cref="SharedSums{T}.Add{TLoss}"/> as the scalar loop, so every per-sample term is bit-identical to
/// <see cref="SequentialSamples"/>'s. Only the order of the additions differs (blocks alternate between two lane
/// accumulators, summed lane-wise and then across lanes at the end; then the n mod Width remaining samples in order):
/// a few ulps of the sums, which GD can amplify over many steps. F64x4 and F64x8 add in different orders, so they agree with
/// the scalar loop and with each other to that tolerance, not bit for bit.
/// </summary>
/// <typeparam name="TV">The f64 lanes.</typeparam>
/// <typeparam name="TMemory">Loads, gathers and transposes at that width.</typeparam>
[SkipLocalsInit]
public readonly struct SimdSamples<TV, TMemory> : ISampleLoop
    where TV : struct, ILanes<TV>
    where TMemory : struct, ILaneMemory<TV>
{
    /// <summary>Samples per pass: a multiple of two blocks at every width, and 8 KiB of features on the stack.</summary>
    private const int Chunk = 256;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe SharedSums<T> Sum<TLoss, T>(in SampleSet set, T aPlus, T aMinus, T b)
        where TLoss : struct, ILoss
        where T : struct, IScalar<T>
    {
        RequireF64<T>();
        long n = set.Count, d = set.Dimension;
        long whole = n - (n % TV.Width);
        double* data = Base(set);
        double* labels = data + SparseCodingLayout.TrainLabels(n, d);
        double bias = T.ToDouble(b);
        var ap = TV.C(T.ToDouble(aPlus));
        var am = TV.C(T.ToDouble(aMinus));
        var even = SharedSums<TV>.Zero;
        var odd = SharedSums<TV>.Zero;
        double* features = stackalloc double[4 * Chunk];
        for (long first = 0; first < whole; first += Chunk)
        {
            int count = (int)Math.Min(Chunk, whole - first);
            Features(set, data, first, count, bias, features);
            Accumulate<TLoss>(features, labels + first, count, ap, am, ref even, ref odd);
        }

        var s = SharedSums<T>.Zero;
        s.Loss = T.C(TMemory.Sum(even.Loss + odd.Loss));
        s.G1 = T.C(TMemory.Sum(even.G1 + odd.G1));
        s.G2 = T.C(TMemory.Sum(even.G2 + odd.G2));
        s.G3 = T.C(TMemory.Sum(even.G3 + odd.G3));
        s.H11 = T.C(TMemory.Sum(even.H11 + odd.H11));
        s.H12 = T.C(TMemory.Sum(even.H12 + odd.H12));
        s.H13 = T.C(TMemory.Sum(even.H13 + odd.H13));
        s.H22 = T.C(TMemory.Sum(even.H22 + odd.H22));
        s.H23 = T.C(TMemory.Sum(even.H23 + odd.H23));
        s.H33 = T.C(TMemory.Sum(even.H33 + odd.H33));
        for (long k = whole; k < n; k++)
        {
            set.Features(k, b, out T p, out T m, out T cp, out T cm);
            s.Add<TLoss>(p, m, cp, cm, T.C(set.Label(k)), aPlus, aMinus);
        }

        return s;
    }

    /// <inheritdoc/>
    /// <remarks>The same features as <see cref="Sum{TLoss, T}"/>; every lane decides y·f &gt; 0 exactly as the scalar loop does.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe long CountCorrect<T>(in SampleSet set, T aPlus, T aMinus, T b)
        where T : struct, IScalar<T>
    {
        RequireF64<T>();
        long n = set.Count, d = set.Dimension;
        long whole = n - (n % TV.Width);
        double* data = Base(set);
        double* labels = data + SparseCodingLayout.TrainLabels(n, d);
        var ap = TV.C(T.ToDouble(aPlus));
        var am = TV.C(T.ToDouble(aMinus));
        var zero = TV.C(0.0);
        var one = TV.C(1.0);
        var correct = zero;
        double* features = stackalloc double[4 * Chunk];
        for (long first = 0; first < whole; first += Chunk)
        {
            int count = (int)Math.Min(Chunk, whole - first);
            Features(set, data, first, count, T.ToDouble(b), features);
            for (int g = 0; g < count; g += TV.Width)
            {
                var f = (ap * TMemory.Load(features + g)) + (am * TMemory.Load(features + Chunk + g));
                correct = correct + TV.SelectLess(zero, f * TMemory.Load(labels + first + g), one, zero);
            }
        }

        long total = (long)TMemory.Sum(correct);
        for (long k = whole; k < n; k++)
        {
            set.Features(k, b, out T plus, out T minus, out _, out _);
            double f = T.ToDouble((aPlus * plus) + (aMinus * minus));
            total += f * set.Label(k) > 0 ? 1 : 0;
        }

        return total;
    }

    /// <summary>
    /// The features P₊, P₋, #₊, #₋ of samples [first, first + count) (count a multiple of Width, at most 256) at bias b,
    /// exactly as the sums read them; for tests against <see cref="SampleSet.Features{T}"/>.
    /// </summary>
    internal static unsafe void FeaturesOf(
        in SampleSet set, long first, int count, double bias, Span<double> plus, Span<double> minus, Span<double> countPlus, Span<double> countMinus)
    {
        if (count % TV.Width != 0 || count > Chunk || first + count > set.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"{count} samples from {first}: need a multiple of {TV.Width}, at most {Chunk}, inside the set");
        }

        double* features = stackalloc double[4 * Chunk];
        Features(set, Base(set), first, count, bias, features);
        new ReadOnlySpan<double>(features, count).CopyTo(plus);
        new ReadOnlySpan<double>(features + Chunk, count).CopyTo(minus);
        new ReadOnlySpan<double>(features + (2 * Chunk), count).CopyTo(countPlus);
        new ReadOnlySpan<double>(features + (3 * Chunk), count).CopyTo(countMinus);
    }

    private static void RequireF64<T>()
    {
        if (typeof(T) != typeof(R64))
        {
            throw new NotSupportedException($"the SIMD sample loop runs f64 project math (R64), not {typeof(T).Name}");
        }
    }

    /// <summary>The set's first double. The CPU accelerator's buffers are native memory: the view's element pins nothing.</summary>
    private static unsafe double* Base(in SampleSet set) => (double*)Unsafe.AsPointer(ref set.Data[set.Offset]);

    /// <summary>
    /// Features of samples [first, first + count) (count a multiple of Width) into four rows of <see cref="Chunk"/>:
    /// P₊, P₋, #₊, #₋.
    /// </summary>
    private static unsafe void Features(in SampleSet set, double* data, long first, int count, double bias, double* features)
    {
        if (set.Direct)
        {
            DirectFeatures(data, set.Dimension, first, count, bias, features);
        }
        else
        {
            SearchedFeatures(data, set.Count, set.Dimension, first, count, bias, features);
        }
    }

    /// <summary>
    /// The fast step's features, four blocks of Width samples at a time: for each sample the number of sorted
    /// coordinates ≤ −b (so #₊ = d − it) and &lt; b (#₋), then the prefix sums at those indices.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static unsafe void SearchedFeatures(double* data, long n, long d, long first, int count, double bias, double* features)
    {
        int w = TV.Width;
        var negB = TV.C(-bias);
        var posB = TV.C(bias);
        var rowStep = TMemory.Iota * TV.C(d);
        var prefixStep = TMemory.Iota * TV.C(d + 1);
        long prefix = SparseCodingLayout.TrainPrefix(n, d);
        for (int g = 0; g < count; g += 4 * w)
        {
            // Past the chunk's end a block repeats the last one; its results are not stored.
            int blocks = Math.Min(4, (count - g) / w);
            long k = first + g;
            var row0 = TV.C(k * d) + rowStep;
            var row1 = TV.C((k + Math.Min(1, blocks - 1) * w) * d) + rowStep;
            var row2 = TV.C((k + Math.Min(2, blocks - 1) * w) * d) + rowStep;
            var row3 = TV.C((k + Math.Min(3, blocks - 1) * w) * d) + rowStep;
            Search(data, d, row0, row1, row2, row3, negB, out TV below0, out TV below1, out TV below2, out TV below3, upper: true);
            Search(data, d, row0, row1, row2, row3, posB, out TV low0, out TV low1, out TV low2, out TV low3, upper: false);
            var prefix0 = TV.C(prefix + (k * (d + 1))) + prefixStep;
            var prefixGroup = TV.C(w * (d + 1));
            Store(data, prefix0, d, bias, below0, low0, features + g);
            if (blocks > 1)
            {
                Store(data, prefix0 + prefixGroup, d, bias, below1, low1, features + g + w);
            }

            if (blocks > 2)
            {
                Store(data, prefix0 + prefixGroup + prefixGroup, d, bias, below2, low2, features + g + (2 * w));
            }

            if (blocks > 3)
            {
                Store(data, prefix0 + prefixGroup + prefixGroup + prefixGroup, d, bias, below3, low3, features + g + (3 * w));
            }
        }
    }

    /// <summary>
    /// Per lane, how many of the d sorted coordinates from index row are ≤ v (<paramref name="upper"/>) or &lt; v, for
    /// four rows: four branch-free searches (Khuong–Morin: the base moves by half while the probe is left of the bound,
    /// the span halves; ⌈log₂ d⌉ + 1 gathers each) stepped together, since a search's loads are dependent and the
    /// core needs several in flight. The tests are the scalar search's negated (x ≤ v as ¬(v &lt; x)), so a NaN bound
    /// counts every coordinate, as there.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Search(
        double* data, long d, TV row0, TV row1, TV row2, TV row3, TV v, out TV count0, out TV count1, out TV count2, out TV count3, bool upper)
    {
        var zero = TV.C(0.0);
        TV a0 = row0, a1 = row1, a2 = row2, a3 = row3;
        long span = d;
        while (span > 1)
        {
            long half = span >> 1;
            var h = TV.C(half);
            a0 = a0 + Step(TMemory.Gather(data, a0 + h), v, zero, h, upper);
            a1 = a1 + Step(TMemory.Gather(data, a1 + h), v, zero, h, upper);
            a2 = a2 + Step(TMemory.Gather(data, a2 + h), v, zero, h, upper);
            a3 = a3 + Step(TMemory.Gather(data, a3 + h), v, zero, h, upper);
            span -= half;
        }

        var one = TV.C(1.0);
        count0 = (a0 - row0) + Step(TMemory.Gather(data, a0), v, zero, one, upper);
        count1 = (a1 - row1) + Step(TMemory.Gather(data, a1), v, zero, one, upper);
        count2 = (a2 - row2) + Step(TMemory.Gather(data, a2), v, zero, one, upper);
        count3 = (a3 - row3) + Step(TMemory.Gather(data, a3), v, zero, one, upper);
    }

    /// <summary><paramref name="move"/> where the probe lies left of the bound (¬(v &lt; x), or ¬(v ≤ x) for a lower bound), else 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Step(TV probe, TV v, TV zero, TV move, bool upper) =>
        upper ? TV.SelectLess(v, probe, zero, move) : TV.SelectLessEqual(v, probe, zero, move);

    /// <summary>P₊ = (S_d − S_below) + b·#₊ and P₋ = b·#₋ − S_low from the prefix sums S of the rows at <paramref name="rowPrefix"/>, with the scalar step's operations.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Store(double* data, TV rowPrefix, long d, double bias, TV below, TV low, double* features)
    {
        var dims = TV.C(d);
        var b = TV.C(bias);
        var top = TMemory.Gather(data, rowPrefix + dims);
        var atBelow = TMemory.Gather(data, rowPrefix + below);
        var atLow = TMemory.Gather(data, rowPrefix + low);
        var countPlus = dims - below;
        TMemory.Store(features, (top - atBelow) + (b * countPlus));
        TMemory.Store(features + Chunk, (b * low) - atLow);
        TMemory.Store(features + (2 * Chunk), countPlus);
        TMemory.Store(features + (3 * Chunk), low);
    }

    /// <summary>
    /// The direct step's features, two blocks of Width samples at a time (eight running sums in flight): coordinates in
    /// order, four at a time as transposed blocks, each added to P₊ (P₋) and counted when x + b (b − x) is positive,
    /// as the scalar loop does.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static unsafe void DirectFeatures(double* data, long d, long first, int count, double bias, double* features)
    {
        int w = TV.Width;
        var b = TV.C(bias);
        for (int g = 0; g < count; g += 2 * w)
        {
            bool pair = g + (2 * w) <= count;
            double* rowA = data + ((first + g) * d);
            double* rowB = pair ? rowA + (w * d) : rowA;
            var zero = TV.C(0.0);
            TV plusA = zero, minusA = zero, countPlusA = zero, countMinusA = zero;
            TV plusB = zero, minusB = zero, countPlusB = zero, countMinusB = zero;
            long i = 0;
            for (; i + 4 <= d; i += 4)
            {
                TMemory.Columns4(rowA + i, d, out TV a0, out TV a1, out TV a2, out TV a3);
                TMemory.Columns4(rowB + i, d, out TV b0, out TV b1, out TV b2, out TV b3);
                Coordinate(a0, b, ref plusA, ref minusA, ref countPlusA, ref countMinusA);
                Coordinate(b0, b, ref plusB, ref minusB, ref countPlusB, ref countMinusB);
                Coordinate(a1, b, ref plusA, ref minusA, ref countPlusA, ref countMinusA);
                Coordinate(b1, b, ref plusB, ref minusB, ref countPlusB, ref countMinusB);
                Coordinate(a2, b, ref plusA, ref minusA, ref countPlusA, ref countMinusA);
                Coordinate(b2, b, ref plusB, ref minusB, ref countPlusB, ref countMinusB);
                Coordinate(a3, b, ref plusA, ref minusA, ref countPlusA, ref countMinusA);
                Coordinate(b3, b, ref plusB, ref minusB, ref countPlusB, ref countMinusB);
            }

            for (; i < d; i++)
            {
                Coordinate(TMemory.Column(rowA + i, d), b, ref plusA, ref minusA, ref countPlusA, ref countMinusA);
                Coordinate(TMemory.Column(rowB + i, d), b, ref plusB, ref minusB, ref countPlusB, ref countMinusB);
            }

            StoreDirect(features + g, plusA, minusA, countPlusA, countMinusA);
            if (pair)
            {
                StoreDirect(features + g + w, plusB, minusB, countPlusB, countMinusB);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void StoreDirect(double* features, TV plus, TV minus, TV countPlus, TV countMinus)
    {
        TMemory.Store(features, plus);
        TMemory.Store(features + Chunk, minus);
        TMemory.Store(features + (2 * Chunk), countPlus);
        TMemory.Store(features + (3 * Chunk), countMinus);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Coordinate(TV x, TV b, ref TV plus, ref TV minus, ref TV countPlus, ref TV countMinus)
    {
        var up = TMemory.Relu(x + b, out TV activePlus);
        var um = TMemory.Relu(b - x, out TV activeMinus);
        plus = plus + up;
        countPlus = countPlus + activePlus;
        minus = minus + um;
        countMinus = countMinus + activeMinus;
    }

    /// <summary>
    /// The terms of samples [0, count) of a chunk, block by block into the even and the odd accumulator (chunks hold an
    /// even number of blocks, so a block's accumulator does not depend on the chunking).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Accumulate<TLoss>(
        double* features, double* labels, int count, TV ap, TV am, ref SharedSums<TV> even, ref SharedSums<TV> odd)
        where TLoss : struct, ILoss
    {
        int w = TV.Width;
        int g = 0;
        for (; g + (2 * w) <= count; g += 2 * w)
        {
            Add<TLoss>(features + g, labels + g, ap, am, ref even);
            Add<TLoss>(features + g + w, labels + g + w, ap, am, ref odd);
        }

        if (g < count)
        {
            Add<TLoss>(features + g, labels + g, ap, am, ref even);
        }
    }

    /// <summary>
    /// One block's terms, compiled as its own method: the JIT's inline budget is per root, and a second copy of the
    /// loss with its exp/log1p inlined would overflow it and leave operator calls in the loop (SimdDriver.StepOf).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Add<TLoss>(double* features, double* labels, TV ap, TV am, ref SharedSums<TV> sums)
        where TLoss : struct, ILoss => sums.Add<TLoss>(
            TMemory.Load(features),
            TMemory.Load(features + Chunk),
            TMemory.Load(features + (2 * Chunk)),
            TMemory.Load(features + (3 * Chunk)),
            TMemory.Load(labels),
            ap,
            am);
}
