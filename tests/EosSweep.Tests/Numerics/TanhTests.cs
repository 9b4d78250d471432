using EosSweep.Kernels.Numerics;

namespace EosSweep.Tests.Numerics;

public sealed class TanhTests
{
    private static double Tanh(double x) => PMath.Tanh(new R64(x)).V;

    // Measured 3 ulp against Math.Tanh (one division instead of Cephes' separate exp and division).
    [Fact]
    public void Tanh_MatchesMathTanh_Within4Ulps()
    {
        var (maxUlps, at) = Samples.MaxUlps(Samples.Uniform(31, -30.0, 30.0), Tanh, Math.Tanh);
        Assert.True(maxUlps <= 4.0, $"max {maxUlps} ulp at x = {at:R}");
    }

    [Fact]
    public void Tanh_TinyArguments_Within4Ulps()
    {
        var (maxUlps, at) = Samples.MaxUlps(Samples.LogUniform(32, 1e-300, 1e-2, signed: true), Tanh, Math.Tanh);
        Assert.True(maxUlps <= 4.0, $"max {maxUlps} ulp at x = {at:R}");
    }

    [Theory]
    [InlineData(22.0)]
    [InlineData(22.5)]
    [InlineData(40.0)]
    [InlineData(1e6)]
    [InlineData(1e300)]
    [InlineData(double.MaxValue)]
    [InlineData(double.PositiveInfinity)]
    public void Tanh_LargeArguments_AreExactlyOne(double x)
    {
        Assert.Equal(1.0, Tanh(x));
        Assert.Equal(-1.0, Tanh(-x));
    }

    [Fact]
    public void Tanh_SpecialValues()
    {
        Assert.Equal(0.0, Tanh(0.0));
        Assert.True(double.IsNegative(Tanh(-0.0)));
        Assert.Equal(double.Epsilon, Tanh(double.Epsilon));
        Assert.True(double.IsNaN(Tanh(double.NaN)));
    }
}
