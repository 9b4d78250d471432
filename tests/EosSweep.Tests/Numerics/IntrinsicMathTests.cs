using EosSweep.Kernels.Numerics;

namespace EosSweep.Tests.Numerics;

/// <summary>
/// <see cref="R64Intrinsic"/> routes exp, log and tanh — and everything built on them — to the backend's own math
/// (.NET's on the CPU, libdevice on CUDA), while <see cref="R64"/> keeps the project's portable math.
/// </summary>
public sealed class IntrinsicMathTests
{
    private const int Count = 20_000;

    /// <summary>
    /// Points over the whole double range: the edges (±0, the smallest subnormal, the smallest normal, the ends of
    /// exp's finite range, the largest double, ±∞, NaN), a few ordinary values, and seeded log-uniform magnitudes from
    /// 1e-320 to 1e308 of both signs plus seeded uniform points on [−750, 750] (where exp is neither 0 nor ∞ and tanh
    /// is not ±1).
    /// </summary>
    private static double[] Points()
    {
        double[] edges =
        [
            0.0, -0.0, double.Epsilon, -double.Epsilon, 2.2250738585072014E-308, -2.2250738585072014E-308, 1e-300, -1e-300,
            1e-12, -1e-12, 0.3, 0.5, 1.0, -1.0, PMath.Ln2, -3.7, 0.4, 12.5, 22.0, 355.0, 700.0, -700.0,
            709.782712893384, 709.79, -707.0, -745.13321910194122, -746.0, 1e308, -1e308, double.MaxValue, -double.MaxValue,
            double.PositiveInfinity, double.NegativeInfinity, double.NaN,
        ];
        return [.. edges, .. Samples.LogUniform(31, 1e-320, 1e308, signed: true, count: Count), .. Samples.Uniform(32, -750, 750, Count)];
    }

