using EosSweep.Kernels.Models;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Tests.SparseCoding;

/// <summary>
/// The generated data follow docs/models.md (sparse-coding). Bounds are 5.5 standard errors (two-sided chance ≈ 4e-8 each, so the
/// whole class fails by chance well under 1e-6 of the time); every draw is seeded, so the test is deterministic.
/// </summary>
public sealed class SparseCodingDataTests(SparseCodingFixture fixture) : IClassFixture<SparseCodingFixture>
{
    private const double Z = 5.5;

    [Fact]
    public void EachSample_HasExactlyOneSignalCoordinate_OfMagnitudeLambda()
    {
        // The same stream drawn with λ = 3 and λ = 0 differs by exactly λ·y at coordinate j and nowhere else.
        const int d = 64;
        using var a = fixture.Accelerator.Allocate1D<double>(d);
        using var b = fixture.Accelerator.Allocate1D<double>(d);
        for (ulong s = 0; s < 500; s++)
        {
            var r1 = new CounterRng(11, s);
            var r2 = new CounterRng(11, s);
            double y1 = SparseCodingData.Draw(ref r1, a.View, 0, d, 3.0, out long j1);
            double y2 = SparseCodingData.Draw(ref r2, b.View, 0, d, 0.0, out long j2);
            Assert.Equal(y1, y2);
            Assert.Equal(j1, j2);
            Assert.True(y1 is 1.0 or -1.0);
            for (int i = 0; i < d; i++)
            {
                // (ξ + 3y) − ξ is 3y up to the rounding of the sum.
                Assert.Equal(i == j1 ? 3.0 * y1 : 0.0, a.View[i] - b.View[i], 1e-14);
            }
        }
    }

    [Fact]
    public void Labels_AreBalanced_SignalIndexIsUniform_NoiseIsStandardNormal()
    {
        const int d = 40, samples = 5000;
        using var x = fixture.Accelerator.Allocate1D<double>(d);
        double ySum = 0;
        var counts = new int[d];
        double m1 = 0, m2 = 0, m3 = 0, m4 = 0;
        long n = 0;
        for (ulong s = 0; s < samples; s++)
        {
            var rng = new CounterRng(2024, s);
            ySum += SparseCodingData.Draw(ref rng, x.View, 0, d, 0.0, out long j);
            counts[j]++;
            for (int i = 0; i < d; i++)
            {
                double v = x.View[i];
                m1 += v;
                m2 += v * v;
                m3 += v * v * v;
                m4 += v * v * v * v;
                n++;
            }
        }

        Assert.InRange(ySum / samples, -Z / Math.Sqrt(samples), Z / Math.Sqrt(samples));

        // χ² of the signal index over d cells: mean d−1, sd √(2(d−1)); 5.5 sd above is far in the tail.
        double expected = (double)samples / d;
        double chi2 = counts.Sum(c => (c - expected) * (c - expected) / expected);
        Assert.True(chi2 < (d - 1) + (Z * Math.Sqrt(2.0 * (d - 1))), $"signal index χ² = {chi2}");

        m1 /= n;
        m2 /= n;
        m3 /= n;
        m4 /= n;
        Assert.InRange(m1, -Z / Math.Sqrt(n), Z / Math.Sqrt(n));
        Assert.InRange(m2, 1 - (Z * Math.Sqrt(2.0 / n)), 1 + (Z * Math.Sqrt(2.0 / n)));
        Assert.InRange(m3, -Z * Math.Sqrt(15.0 / n), Z * Math.Sqrt(15.0 / n));
        Assert.InRange(m4, 3 - (Z * Math.Sqrt(96.0 / n)), 3 + (Z * Math.Sqrt(96.0 / n)));
    }

    [Fact]
    public void TrainingAndTestSets_AreIndependentStreams()
    {
        // Sum of coordinates of training sample i and test sample i: correlation ≈ 0 (standard error 1/√n).
        const int d = 30, samples = 4000;
        using var a = fixture.Accelerator.Allocate1D<double>(d);
        using var b = fixture.Accelerator.Allocate1D<double>(d);
        double sxy = 0, sx = 0, sy = 0, sxx = 0, syy = 0;
        for (ulong s = 0; s < samples; s++)
        {
            var train = new CounterRng(5, s);
            var test = new CounterRng(5, SparseCodingData.TestStream + s);
            SparseCodingData.Draw(ref train, a.View, 0, d, 3.0, out _);
            SparseCodingData.Draw(ref test, b.View, 0, d, 3.0, out _);
            double u = 0, v = 0;
            for (int i = 0; i < d; i++)
            {
                u += a.View[i];
                v += b.View[i];
            }

            sx += u;
            sy += v;
            sxy += u * v;
            sxx += u * u;
            syy += v * v;
        }

        double cov = (sxy / samples) - (sx / samples * (sy / samples));
        double corr = cov / Math.Sqrt(((sxx / samples) - Math.Pow(sx / samples, 2)) * ((syy / samples) - Math.Pow(sy / samples, 2)));
        Assert.InRange(corr, -Z / Math.Sqrt(samples), Z / Math.Sqrt(samples));
    }

    [Fact]
    public void StoredSamples_AreSortedWithConsistentPrefixSums()
    {
        var doubles = fixture.Data.Views.Doubles;
        long d = fixture.D, n = fixture.N;
        for (long k = 0; k < n; k++)
        {
            double sum = 0;
            for (long i = 0; i < d; i++)
            {
                double v = doubles[(k * d) + i];
                if (i > 0)
                {
                    Assert.True(doubles[(k * d) + i - 1] <= v);
                }

                Assert.Equal(sum, doubles[SparseCodingLayout.TrainPrefix(n, d) + (k * (d + 1)) + i]);
                sum += v;
            }

            double y = doubles[SparseCodingLayout.TrainLabels(n, d) + k];
            Assert.True(y is 1.0 or -1.0);
        }
    }
}
