using EosSweep.Kernels.Numerics;

namespace EosSweep.Tests.Numerics;

/// <summary>
/// <see cref="R64Intrinsic"/> routes exp, log and tanh — and everything built on them — to the backend's own math
/// (.NET's on the CPU, libdevice on CUDA), while <see cref="R64"/> keeps the project's portable math.
/// </summary>
public sealed class IntrinsicMathTests
{
    [Theory]
    [InlineData(-3.7)]
    [InlineData(0.4)]
    [InlineData(12.5)]
    [InlineData(700.0)]
    public void IntrinsicType_UsesTheBackendsExpLogTanh(double x)
    {
        var v = new R64Intrinsic(x);
        Assert.Equal(Math.Exp(x), PMath.Exp(v).V);
        Assert.Equal(Math.Tanh(x), PMath.Tanh(v).V);
        Assert.Equal(Math.Log(Math.Abs(x)), PMath.Log(R64Intrinsic.Abs(v)).V);
    }

    [Fact]
    public void ProjectType_KeepsThePortableMath()
    {
        var x = new R64(0.3);
        Assert.Equal(PMath.PortableExp(x).V, PMath.Exp(x).V);
        Assert.Equal(PMath.PortableLog(x).V, PMath.Log(x).V);
        Assert.Equal(PMath.PortableTanh(x).V, PMath.Tanh(x).V);
    }

    [Fact]
    public void IntrinsicType_DerivedFunctions_StayAccurate()
    {
        // log1p, erf and Φ are built from exp/log: with the backend's versions they stay within a few ulps.
        foreach (double x in new[] { 1e-12, 0.01, 0.7, 3.0 })
        {
            var v = new R64Intrinsic(x);
            Assert.Equal(PMath.Log1p(new R64(x)).V, PMath.Log1p(v).V, 1e-15 * Math.Max(1, PMath.Log1p(new R64(x)).V));
            Assert.Equal(PMath.NormalCdf(new R64(x)).V, PMath.NormalCdf(v).V, 1e-15);
        }
    }
}