    /// <summary>Bit-identical, or both NaN.</summary>
    private static bool Same(double a, double b) =>
        double.IsNaN(a) ? double.IsNaN(b) : BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);

    [Fact]
    public void IntrinsicType_IsTheBackendsExpLogTanh_BitForBit_OverTheWholeRange()
    {
        // Tolerance 0: the intrinsic type must call .NET's functions, not approximate them.
        var xs = Points();
        foreach (double x in xs)
        {
            var v = new R64Intrinsic(x);
            Assert.True(Same(Math.Exp(x), PMath.Exp(v).V), $"exp({x:R}): {PMath.Exp(v).V:R}, Math.Exp {Math.Exp(x):R}");
            Assert.True(Same(Math.Tanh(x), PMath.Tanh(v).V), $"tanh({x:R}): {PMath.Tanh(v).V:R}, Math.Tanh {Math.Tanh(x):R}");
            Assert.True(Same(Math.Log(x), PMath.Log(v).V), $"log({x:R}): {PMath.Log(v).V:R}, Math.Log {Math.Log(x):R}");
        }

        // The points tell the two routes apart: the portable functions differ from .NET's on some of them, so the
        // equalities above would fail if the intrinsic type fell back to the portable math.
        Assert.Contains(xs, x => !Same(Math.Exp(x), PMath.PortableExp(new R64(x)).V));
        Assert.Contains(xs, x => !Same(Math.Tanh(x), PMath.PortableTanh(new R64(x)).V));
        Assert.Contains(xs, x => !Same(Math.Log(x), PMath.PortableLog(new R64(x)).V));
    }

    [Fact]
    public void ProjectType_KeepsThePortableMath_BitForBit_OverTheWholeRange()
    {
        // Tolerance 0: R64 must route to the portable functions themselves.
        var xs = Points();
        foreach (double x in xs)
        {
            var v = new R64(x);
            Assert.True(Same(PMath.PortableExp(v).V, PMath.Exp(v).V), $"exp({x:R})");
            Assert.True(Same(PMath.PortableLog(v).V, PMath.Log(v).V), $"log({x:R})");
            Assert.True(Same(PMath.PortableTanh(v).V, PMath.Tanh(v).V), $"tanh({x:R})");
        }

        Assert.Contains(xs, x => !Same(PMath.PortableExp(new R64(x)).V, Math.Exp(x)));
    }

    [Fact]
    public void IntrinsicType_Log1p_Within4UlpsOfAnIndependentReference()
    {
        // 4 ulp: the bound the portable log1p is held to (Log1pTests); Goldberg's x·log(u)/(u − 1) adds at most about
        // one ulp to the backend's log. Ranges: near 0 (tiny, both signs), [−0.5, 1], and up to 1e300.
        static double F(double x) => PMath.Log1p(new R64Intrinsic(x)).V;
        foreach (var xs in new[]
        {
            Samples.LogUniform(33, 1e-300, 1e-4, signed: true, count: Count),
            Samples.Uniform(34, -0.5, 1.0, Count),
            Samples.LogUniform(35, 1.0, 1e300, count: Count),
        })
        {
            var (maxUlps, at) = Samples.MaxUlps(xs, F, Log1pTests.Reference);
            Assert.True(maxUlps <= 4.0, $"max {maxUlps} ulp at x = {at:R}");
        }

        Assert.Equal(double.Epsilon, F(double.Epsilon));
        Assert.Equal(-1e-300, F(-1e-300));
        Assert.Equal(double.NegativeInfinity, F(-1.0));
        Assert.True(double.IsNaN(F(-2.0)));
        Assert.Equal(double.PositiveInfinity, F(double.PositiveInfinity));
    }

    [Theory]

    // mpmath 1.3 ncdf at 40 digits at the double nearest x (the reference values of NormalCdfTests).
    [InlineData(-37.0, 5.72557122252457682268e-300)]
    [InlineData(-20.0, 2.75362411860623369508e-89)]
    [InlineData(-8.0, 6.22096057427178412352e-16)]
    [InlineData(-2.0, 0.0227501319481792072003)]
    [InlineData(-1.0, 0.158655253931457051415)]
    [InlineData(0.3, 0.617911422188952633072)]
    [InlineData(2.0, 0.9772498680518207928)]
    [InlineData(8.0, 0.999999999999999377904)]
    public void IntrinsicType_NormalCdf_MatchesHighPrecisionValues_RelativeErrorBelow2e15(double x, double expected)
    {
        // The portable Φ is held to 1e-15 relative at these points; the backend's exp may add an ulp or two of e^hi
        // (relative 2.2e-16 each), so 2e-15 relative — still a few ulps, never the 1e-3 relative an absolute 1e-15
        // would allow at 1e-12.
        double got = PMath.NormalCdf(new R64Intrinsic(x)).V;
        Assert.True(Math.Abs(got - expected) <= 2e-15 * expected, $"Φ({x}) = {got:R}, expected {expected:R}");
    }

    [Fact]
    public void IntrinsicType_NormalCdf_WithinAFewUlpsOfThePortableOne_WhereverTheResultIsNormal()
    {
        // Φ(x) is a normal double for x > −37.5; below it is subnormal (an ulp there is not relative) and both reach 0
        // near −37.6. Both versions are within 5 ulp of the true value (NormalCdfTests), so within 10 of each other.
        static double Intrinsic(double x) => PMath.NormalCdf(new R64Intrinsic(x)).V;
        static double Portable(double x) => PMath.NormalCdf(new R64(x)).V;
        foreach (var xs in new[]
        {
            Samples.Uniform(36, -37.5, 9.0, Count),
            Samples.LogUniform(37, 1e-300, 37.5, signed: true, count: Count),
        })
        {
            var (maxUlps, at) = Samples.MaxUlps(xs, Intrinsic, Portable);
            Assert.True(maxUlps <= 10.0, $"max {maxUlps} ulp at x = {at:R}");
        }

        Assert.Equal(0.5, Intrinsic(0.0));
        Assert.Equal(1.0, Intrinsic(double.PositiveInfinity));
        Assert.Equal(0.0, Intrinsic(double.NegativeInfinity));
        Assert.True(double.IsNaN(Intrinsic(double.NaN)));
    }
}
