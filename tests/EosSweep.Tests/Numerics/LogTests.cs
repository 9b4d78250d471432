using EosSweep.Kernels.Numerics;

namespace EosSweep.Tests.Numerics;

public sealed class LogTests
{
    private static double Log(double x) => PMath.Log(new R64(x)).V;

    // Measured 1 ulp against Math.Log on every range below; 2 leaves room for the reference's own rounding.
    [Fact]
    public void Log_LogUniformOverTheRange_Within2Ulps() => AssertWithin2Ulps(Samples.LogUniform(11, 1e-300, 1e300));

    [Fact]
    public void Log_NearOne_Within2Ulps() => AssertWithin2Ulps(Samples.Uniform(12, 1.0 - 1e-3, 1.0 + 1e-3));

    [Fact]
    public void Log_Subnormals_Within2Ulps()
    {
        AssertWithin2Ulps(Samples.LogUniform(13, 5e-324, 1e-310));
        AssertWithin2Ulps(new[] { double.Epsilon, 1e-323, 1e-310, 2.2250738585072009E-308 });
    }

    [Fact]
    public void Log_SpecialValues()
    {
        Assert.Equal(double.NegativeInfinity, Log(0.0));
        Assert.Equal(double.NegativeInfinity, Log(-0.0));
        Assert.Equal(0.0, Log(1.0));
        Assert.True(double.IsNaN(Log(-1.0)));
        Assert.True(double.IsNaN(Log(double.NegativeInfinity)));
        Assert.True(double.IsNaN(Log(double.NaN)));
        Assert.Equal(double.PositiveInfinity, Log(double.PositiveInfinity));
        Assert.True(Ulps.Between(Log(double.MaxValue), Math.Log(double.MaxValue)) <= 2.0);
    }

    private static void AssertWithin2Ulps(double[] xs)
    {
        var (maxUlps, at) = Samples.MaxUlps(xs, Log, Math.Log);
        Assert.True(maxUlps <= 2.0, $"max {maxUlps} ulp at x = {at:R}");
    }
}
