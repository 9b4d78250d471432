using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using EosSweep.Core;

namespace EosSweep.Engine;

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
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static double Loop512D(long n, double ca, double cb)
    {
        var a = Vector512.Create(ca);
        var b = Vector512.Create(cb);
        Vector512<double> c0 = b, c1 = b + b, c2 = c1 + b, c3 = c2 + b, c4 = c3 + b, c5 = c4 + b, c6 = c5 + b, c7 = c6 + b;
        Vector512<double> c8 = c7 + b, c9 = c8 + b, c10 = c9 + b, c11 = c10 + b, c12 = c11 + b, c13 = c12 + b, c14 = c13 + b, c15 = c14 + b;
        for (long i = 0; i < n; i++)
        {
            c0 = Vector512.FusedMultiplyAdd(c0, a, b);
            c1 = Vector512.FusedMultiplyAdd(c1, a, b);
            c2 = Vector512.FusedMultiplyAdd(c2, a, b);
            c3 = Vector512.FusedMultiplyAdd(c3, a, b);
            c4 = Vector512.FusedMultiplyAdd(c4, a, b);
            c5 = Vector512.FusedMultiplyAdd(c5, a, b);
            c6 = Vector512.FusedMultiplyAdd(c6, a, b);
            c7 = Vector512.FusedMultiplyAdd(c7, a, b);
            c8 = Vector512.FusedMultiplyAdd(c8, a, b);
            c9 = Vector512.FusedMultiplyAdd(c9, a, b);
            c10 = Vector512.FusedMultiplyAdd(c10, a, b);
            c11 = Vector512.FusedMultiplyAdd(c11, a, b);
            c12 = Vector512.FusedMultiplyAdd(c12, a, b);
            c13 = Vector512.FusedMultiplyAdd(c13, a, b);
            c14 = Vector512.FusedMultiplyAdd(c14, a, b);
            c15 = Vector512.FusedMultiplyAdd(c15, a, b);
        }

        return Vector512.Sum(((c0 + c1) + (c2 + c3)) + ((c4 + c5) + (c6 + c7)) + ((c8 + c9) + (c10 + c11)) + ((c12 + c13) + (c14 + c15)));
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float Loop512F(long n, float ca, float cb)
    {
        var a = Vector512.Create(ca);
        var b = Vector512.Create(cb);
        Vector512<float> c0 = b, c1 = b + b, c2 = c1 + b, c3 = c2 + b, c4 = c3 + b, c5 = c4 + b, c6 = c5 + b, c7 = c6 + b;
        Vector512<float> c8 = c7 + b, c9 = c8 + b, c10 = c9 + b, c11 = c10 + b, c12 = c11 + b, c13 = c12 + b, c14 = c13 + b, c15 = c14 + b;
        for (long i = 0; i < n; i++)
        {
            c0 = Vector512.FusedMultiplyAdd(c0, a, b);
            c1 = Vector512.FusedMultiplyAdd(c1, a, b);
            c2 = Vector512.FusedMultiplyAdd(c2, a, b);
            c3 = Vector512.FusedMultiplyAdd(c3, a, b);
            c4 = Vector512.FusedMultiplyAdd(c4, a, b);
            c5 = Vector512.FusedMultiplyAdd(c5, a, b);
            c6 = Vector512.FusedMultiplyAdd(c6, a, b);
            c7 = Vector512.FusedMultiplyAdd(c7, a, b);
            c8 = Vector512.FusedMultiplyAdd(c8, a, b);
            c9 = Vector512.FusedMultiplyAdd(c9, a, b);
            c10 = Vector512.FusedMultiplyAdd(c10, a, b);
            c11 = Vector512.FusedMultiplyAdd(c11, a, b);
            c12 = Vector512.FusedMultiplyAdd(c12, a, b);
            c13 = Vector512.FusedMultiplyAdd(c13, a, b);
            c14 = Vector512.FusedMultiplyAdd(c14, a, b);
            c15 = Vector512.FusedMultiplyAdd(c15, a, b);
        }

        return Vector512.Sum(((c0 + c1) + (c2 + c3)) + ((c4 + c5) + (c6 + c7)) + ((c8 + c9) + (c10 + c11)) + ((c12 + c13) + (c14 + c15)));
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static double Loop256D(long n, double ca, double cb)
    {
        var a = Vector256.Create(ca);
        var b = Vector256.Create(cb);
        Vector256<double> c0 = b, c1 = b + b, c2 = c1 + b, c3 = c2 + b, c4 = c3 + b, c5 = c4 + b, c6 = c5 + b, c7 = c6 + b;
        Vector256<double> c8 = c7 + b, c9 = c8 + b, c10 = c9 + b, c11 = c10 + b, c12 = c11 + b, c13 = c12 + b, c14 = c13 + b, c15 = c14 + b;
        for (long i = 0; i < n; i++)
        {
            c0 = Vector256.FusedMultiplyAdd(c0, a, b);
            c1 = Vector256.FusedMultiplyAdd(c1, a, b);
            c2 = Vector256.FusedMultiplyAdd(c2, a, b);
            c3 = Vector256.FusedMultiplyAdd(c3, a, b);
            c4 = Vector256.FusedMultiplyAdd(c4, a, b);
            c5 = Vector256.FusedMultiplyAdd(c5, a, b);
            c6 = Vector256.FusedMultiplyAdd(c6, a, b);
            c7 = Vector256.FusedMultiplyAdd(c7, a, b);
            c8 = Vector256.FusedMultiplyAdd(c8, a, b);
            c9 = Vector256.FusedMultiplyAdd(c9, a, b);
            c10 = Vector256.FusedMultiplyAdd(c10, a, b);
            c11 = Vector256.FusedMultiplyAdd(c11, a, b);
            c12 = Vector256.FusedMultiplyAdd(c12, a, b);
            c13 = Vector256.FusedMultiplyAdd(c13, a, b);
            c14 = Vector256.FusedMultiplyAdd(c14, a, b);
            c15 = Vector256.FusedMultiplyAdd(c15, a, b);
        }

        return Vector256.Sum(((c0 + c1) + (c2 + c3)) + ((c4 + c5) + (c6 + c7)) + ((c8 + c9) + (c10 + c11)) + ((c12 + c13) + (c14 + c15)));
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float Loop256F(long n, float ca, float cb)
    {
        var a = Vector256.Create(ca);
        var b = Vector256.Create(cb);
        Vector256<float> c0 = b, c1 = b + b, c2 = c1 + b, c3 = c2 + b, c4 = c3 + b, c5 = c4 + b, c6 = c5 + b, c7 = c6 + b;
        Vector256<float> c8 = c7 + b, c9 = c8 + b, c10 = c9 + b, c11 = c10 + b, c12 = c11 + b, c13 = c12 + b, c14 = c13 + b, c15 = c14 + b;
        for (long i = 0; i < n; i++)
        {
            c0 = Vector256.FusedMultiplyAdd(c0, a, b);
            c1 = Vector256.FusedMultiplyAdd(c1, a, b);
            c2 = Vector256.FusedMultiplyAdd(c2, a, b);
            c3 = Vector256.FusedMultiplyAdd(c3, a, b);
            c4 = Vector256.FusedMultiplyAdd(c4, a, b);
            c5 = Vector256.FusedMultiplyAdd(c5, a, b);
            c6 = Vector256.FusedMultiplyAdd(c6, a, b);
            c7 = Vector256.FusedMultiplyAdd(c7, a, b);
            c8 = Vector256.FusedMultiplyAdd(c8, a, b);
            c9 = Vector256.FusedMultiplyAdd(c9, a, b);
            c10 = Vector256.FusedMultiplyAdd(c10, a, b);
            c11 = Vector256.FusedMultiplyAdd(c11, a, b);
            c12 = Vector256.FusedMultiplyAdd(c12, a, b);
            c13 = Vector256.FusedMultiplyAdd(c13, a, b);
            c14 = Vector256.FusedMultiplyAdd(c14, a, b);
            c15 = Vector256.FusedMultiplyAdd(c15, a, b);
        }

        return Vector256.Sum(((c0 + c1) + (c2 + c3)) + ((c4 + c5) + (c6 + c7)) + ((c8 + c9) + (c10 + c11)) + ((c12 + c13) + (c14 + c15)));
    }
}
