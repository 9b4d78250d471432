using EosSweep.Kernels.Numerics;

namespace EosSweep.Tests.Numerics;

public sealed class SinglePrecisionMathTests
{
    // References are the double results rounded to float: Math.Exp/Math.Tanh, and for Φ this project's
    // f64 NormalCdf (within 5 double ulps, far below a float ulp).
    [Fact]
    public void Exp_F32_Within4FloatUlps() =>
        AssertWithin(Samples.Uniform(71, -85.0, 88.0), x => PMath.Exp(new R32(x)).V, Math.Exp, 4.0);

    [Fact]
    public void Tanh_F32_Within4FloatUlps() =>
        AssertWithin(Samples.Uniform(72, -10.0, 10.0), x => PMath.Tanh(new R32(x)).V, Math.Tanh, 4.0);

    // Measured 5 float ulps near x = −1.7, like f64: the rounding of x/√2 is amplified up to 4× there.
    [Fact]
    public void NormalCdf_F32_Within6FloatUlps() =>
        AssertWithin(Samples.Uniform(73, -9.0, 5.0), x => PMath.NormalCdf(new R32(x)).V, x => PMath.NormalCdf(new R64(x)).V, 6.0);

    [Fact]
    public void Erfc_F32_Within4FloatUlps() =>
        AssertWithin(Samples.Uniform(74, -3.0, 9.0), x => PMath.Erfc(new R32(x)).V, x => PMath.Erfc(new R64(x)).V, 4.0);

    [Fact]
    public void F32_Limits()
    {
        Assert.Equal(0.0f, PMath.Exp(new R32(-90.0f)).V);
        Assert.Equal(float.PositiveInfinity, PMath.Exp(new R32(89.0f)).V);
        Assert.Equal(1.0f, PMath.Tanh(new R32(1e30f)).V);
        Assert.Equal(0.0f, PMath.NormalCdf(new R32(-40.0f)).V);
        Assert.Equal(1.0f, PMath.NormalCdf(new R32(40.0f)).V);
        Assert.Equal(0.0f, PMath.Erfc(new R32(float.PositiveInfinity)).V);
        Assert.True(float.IsNaN(PMath.NormalCdf(new R32(float.NaN)).V));
    }

    private static void AssertWithin(double[] samples, Func<float, float> f, Func<double, double> reference, double bound)
    {
        double worst = 0.0;
        float at = float.NaN;
        foreach (double s in samples)
        {
            float x = (float)s;
            double d = Ulps.Between(f(x), (float)reference(x));
            if (d > worst)
            {
                worst = d;
                at = x;
            }
        }

        Assert.True(worst <= bound, $"max {worst} float ulp at x = {at:R}");
    }
}
