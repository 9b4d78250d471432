using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Models;

/// <summary>
/// The shared data of the <c>mlp</c> model, one block per data key (m, d, n, seed): the training inputs X (n × d,
/// row by row), the targets y (n), then the initial weights W₀ (m × d, row by row) and v₀ (m). Inputs and targets
/// are N(0, 1) draws of <see cref="CounterRng"/> stream <see cref="DataStream"/> under the seed, the weights those
/// of stream <see cref="InitStream"/> (pairs of normals by Marsaglia's polar method, used in order), so a seed fixes
/// one data set and one initialisation for every step size and offset. Header: doubles[0] = τ (0 for a fixed
/// step budget); ints[0] = keys, ints[1] = the step budget, ints[2] = the sharpness period (0: first step and final
/// point only), then each key's block offset as two ints (low, high).
/// </summary>
public static class MlpData
{
    /// <summary>Stream of the training points.</summary>
    public const ulong DataStream = 3UL << 42;

    /// <summary>Stream of the initial weights.</summary>
    public const ulong InitStream = (3UL << 42) + 1;

    /// <summary>Stream of the power iteration's start vector.</summary>
    public const ulong PowerStream = (3UL << 42) + 2;

    /// <summary>Ints before the block offsets.</summary>
    public const int HeaderInts = 3;

    /// <summary>Parameters of a width-<paramref name="m"/> network on <paramref name="d"/> inputs: m·(d + 1).</summary>
    public static long Parameters(long m, long d) => m * (d + 1);

    /// <summary>Training points: <paramref name="n"/>, or as many as parameters when <paramref name="n"/> is 0.</summary>
    public static long Points(long n, long m, long d) => n > 0 ? n : Parameters(m, d);

    /// <summary>Doubles of one key's block: n·(d + 1) data and m·(d + 1) weights.</summary>
    public static long BlockLength(long n, long m, long d) => (n * (d + 1)) + Parameters(m, d);

    /// <summary>Scratch doubles per trajectory: θ, ∇L, q, Aq (P each) and four hidden-unit buffers (m each: a block of samples' activations).</summary>
    public static long ScratchPerTrajectory(long m, long d) => (4 * Parameters(m, d)) + (4 * m);

    /// <summary>Where key <paramref name="key"/>'s block starts in the shared doubles.</summary>
    public static long BlockOffset(ModelData data, long key) =>
        (long)(uint)data.Ints[HeaderInts + (2 * key)] | ((long)data.Ints[HeaderInts + 1 + (2 * key)] << 32);

    /// <summary>Fills <paramref name="block"/> (<see cref="BlockLength"/> doubles) with key (m, d, n, seed)'s data and weights.</summary>
    public static void Fill(Span<double> block, long m, long d, long n, ulong seed)
    {
        long data = n * (d + 1);
        FillNormals(block[..(int)data], new CounterRng(seed, DataStream));
        FillNormals(block.Slice((int)data, (int)Parameters(m, d)), new CounterRng(seed, InitStream));
    }

    private static void FillNormals(Span<double> target, CounterRng rng)
    {
        for (int k = 0; k < target.Length; k += 2)
        {
            SparseCodingData.Normals(ref rng, out double z0, out double z1);
            target[k] = z0;
            if (k + 1 < target.Length)
            {
                target[k + 1] = z1;
            }
        }
    }
}
