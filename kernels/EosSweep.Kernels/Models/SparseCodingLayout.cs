namespace EosSweep.Kernels.Models;

/// <summary>
/// Where one data key's block sits in the sparse-coding model's <see cref="ModelData"/>. A data key is a
/// combination of the data axes (d, n, lambda, n_test, seed): since η is the slowest axis and every other
/// axis is a data axis, key = grid index mod (number of keys). <c>Ints[0]</c> holds the number of keys;
/// <c>Ints[1 + 2k]</c>, <c>Ints[2 + 2k]</c> the low and high 32 bits of key k's offset into <c>Doubles</c>.
/// Block (n training samples, n_test test samples, dimension d), in doubles:
/// sorted training coordinates (n·d, each sample ascending), their prefix sums (n·(d+1)), labels (n),
/// then the same three for the test set, then two standard normals z₊, z₋ for the initial a₊, a₋.
/// </summary>
public static class SparseCodingLayout
{
    /// <summary>Doubles in one block.</summary>
    public static long BlockLength(long n, long nTest, long d) => ((n + nTest) * ((2 * d) + 2)) + 2;

    /// <summary>Offset of the training prefix sums within a block.</summary>
    public static long TrainPrefix(long n, long d) => n * d;

    /// <summary>Offset of the training labels within a block.</summary>
    public static long TrainLabels(long n, long d) => n * ((2 * d) + 1);

    /// <summary>Offset of the test set within a block.</summary>
    public static long Test(long n, long d) => n * ((2 * d) + 2);

    /// <summary>Offset of the initial normals within a block.</summary>
    public static long Init(long n, long nTest, long d) => (n + nTest) * ((2 * d) + 2);

    /// <summary>Offset of key <paramref name="key"/>'s block, from the int header.</summary>
    public static long BlockOffset(ModelData data, long key) =>
        (long)(uint)data.Ints[1 + (2 * key)] | ((long)data.Ints[2 + (2 * key)] << 32);
}
