using EosSweep.Kernels.Numerics;

namespace EosSweep.Tests.Numerics;

public sealed class ExpTests
{
    private static double Exp(double x) => PMath.Exp(new R64(x)).V;

    private static double Reciprocal(double a)
    {
        PMath.ExpNeg(new R64(a), out _, out var inv);
        return inv.V;
    }

    // Math.Exp is within about 0.5 ulp of e^x, so 2 ulp against it leaves room for Cephes' own ~1 ulp.
    [Theory]
    [InlineData(1, -700.0, 709.0)]
    [InlineData(2, -1.0, 1.0)]
    [InlineData(3, -707.0, -690.0)]
    public void Exp_MatchesMathExp_Within2Ulps(int seed, double lo, double hi)
    {
        var (maxUlps, at) = Samples.MaxUlps(Samples.Uniform(seed, lo, hi), Exp, Math.Exp);
        Assert.True(maxUlps <= 2.0, $"max {maxUlps} ulp at x = {at:R}");
    }

    // The logistic reciprocal 1/(1 + e^−a) that ExpNeg forms from its Padé quotient. The reference 1/(1 + Math.Exp(−a))
    // rounds three times (about 1.5 ulp at worst), so 2 ulp against it leaves room for the quotient's own rounding.
    [Theory]
    [InlineData(4, 0.0, 1.0)]
    [InlineData(5, 0.0, 40.0)]
    [InlineData(6, 690.0, 720.0)]
    public void ExpNegReciprocal_MatchesOneOverOnePlusExp_Within2Ulps(int seed, double lo, double hi)
    {
        var (maxUlps, at) = Samples.MaxUlps(Samples.Uniform(seed, lo, hi), Reciprocal, a => 1.0 / (1.0 + Math.Exp(-a)));
        Assert.True(maxUlps <= 2.0, $"max {maxUlps} ulp at a = {at:R}");
    }

    [Fact]
    public void ExpNegReciprocal_SpecialValues()
    {
        Assert.Equal(0.5, Reciprocal(0.0));
        Assert.Equal(1.0, Reciprocal(800.0));
        Assert.Equal(1.0, Reciprocal(double.PositiveInfinity));
        Assert.True(double.IsNaN(Reciprocal(double.NaN)));
    }

    [Fact]
    public void Exp_SpecialValues()
    {
        Assert.Equal(1.0, Exp(0.0));
        Assert.Equal(1.0, Exp(-0.0));
        Assert.Equal(0.0, Exp(double.NegativeInfinity));
        Assert.Equal(double.PositiveInfinity, Exp(double.PositiveInfinity));
        Assert.Equal(double.PositiveInfinity, Exp(710.0));
        Assert.True(double.IsNaN(Exp(double.NaN)));
    }

    [Fact]
    public void Exp_BelowTwoToMinus1020_FlushesToZero()
    {
        // By design (flush rule): −1020·ln 2 ≈ −707.01 is the last argument with a nonzero result.
        Assert.Equal(0.0, Exp(-708.0));
        Assert.Equal(0.0, Exp(-707.02));
        Assert.True(Exp(-707.0) > 0.0);
        Assert.True(Ulps.Between(Exp(-707.0), Math.Exp(-707.0)) <= 2.0);
    }

    [Fact]
    public void Exp_AtOverflowThreshold_IsFinite()
    {
        // fdlibm's o_threshold = 1024·ln 2 rounded down: the largest x whose e^x is finite.
        const double threshold = 7.09782712893383973096e+02;
        Assert.True(double.IsFinite(Exp(threshold)));
        Assert.True(Ulps.Between(Exp(threshold), Math.Exp(threshold)) <= 2.0);
        Assert.Equal(double.PositiveInfinity, Exp(Math.BitIncrement(threshold)));
    }
}
