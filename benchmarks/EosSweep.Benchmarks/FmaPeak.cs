using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using EosSweep.Core;

namespace EosSweep.Benchmarks;

/// <summary>
/// This machine's measured fused-multiply-add peak: a tight loop of independent vector FMAs (c = c·a + b) on
/// every core at once, enough accumulators to cover the FMA latency on two ports. The bench's floor is this
/// peak divided by the flops of one trajectory-step (<see cref="StepFlops"/>); an FMA counts two flops.
/// </summary>
public static class FmaPeak
{
    /// <summary>What one measurement found.</summary>
    /// <param name="FlopsPerSecond">Peak flops/s over all cores (median of the repeats).</param>
    /// <param name="VectorBits">Width of the vectors used (512 where accelerated, else 256).</param>
    /// <param name="Threads">Threads run at once.</param>
    public sealed record Result(double FlopsPerSecond, int VectorBits, int Threads);

    private const int Accumulators = 16;

    /// <summary>Measures the peak for <paramref name="precision"/>, each repeat running about <paramref name="seconds"/>.</summary>
    public static Result Measure(Precision precision, double seconds, int repeats = 3)
    {
        int threads = Environment.ProcessorCount;
        int bits = Vector512.IsHardwareAccelerated ? 512 : 256;
        int lanes = bits / (precision == Precision.F64 ? 64 : 32);

        // Calibrate the iteration count on one thread, then time every core at once.
        long iterations = 1 << 16;
        double t;
        while ((t = TimeAll(precision, bits, iterations, 1)) < 0.02)
        {
            iterations *= 4;
        }

        iterations = Math.Max(1, (long)(iterations * seconds / t));
        var rates = new List<double>();
        for (int r = 0; r < repeats; r++)
        {
            double wall = TimeAll(precision, bits, iterations, threads);
            rates.Add(threads * (double)iterations * Accumulators * lanes * 2 / wall);
        }

        rates.Sort();
        return new Result(rates[rates.Count / 2], bits, threads);
    }

    private static double TimeAll(Precision precision, int bits, long iterations, int threads)
    {
        var sink = new double[threads];
        var clock = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
            sink[i] = (precision, bits) switch
            {
                (Precision.F64, 512) => Loop512D(iterations, 0.999999, 1e-7),
                (Precision.F64, _) => Loop256D(iterations, 0.999999, 1e-7),
                (_, 512) => Loop512F(iterations, 0.9999f, 1e-5f),
                _ => Loop256F(iterations, 0.9999f, 1e-5f),
            });
        double wall = clock.Elapsed.TotalSeconds;
        return double.IsNaN(sink.Sum()) ? double.NaN : wall;   // the sums keep the loops alive
    }

    // c ← c·a + b converges to b/(1 − a) ≈ 0.1: normal numbers throughout, no overflow, no subnormals.
    private static double Loop512D(long n, double ca, double cb) => Loop<Vector512<double>, Fma512D>(n, Vector512.Create(ca), Vector512.Create(cb));

    private static double Loop256D(long n, double ca, double cb) => Loop<Vector256<double>, Fma256D>(n, Vector256.Create(ca), Vector256.Create(cb));

    private static double Loop512F(long n, float ca, float cb) => Loop<Vector512<float>, Fma512F>(n, Vector512.Create(ca), Vector512.Create(cb));

    private static double Loop256F(long n, float ca, float cb) => Loop<Vector256<float>, Fma256F>(n, Vector256.Create(ca), Vector256.Create(cb));

    /// <summary>Sixteen independent FMA chains; <typeparamref name="TOps"/> is a struct, so the JIT compiles one loop per vector type.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static double Loop<TV, TOps>(long n, TV a, TV b)
        where TV : struct
        where TOps : struct, IFma<TV>
    {
        TV c0 = b, c1 = TOps.Add(b, b), c2 = TOps.Add(c1, b), c3 = TOps.Add(c2, b), c4 = TOps.Add(c3, b), c5 = TOps.Add(c4, b);
        TV c6 = TOps.Add(c5, b), c7 = TOps.Add(c6, b), c8 = TOps.Add(c7, b), c9 = TOps.Add(c8, b), c10 = TOps.Add(c9, b);
        TV c11 = TOps.Add(c10, b), c12 = TOps.Add(c11, b), c13 = TOps.Add(c12, b), c14 = TOps.Add(c13, b), c15 = TOps.Add(c14, b);
        for (long i = 0; i < n; i++)
        {
            c0 = TOps.Fma(c0, a, b);
            c1 = TOps.Fma(c1, a, b);
            c2 = TOps.Fma(c2, a, b);
            c3 = TOps.Fma(c3, a, b);
            c4 = TOps.Fma(c4, a, b);
            c5 = TOps.Fma(c5, a, b);
            c6 = TOps.Fma(c6, a, b);
            c7 = TOps.Fma(c7, a, b);
            c8 = TOps.Fma(c8, a, b);
            c9 = TOps.Fma(c9, a, b);
            c10 = TOps.Fma(c10, a, b);
            c11 = TOps.Fma(c11, a, b);
            c12 = TOps.Fma(c12, a, b);
            c13 = TOps.Fma(c13, a, b);
            c14 = TOps.Fma(c14, a, b);
            c15 = TOps.Fma(c15, a, b);
        }

        var s0 = TOps.Add(TOps.Add(TOps.Add(c0, c1), TOps.Add(c2, c3)), TOps.Add(TOps.Add(c4, c5), TOps.Add(c6, c7)));
        var s1 = TOps.Add(TOps.Add(TOps.Add(c8, c9), TOps.Add(c10, c11)), TOps.Add(TOps.Add(c12, c13), TOps.Add(c14, c15)));
        return TOps.Sum(TOps.Add(s0, s1));
    }

    private interface IFma<TV>
    {
        static abstract TV Fma(TV c, TV a, TV b);

        static abstract TV Add(TV x, TV y);

        static abstract double Sum(TV x);
    }

    private readonly struct Fma512D : IFma<Vector512<double>>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Fma(Vector512<double> c, Vector512<double> a, Vector512<double> b) => Vector512.FusedMultiplyAdd(c, a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<double> Add(Vector512<double> x, Vector512<double> y) => x + y;

        public static double Sum(Vector512<double> x) => Vector512.Sum(x);
    }

    private readonly struct Fma256D : IFma<Vector256<double>>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Fma(Vector256<double> c, Vector256<double> a, Vector256<double> b) => Vector256.FusedMultiplyAdd(c, a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Add(Vector256<double> x, Vector256<double> y) => x + y;

        public static double Sum(Vector256<double> x) => Vector256.Sum(x);
    }

    private readonly struct Fma512F : IFma<Vector512<float>>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Fma(Vector512<float> c, Vector512<float> a, Vector512<float> b) => Vector512.FusedMultiplyAdd(c, a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> Add(Vector512<float> x, Vector512<float> y) => x + y;

        public static double Sum(Vector512<float> x) => Vector512.Sum(x);
    }

    private readonly struct Fma256F : IFma<Vector256<float>>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Fma(Vector256<float> c, Vector256<float> a, Vector256<float> b) => Vector256.FusedMultiplyAdd(c, a, b);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Add(Vector256<float> x, Vector256<float> y) => x + y;

        public static double Sum(Vector256<float> x) => Vector256.Sum(x);
    }
}
