namespace EosSweep.Kernels.Models;

/// <summary>
/// Where one data key's block sits in the sparse-coding model's <see cref="ModelData"/>. A data key is a
/// combination of the data axes (d, n, lambda, n_test, seed): since η is the slowest axis and every other
/// axis is a data axis, key = grid index mod (number of keys). <c>Ints[0]</c> holds the number of keys;
/// <c>Ints[1 + 2k]</c>, <c>Ints[2 + 2k]</c> the low and high 32 bits of key k's offset into <c>Doubles</c>.
/// A set of m samples in dimension d takes m·(3d + 2) doubles: the coordinates of each sample sorted
/// ascending (m·d), their prefix sums (m·(d+1)), the labels (m), and for each sorted position the coordinate
/// it came from (m·d, for the per-coordinate second layer). A block is the training set (n samples), the
/// test set (n_test samples), then 2d standard normals for the initial weights (a₊ᵢ then a₋ᵢ; the shared
/// second layer uses the first of each).
/// </summary>
public static class SparseCodingLayout
{
    /// <summary>Doubles per sample of a set.</summary>
    public static long PerSample(long d) => (3 * d) + 2;

    /// <summary>Doubles in one block.</summary>
    public static long BlockLength(long n, long nTest, long d) => ((n + nTest) * PerSample(d)) + (2 * d);

    /// <summary>Offset of the prefix sums within a set of m samples.</summary>
    public static long TrainPrefix(long m, long d) => m * d;

    /// <summary>Offset of the labels within a set of m samples.</summary>
    public static long TrainLabels(long m, long d) => m * ((2 * d) + 1);

    /// <summary>Offset of the source-coordinate indices within a set of m samples.</summary>
    public static long Permutation(long m, long d) => m * ((2 * d) + 2);

    /// <summary>Offset of the test set within a block.</summary>
    public static long Test(long n, long d) => n * PerSample(d);

    /// <summary>Offset of the initial normals within a block.</summary>
    public static long Init(long n, long nTest, long d) => (n + nTest) * PerSample(d);

    /// <summary>Offset of key <paramref name="key"/>'s block, from the int header.</summary>
    public static long BlockOffset(ModelData data, long key) =>
        (long)(uint)data.Ints[1 + (2 * key)] | ((long)data.Ints[2 + (2 * key)] << 32);
}
