using EosSweep.Kernels.Numerics;

namespace EosSweep.Tests.Numerics;

public sealed class NormalCdfTests
{
    private static double Phi(double x) => PMath.NormalCdf(new R64(x)).V;

    // Reference values: mpmath 1.3 ncdf at 40 digits, at the double nearest the listed x, printed to 21
    // digits. Measured worst: 5 ulp (7.4e-16) for x in (−2.5, −1.2), where the rounding of x/√2 is
    // amplified up to 4×; 3 ulp elsewhere, including the deep lower tail.
    [Theory]
    [InlineData(-37.0, 5.72557122252457682268e-300)]
    [InlineData(-30.0, 4.90671392714818705953e-198)]
    [InlineData(-20.0, 2.75362411860623369508e-89)]
    [InlineData(-15.0, 3.67096619931275088579e-51)]
    [InlineData(-10.0, 7.61985302416052606597e-24)]
    [InlineData(-8.0, 6.22096057427178412352e-16)]
    [InlineData(-7.0, 1.27981254388583500438e-12)]
    [InlineData(-6.0, 9.86587645037698140701e-10)]
    [InlineData(-5.0, 2.86651571879193911674e-7)]
    [InlineData(-4.0, 0.0000316712418331199212538)]
    [InlineData(-3.0, 0.00134989803163009452665)]
    [InlineData(-2.0, 0.0227501319481792072003)]
    [InlineData(-1.5, 0.0668072012688580660045)]
    [InlineData(-1.0, 0.158655253931457051415)]
    [InlineData(-0.5, 0.308537538725986896362)]
    [InlineData(0.3, 0.617911422188952633072)]
    [InlineData(1.0, 0.841344746068542948585)]
    [InlineData(1.5, 0.933192798731141933996)]
    [InlineData(2.0, 0.9772498680518207928)]
    [InlineData(3.0, 0.998650101968369905473)]
    [InlineData(5.0, 0.999999713348428120806)]
    [InlineData(8.0, 0.999999999999999377904)]
    public void NormalCdf_KnownValues_RelativeErrorBelow1e15(double x, double expected)
    {
        double got = Phi(x);
        Assert.True(Math.Abs(got - expected) <= 1e-15 * expected, $"Φ({x}) = {got:R}, expected {expected:R}");
    }

    [Fact]
    public void NormalCdf_IsMonotone_OnAFineGrid()
    {
        double previous = Phi(-37.5);
        for (int k = 1; k <= 232_500; k++)
        {
            double x = -37.5 + (k * 2e-4);
            double p = Phi(x);
            if (p < previous)
            {
                Assert.Fail($"Φ({x:R}) = {p:R} < Φ(previous) = {previous:R}");
            }

            previous = p;
        }
    }

    [Theory]
    [InlineData(-0.3535533905932738)]  // u = −x/√2 = 0.25: erfc's two forms on [0, 0.84375)
    [InlineData(-1.193242693252299)]   // u = 0.84375
    [InlineData(1.193242693252299)]    // u = −0.84375
    [InlineData(-1.7677669529663689)]  // u = 1.25: the tail formula starts
    [InlineData(1.7677669529663689)]
    [InlineData(-4.040610178208843)]   // u = 1/0.35: ra/sa to rb/sb
    [InlineData(4.040610178208843)]
    public void NormalCdf_IsMonotone_AcrossIntervalBoundaries(double boundary)
    {
        double previous = Phi(boundary - 1e-6);
        for (int k = 1; k <= 2_000; k++)
        {
            double x = boundary - 1e-6 + (k * 1e-9);
            double p = Phi(x);
            if (p < previous)
            {
                Assert.Fail($"Φ({x:R}) = {p:R} < Φ(previous) = {previous:R}");
            }

            previous = p;
        }
    }

    [Fact]
    public void NormalCdf_Limits()
    {
        Assert.Equal(0.5, Phi(0.0));
        Assert.Equal(0.5, Phi(-0.0));
        Assert.Equal(1.0, Phi(40.0));
        Assert.Equal(1.0, Phi(double.PositiveInfinity));
        Assert.Equal(0.0, Phi(double.NegativeInfinity));
        Assert.True(Phi(-40.0) >= 0.0 && Phi(-40.0) < 1e-300);
        Assert.True(double.IsNaN(Phi(double.NaN)));
    }

    [Fact]
    public void NormalCdf_IsFinite_ForEveryFiniteInput()
    {
        foreach (double x in Samples.LogUniform(51, 1e-3, 1e300, signed: true, count: 20_000))
        {
            double p = Phi(x);
            if (!(p >= 0.0 && p <= 1.0))
            {
                Assert.Fail($"Φ({x:R}) = {p:R}");
            }
        }
    }
}
