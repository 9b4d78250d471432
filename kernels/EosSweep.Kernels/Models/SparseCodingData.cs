using EosSweep.Kernels.Numerics;
using ILGPU;

namespace EosSweep.Kernels.Models;

/// <summary>
/// Generates the sparse-coding data on the accelerator, one thread per (key, sample): x = λ·y·e_j + ξ with
/// y uniform on {−1, +1}, j uniform on {0..d−1}, ξ ~ N(0, I_d) (docs/models.md, sparse-coding). Every draw comes from
/// <see cref="CounterRng"/> keyed by the seed and the sample, so a sample never depends on batching,
/// sharding, the device or n: training sample i is stream i, test sample i stream 2^40 + i, the
/// initial weights stream 2^41. Normals by Marsaglia's polar method over the project's own log and √.
/// Each sample is then sorted in place (insertion sort) and its prefix sums written.
/// </summary>
public static class SparseCodingData
{
    /// <summary>First stream of the test set.</summary>
    public const ulong TestStream = 1UL << 40;

    /// <summary>Stream of the initial weights.</summary>
    public const ulong InitStream = 1UL << 41;

    /// <summary>
    /// The kernel. <paramref name="keys"/> holds per key: d, n, λ, n_test, seed, block offset, first thread
    /// (7 doubles); thread t belongs to the last key whose first thread is ≤ t.
    /// </summary>
    public static void Generate(Index1D t, ArrayView<double> keys, int keyCount, ArrayView<double> data)
    {
        int k = 0;
        for (int j = 1; j < keyCount; j++)
        {
            if (keys[(7 * j) + 6] <= t)
            {
                k = j;
            }
        }

        long d = (long)keys[7 * k];
        long n = (long)keys[(7 * k) + 1];
        double lambda = keys[(7 * k) + 2];
        long nTest = (long)keys[(7 * k) + 3];
        ulong seed = (ulong)keys[(7 * k) + 4];
        long block = (long)keys[(7 * k) + 5];
        long sample = t - (long)keys[(7 * k) + 6];
        if (sample >= n + nTest)
        {
            return;
        }

        bool test = sample >= n;
        long i = test ? sample - n : sample;
        long baseOffset = block + (test ? SparseCodingLayout.Test(n, d) : 0);
        long count = test ? nTest : n;
        long values = baseOffset + (i * d);
        long prefix = baseOffset + SparseCodingLayout.TrainPrefix(count, d) + (i * (d + 1));
        long label = baseOffset + SparseCodingLayout.TrainLabels(count, d) + i;
        long source = baseOffset + SparseCodingLayout.Permutation(count, d) + (i * d);

        var rng = new CounterRng(seed, (test ? TestStream : 0UL) + (ulong)i);
        data[label] = Draw(ref rng, data, values, d, lambda, out _);

        for (long a = 0; a < d; a++)
        {
            data[source + a] = a;
        }

        // Insertion sort of (value, source coordinate) pairs, stable.
        for (long a = 1; a < d; a++)
        {
            double v = data[values + a];
            double from = data[source + a];
            long b = a - 1;
            while (b >= 0 && data[values + b] > v)
            {
                data[values + b + 1] = data[values + b];
                data[source + b + 1] = data[source + b];
                b--;
            }

            data[values + b + 1] = v;
            data[source + b + 1] = from;
        }

        double sum = 0;
        data[prefix] = 0;
        for (long a = 0; a < d; a++)
        {
            sum += data[values + a];
            data[prefix + a + 1] = sum;
        }

        if (sample == 0)
        {
            // 2d normals: a₊ᵢ = z[i], a₋ᵢ = z[d + i] (scaled by the model); the shared layer uses z[0] and z[d].
            var init = new CounterRng(seed, InitStream);
            long at = block + SparseCodingLayout.Init(n, nTest, d);
            for (long c = 0; c < 2 * d; c += 2)
            {
                Normals(ref init, out double z0, out double z1);
                data[at + c] = z0;
                data[at + c + 1] = z1;
            }
        }
    }

    /// <summary>
    /// Draws one sample x = λ·y·e_j + ξ into <c>x[offset .. offset + d)</c> (unsorted) and returns its label y;
    /// <paramref name="signal"/> is j. The label and j come first from the stream, then the d normals.
    /// </summary>
    public static double Draw(ref CounterRng rng, ArrayView<double> x, long offset, long d, double lambda, out long signal)
    {
        double y = (rng.NextUInt64() >> 63) == 0 ? 1.0 : -1.0;
        signal = (long)((rng.NextUInt64() >> 11) * (1.0 / 9007199254740992.0) * d);
        for (long c = 0; c < d; c += 2)
        {
            Normals(ref rng, out double z0, out double z1);
            x[offset + c] = z0;
            if (c + 1 < d)
            {
                x[offset + c + 1] = z1;
            }
        }

        x[offset + signal] = x[offset + signal] + (lambda * y);
        return y;
    }

    /// <summary>Two independent standard normals (Marsaglia's polar method).</summary>
    public static void Normals(ref CounterRng rng, out double z0, out double z1)
    {
        double u, v, s;
        do
        {
            u = (2.0 * rng.NextDouble()) - 1.0;
            v = (2.0 * rng.NextDouble()) - 1.0;
            s = (u * u) + (v * v);
        }
        while (s >= 1.0 || s == 0.0);

        double f = Math.Sqrt(-2.0 * PMath.Log(new R64(s)).V / s);
        z0 = u * f;
        z1 = v * f;
    }
}
