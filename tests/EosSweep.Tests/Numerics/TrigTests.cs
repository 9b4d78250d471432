using EosSweep.Kernels.Numerics;

namespace EosSweep.Tests.Numerics;

/// <summary>PMath.Sin/Cos/SinCos against the runtime's double sin/cos (within about 0.5 ulp of the true value).</summary>
public sealed class TrigTests
{
    private static double Sin(double x) => PMath.Sin(new R64(x)).V;

    private static double Cos(double x) => PMath.Cos(new R64(x)).V;

    // 1 ulp against a ≈0.5-ulp reference: fdlibm's kernels are < 1 ulp and the double-length reduction adds
    // ~2^-100 relative.
    [Theory]
    [InlineData(1, -0.785398, 0.785398)]
    [InlineData(2, -10.0, 10.0)]
    [InlineData(3, -1000.0, 1000.0)]
    [InlineData(4, -1.6e6, 1.6e6)]
    public void SinCos_MatchMath_Within1Ulp(int seed, double lo, double hi)
    {
        var xs = Samples.Uniform(seed, lo, hi);
        var (sinUlps, sinAt) = Samples.MaxUlps(xs, Sin, Math.Sin);
        var (cosUlps, cosAt) = Samples.MaxUlps(xs, Cos, Math.Cos);
        Assert.True(sinUlps <= 1.0, $"sin: max {sinUlps} ulp at x = {sinAt:R}");
        Assert.True(cosUlps <= 1.0, $"cos: max {cosUlps} ulp at x = {cosAt:R}");
    }

    [Fact]
    public void SinCos_TinyArguments_Within1Ulp()
    {
        var xs = Samples.LogUniform(5, 1e-300, 1e-2, signed: true);
        var (sinUlps, sinAt) = Samples.MaxUlps(xs, Sin, Math.Sin);
        var (cosUlps, cosAt) = Samples.MaxUlps(xs, Cos, Math.Cos);
        Assert.True(sinUlps <= 1.0, $"sin: max {sinUlps} ulp at x = {sinAt:R}");
        Assert.True(cosUlps <= 1.0, $"cos: max {cosUlps} ulp at x = {cosAt:R}");
    }

    [Fact]
    public void SinCos_NearMultiplesOfHalfPi_KeepRelativeAccuracy()
    {
        // The doubles nearest k·π/2 (and their neighbours): there sin or cos is tiny and a single-length
        // reduction would lose every digit. Math.Sin/Cos reduce exactly.
        var rng = new Random(6);
        double worst = 0;
        double at = 0;
        for (int i = 0; i < 20_000; i++)
        {
            long k = i < 64 ? i + 1 : rng.NextInt64(1, 1L << 20);
            double x = k * (Math.PI / 2);
            foreach (double v in new[] { Math.BitDecrement(x), x, Math.BitIncrement(x) })
            {
                double d = Math.Max(Ulps.Between(Sin(v), Math.Sin(v)), Ulps.Between(Cos(v), Math.Cos(v)));
                if (d > worst)
                {
                    worst = d;
                    at = v;
                }
            }
        }

        Assert.True(worst <= 1.0, $"max {worst} ulp at x = {at:R}");
    }

    [Fact]
    public void SinCos_SpecialValues()
    {
        Assert.Equal(BitConverter.DoubleToInt64Bits(0.0), BitConverter.DoubleToInt64Bits(Sin(0.0)));
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(Sin(-0.0)));
        Assert.Equal(1.0, Cos(0.0));
        Assert.Equal(1.0, Cos(-0.0));
        Assert.True(double.IsNaN(Sin(double.NaN)) && double.IsNaN(Cos(double.NaN)));
        Assert.True(double.IsNaN(Sin(double.PositiveInfinity)) && double.IsNaN(Cos(double.NegativeInfinity)));
        Assert.Equal(1.0, Sin(Math.PI / 2));
        Assert.Equal(-1.0, Cos(Math.PI));
    }

    [Fact]
    public void SinCos_HugeArguments_AreFiniteAndBounded()
    {
        // Beyond 2^50 the reduction is not an integer operation: documented as sin 0, cos 1. Below it the
        // values stay in [−1, 1] with an absolute error of the order of ulp(x)·2/π.
        foreach (double x in new[] { 1e300, -1e300, double.MaxValue, 1.2e15, -3e16 })
        {
            Assert.Equal(0.0, Sin(x));
            Assert.Equal(1.0, Cos(x));
        }

        foreach (double x in Samples.LogUniform(7, 1.6e6, 1e15, signed: true, count: 20_000))
        {
            double s = Sin(x), c = Cos(x);
            Assert.True(Math.Abs(s) <= 1 && Math.Abs(c) <= 1, $"x = {x:R}: sin {s:R}, cos {c:R}");
            double tolerance = 4 * Math.BitIncrement(Math.Abs(x)) - (4 * Math.Abs(x)) + 1e-15;
            Assert.True(Math.Abs(s - Math.Sin(x)) <= tolerance && Math.Abs(c - Math.Cos(x)) <= tolerance, $"x = {x:R}");
        }
    }

    [Fact]
    public void SinCos_AgreesWithSinAndCos_BitForBit()
    {
        foreach (double x in Samples.Uniform(8, -50.0, 50.0, count: 10_000))
        {
            PMath.SinCos(new R64(x), out var s, out var c);
            Assert.Equal(BitConverter.DoubleToInt64Bits(Sin(x)), BitConverter.DoubleToInt64Bits(s.V));
            Assert.Equal(BitConverter.DoubleToInt64Bits(Cos(x)), BitConverter.DoubleToInt64Bits(c.V));
        }
    }

    // f32: 12-bit parts keep the reduction exact for |x| ≤ 2^12·π/2; the reference is the double result rounded.
    [Theory]
    [InlineData(11, -0.785398, 0.785398)]
    [InlineData(12, -10.0, 10.0)]
    [InlineData(13, -6400.0, 6400.0)]
    public void SinCos_F32_Within2FloatUlps(int seed, double lo, double hi)
    {
        double worst = 0;
        float at = float.NaN;
        foreach (double sample in Samples.Uniform(seed, lo, hi))
        {
            float x = (float)sample;
            double d = Math.Max(
                Ulps.Between(PMath.Sin(new R32(x)).V, (float)Math.Sin(x)),
                Ulps.Between(PMath.Cos(new R32(x)).V, (float)Math.Cos(x)));
            if (d > worst)
            {
                worst = d;
                at = x;
            }
        }

        Assert.True(worst <= 2.0, $"max {worst} float ulp at x = {at:R}");
    }

    [Fact]
    public void SinCos_F32_SpecialValues()
    {
        Assert.Equal(0.0f, PMath.Sin(new R32(0.0f)).V);
        Assert.Equal(1.0f, PMath.Cos(new R32(0.0f)).V);
        Assert.True(float.IsNaN(PMath.Sin(new R32(float.PositiveInfinity)).V));
        Assert.Equal(0.0f, PMath.Sin(new R32(1e30f)).V);
        Assert.Equal(1.0f, PMath.Cos(new R32(1e30f)).V);
    }
}
