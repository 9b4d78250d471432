using EosSweep.Kernels.Numerics;

namespace EosSweep.Tests.Numerics;

public sealed class ErfTests
{
    private static double Erf(double x) => PMath.Erf(new R64(x)).V;

    private static double Erfc(double x) => PMath.Erfc(new R64(x)).V;

    private static double RelativeError(double got, double expected) => Math.Abs(got - expected) / Math.Abs(expected);

    // Reference values: mpmath 1.3 at 40 digits, evaluated at the double nearest the listed x and printed
    // to 21 digits (so the literal adds at most half an ulp). Measured worst: 1 ulp for erf, 3 ulp for erfc;
    // 1e-15 is about 4.5 ulp.
    [Theory]
    [InlineData(0.1, 0.112462916018284898405)]
    [InlineData(0.25, 0.276326390168236932985)]
    [InlineData(0.5, 0.520499877813046537683)]
    [InlineData(0.75, 0.711155633653515131599)]
    [InlineData(1.0, 0.842700792949714869341)]
    [InlineData(1.1, 0.880205069574081729657)]
    [InlineData(1.5, 0.966105146475310727067)]
    [InlineData(2.0, 0.995322265018952734162)]
    [InlineData(2.5, 0.99959304798255504106)]
    [InlineData(3.0, 0.999977909503001414559)]
    [InlineData(4.0, 0.99999998458274209972)]
    [InlineData(-0.3, -0.32862675945912741619)]
    public void Erf_KnownValues_RelativeErrorBelow1e15(double x, double expected) =>
        Assert.True(RelativeError(Erf(x), expected) <= 1e-15, $"erf({x}) = {Erf(x):R}, expected {expected:R}");

    [Theory]
    [InlineData(0.1, 0.887537083981715101595)]
    [InlineData(0.3, 0.67137324054087258381)]
    [InlineData(0.6, 0.396143909152074094918)]
    [InlineData(0.9, 0.203091787577167860335)]
    [InlineData(1.2, 0.0896860217703646316341)]
    [InlineData(1.5, 0.033894853524689272933)]
    [InlineData(2.0, 0.00467773498104726583793)]
    [InlineData(2.5, 0.000406952017444958939564)]
    [InlineData(3.0, 0.0000220904969985854413728)]
    [InlineData(4.0, 1.54172579002800188522e-8)]
    [InlineData(5.0, 1.53745979442803485019e-12)]
    [InlineData(6.0, 2.15197367124989131166e-17)]
    [InlineData(8.0, 1.122429717298292708e-29)]
    [InlineData(10.0, 2.088487583762544757e-45)]
    [InlineData(15.0, 7.21299417245120666657e-100)]
    [InlineData(20.0, 5.39586561160790092893e-176)]
    [InlineData(25.0, 8.30017257119652275204e-274)]
    [InlineData(26.0, 5.66319240885614284648e-296)]
    [InlineData(-1.0, 1.84270079294971486934)]
    [InlineData(-3.0, 1.99997790950300141456)]
    public void Erfc_KnownValues_RelativeErrorBelow1e15(double x, double expected) =>
        Assert.True(RelativeError(Erfc(x), expected) <= 1e-15, $"erfc({x}) = {Erfc(x):R}, expected {expected:R}");

    [Fact]
    public void Erf_IsOdd_Bitwise()
    {
        foreach (double x in Samples.Uniform(41, 0.0, 7.0, count: 100_000))
        {
            if (BitConverter.DoubleToInt64Bits(-Erf(x)) != BitConverter.DoubleToInt64Bits(Erf(-x)))
            {
                Assert.Fail($"erf(−x) = {Erf(-x):R}, −erf(x) = {-Erf(x):R} at x = {x:R}");
            }
        }
    }

    [Fact]
    public void ErfPlusErfc_IsOne()
    {
        // Each is within a few ulps of its own size; measured |erf + erfc − 1| ≤ 2^-53, asserted ≤ 2^-52.
        double worst = 0.0, at = double.NaN;
        foreach (double x in Samples.Uniform(42, -7.0, 7.0, count: 100_000))
        {
            double d = Math.Abs((Erf(x) + Erfc(x)) - 1.0);
            if (d > worst)
            {
                worst = d;
                at = x;
            }
        }

        Assert.True(worst <= Math.Pow(2.0, -52), $"|erf + erfc − 1| = {worst:R} at x = {at:R}");
    }

    [Fact]
    public void Erfc_TailAndLimits()
    {
        Assert.Equal(0.0, Erfc(28.0));
        Assert.Equal(0.0, Erfc(1e300));
        Assert.Equal(0.0, Erfc(double.PositiveInfinity));
        Assert.Equal(2.0, Erfc(-6.0));
        Assert.Equal(2.0, Erfc(-1e300));
        Assert.Equal(2.0, Erfc(double.NegativeInfinity));
        Assert.Equal(1.0, Erfc(0.0));
        Assert.Equal(1.0, Erfc(1e-300));

        // Past the normal range the tail is flushed with Exp; no lane may produce ∞ or NaN on the way.
        foreach (double x in Samples.Uniform(43, 20.0, 60.0, count: 10_000))
        {
            double c = Erfc(x);
            if (!(c >= 0.0 && c < 1e-170))
            {
                Assert.Fail($"erfc({x:R}) = {c:R}");
            }
        }
    }

    [Fact]
    public void Erf_Limits()
    {
        Assert.Equal(0.0, Erf(0.0));
        Assert.True(double.IsNegative(Erf(-0.0)));
        Assert.Equal(1.0, Erf(6.0));
        Assert.Equal(1.0, Erf(28.0));
        Assert.Equal(1.0, Erf(double.PositiveInfinity));
        Assert.Equal(-1.0, Erf(double.NegativeInfinity));

        // erf(x) ≈ (2/√π)·x for tiny x, including subnormals.
        Assert.Equal(1.1283791670955126e-300, Erf(1e-300));
        Assert.Equal(double.Epsilon, Erf(double.Epsilon));
    }

    [Fact]
    public void ErfAndErfc_NaNGivesNaN()
    {
        Assert.True(double.IsNaN(Erf(double.NaN)));
        Assert.True(double.IsNaN(Erfc(double.NaN)));
    }
}
