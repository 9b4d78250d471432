using EosSweep.Kernels.Models;

namespace EosSweep.Tests.SparseCoding;

/// <summary>
/// One data key's samples and initial normals, copied out of the engine's model data (host-readable on the CPU) by
/// the block layout the README and <see cref="SparseCodingLayout"/> document, with offsets computed here: a set of m
/// samples in dimension d is m·d sorted coordinates, m·(d + 1) prefix sums, m labels and m·d source indices; a block is
/// the training set, the test set, then 2d standard normals (a₊ draws from the first, a₋ from the d-th).
/// </summary>
internal sealed record SparseCodingSamples(double[][] Train, double[] TrainLabels, double[][] Test, double[] TestLabels, double APlusNormal, double AMinusNormal)
{
    /// <summary>Key <paramref name="key"/> of a sweep whose keys all have the same d, n and n_test.</summary>
    public static SparseCodingSamples Read(ModelData data, int key, int d, int n, int nTest)
    {
        long perSample = (3L * d) + 2;
        long block = key * (((n + (long)nTest) * perSample) + (2L * d));
        Assert.Equal(block, SparseCodingLayout.BlockOffset(data, key)); // the engine's own header agrees with the addressing
        var (train, trainLabels) = Set(data, block, n, d);
        var (test, testLabels) = Set(data, block + (n * perSample), nTest, d);
        long init = block + ((n + (long)nTest) * perSample);
        return new SparseCodingSamples(train, trainLabels, test, testLabels, data.Doubles[init], data.Doubles[init + d]);
    }

    private static (double[][] X, double[] Y) Set(ModelData data, long offset, int m, int d)
    {
        var x = new double[m][];
        var y = new double[m];
        for (int k = 0; k < m; k++)
        {
            x[k] = new double[d];
            for (int i = 0; i < d; i++)
            {
                x[k][i] = data.Doubles[offset + ((long)k * d) + i];
            }

            y[k] = data.Doubles[offset + ((long)m * ((2 * d) + 1)) + k];
        }

        return (x, y);
    }
}
