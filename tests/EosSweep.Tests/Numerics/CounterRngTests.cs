using EosSweep.Kernels.Numerics;

namespace EosSweep.Tests.Numerics;

/// <summary>The counter-based generator: a pure function of (seed, stream, draw), uniform, streams independent.</summary>
public sealed class CounterRngTests
{
    [Fact]
    public void Draws_ArePureFunctionsOfSeedStreamAndIndex()
    {
        var a = new CounterRng(42, 7);
        var first = Enumerable.Range(0, 100).Select(_ => a.NextUInt64()).ToArray();
        var b = new CounterRng(42, 7);
        for (int n = 99; n >= 0; n--)
        {
            Assert.Equal(first[n], b.At((ulong)n));
        }

        Assert.NotEqual(first[0], new CounterRng(43, 7).NextUInt64());
        Assert.NotEqual(first[0], new CounterRng(42, 8).NextUInt64());
    }

    [Fact]
    public void Uniform_HasMeanHalfAndVarianceOneTwelfth()
    {
        // 1e6 draws: the standard error of the mean is 0.289/1000 ≈ 2.9e-4; 6 standard errors (2e-3) fail by
        // chance with probability ~2e-9. The variance's standard error is ≈ 7.5e-5; the bound is 8 of them.
        const int n = 1_000_000;
        var rng = new CounterRng(2024, 0);
        double sum = 0, sum2 = 0;
        for (int i = 0; i < n; i++)
        {
            double u = rng.NextDouble();
            Assert.InRange(u, 0.0, 1.0 - 1e-17);
            sum += u;
            sum2 += u * u;
        }

        double mean = sum / n;
        double variance = (sum2 / n) - (mean * mean);
        Assert.InRange(mean, 0.5 - 2e-3, 0.5 + 2e-3);
        Assert.InRange(variance, (1.0 / 12) - 6e-4, (1.0 / 12) + 6e-4);
    }

    [Fact]
    public void AdjacentStreams_AreUncorrelated()
    {
        // Correlation of 1e5 pairs from streams k and k+1: standard error 1/√n ≈ 3.2e-3; bound 6 errors.
        const int n = 100_000;
        double sxy = 0, sx = 0, sy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++)
        {
            double x = new CounterRng(5, (ulong)i).NextDouble();
            double y = new CounterRng(5, (ulong)i + 1).NextDouble();
            sx += x;
            sy += y;
            sxy += x * y;
            sxx += x * x;
            syy += y * y;
        }

        double cov = (sxy / n) - (sx / n * (sy / n));
        double corr = cov / Math.Sqrt(((sxx / n) - (sx / n * (sx / n))) * ((syy / n) - (sy / n * (sy / n))));
        Assert.InRange(corr, -0.02, 0.02);
    }
}
