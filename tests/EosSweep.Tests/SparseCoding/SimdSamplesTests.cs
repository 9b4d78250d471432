using EosSweep.Core;
using EosSweep.Engine;
using EosSweep.Kernels.Losses;
using EosSweep.Kernels.Models;
using EosSweep.Kernels.Numerics;
using EosSweep.Kernels.Simd;
using EosSweep.Tests.Engine;

namespace EosSweep.Tests.SparseCoding;

/// <summary>
/// The SIMD sample loop's pieces against the scalar ones on generated training sets, at both lane widths (F64x8 runs
/// here too: where Vector512 is not in hardware .NET computes it in software, with the same IEEE results). The
/// features of every sample must be the scalar ones bit for bit (the searches and the direct sums do the scalar
/// operations in the scalar order), including biases that tie with a coordinate, biases beyond every coordinate and a
/// NaN bias; the test-accuracy count must be exact; the step's sums may differ only by reassociation.
/// </summary>
public sealed class SimdSamplesTests
{
    /// <summary>A training set of n samples in dimension d (seed 0), from the CPU accelerator's model data.</summary>
    private static (SweepSession Session, SampleSet Train, SampleSet Test) Sets(int d, int n, bool direct)
    {
        var spec = SweepHarness.Spec(new SweepSettings
        {
            Model = "sparse-coding",
            Steps = 1,
            Axes = new Dictionary<string, string> { ["eta"] = "0.001", ["d"] = $"{d}", ["n"] = $"{n}", ["n_test"] = "203" },
        });
        var session = SweepSession.Open(spec);
        var data = session.Data;
        long block = SparseCodingLayout.BlockOffset(data, 0);
        var train = new SampleSet(data.Doubles, block, n, d, direct);
        var test = new SampleSet(data.Doubles, block + SparseCodingLayout.Test(n, d), 203, d, direct);
        return (session, train, test);
    }

    /// <summary>Biases to probe: 0, ordinary values, ties with a coordinate of sample 0 (±x), beyond every coordinate, NaN.</summary>
    private static double[] Biases(SampleSet set)
    {
        double x = set.Data[set.Offset + (set.Dimension / 2)];
        double lowest = set.Data[set.Offset];
        return [0.0, 0.37, -0.61, x, -x, lowest, -lowest, 1e3, -1e3, double.NaN];
    }

    [Theory]
    [InlineData(false, false, 200)]
    [InlineData(false, true, 200)]
    [InlineData(true, false, 37)]
    [InlineData(true, true, 37)]
    [InlineData(false, false, 1)]
    [InlineData(true, true, 1)]
    public void Features_EqualTheScalarFeatures_BitForBit(bool direct, bool wide, int d)
    {
        var (session, set, _) = Sets(d, 300, direct);
        using (session)
        {
            foreach (double b in Biases(set))
            {
                // Two chunks: 256 samples, then the grouped rest (300 − 256 = 44, 40 at width 8).
                if (wide)
                {
                    AssertFeatures<F64x8, F64x8Memory>(set, 0, 256, b);
                    AssertFeatures<F64x8, F64x8Memory>(set, 256, 40, b);
                }
                else
                {
                    AssertFeatures<F64x4, F64x4Memory>(set, 0, 256, b);
                    AssertFeatures<F64x4, F64x4Memory>(set, 256, 44, b);
                }
            }
        }
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void CountCorrect_EqualsTheScalarCount(bool direct, bool wide)
    {
        var (session, _, test) = Sets(40, 300, direct);
        using (session)
        {
            // 203 test samples: 50 groups of 4 and 3 left, or 25 groups of 8 and 3 left.
            foreach (var (ap, am, b) in new[] { (0.05, -0.04, 0.0), (-0.3, 0.2, 0.8), (0.7, 0.7, -1.2), (1.0, -1.0, double.NaN) })
            {
                long expected = SequentialSamples.CountCorrect(test, new R64(ap), new R64(am), new R64(b));
                long actual = wide
                    ? SimdSamples<F64x8, F64x8Memory>.CountCorrect(test, new R64(ap), new R64(am), new R64(b))
                    : SimdSamples<F64x4, F64x4Memory>.CountCorrect(test, new R64(ap), new R64(am), new R64(b));
                Assert.Equal(expected, actual);
            }
        }
    }

    [Theory]
    [InlineData(false, false, 300)]
    [InlineData(false, true, 300)]
    [InlineData(true, false, 301)]
    [InlineData(true, true, 301)]
    [InlineData(false, true, 5)]
    public void Sum_MatchesTheScalarSum_UpToReassociation(bool direct, bool wide, int n)
    {
        var (session, set, _) = Sets(50, n, direct);
        using (session)
        {
            var (ap, am, b) = (new R64(0.21), new R64(-0.17), new R64(0.09));
            var expected = SequentialSamples.Sum<Logistic1Loss, R64>(set, ap, am, b);
            var actual = wide
                ? SimdSamples<F64x8, F64x8Memory>.Sum<Logistic1Loss, R64>(set, ap, am, b)
                : SimdSamples<F64x4, F64x4Memory>.Sum<Logistic1Loss, R64>(set, ap, am, b);

            // Sums of n same-signed-ish terms added in another order: a few ulps, far below 1e-12 relative.
            double[] e = [expected.Loss.V, expected.G1.V, expected.G2.V, expected.G3.V, expected.H11.V, expected.H12.V, expected.H13.V, expected.H22.V, expected.H23.V, expected.H33.V];
            double[] a = [actual.Loss.V, actual.G1.V, actual.G2.V, actual.G3.V, actual.H11.V, actual.H12.V, actual.H13.V, actual.H22.V, actual.H23.V, actual.H33.V];
            for (int i = 0; i < e.Length; i++)
            {
                Assert.True(Math.Abs(e[i] - a[i]) <= 1e-12 * Math.Max(1.0, Math.Abs(e[i])), $"sum {i}: scalar {e[i]:R}, SIMD {a[i]:R}");
            }
        }
    }

    private static void AssertFeatures<TV, TMemory>(SampleSet set, long first, int count, double b)
        where TV : struct, ILanes<TV>
        where TMemory : struct, ILaneMemory<TV>
    {
        var plus = new double[count];
        var minus = new double[count];
        var countPlus = new double[count];
        var countMinus = new double[count];
        SimdSamples<TV, TMemory>.FeaturesOf(set, first, count, b, plus, minus, countPlus, countMinus);
        for (int i = 0; i < count; i++)
        {
            set.Features(first + i, new R64(b), out R64 p, out R64 m, out R64 cp, out R64 cm);
            AssertBits(p.V, plus[i], "P+", first + i, b);
            AssertBits(m.V, minus[i], "P-", first + i, b);
            AssertBits(cp.V, countPlus[i], "#+", first + i, b);
            AssertBits(cm.V, countMinus[i], "#-", first + i, b);
        }
    }

    private static void AssertBits(double expected, double actual, string what, long sample, double b) =>
        Assert.True(
            BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual),
            $"{what} of sample {sample} at b = {b:R}: scalar {expected:R}, SIMD {actual:R}");
}
