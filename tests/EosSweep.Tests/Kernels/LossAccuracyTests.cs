using EosSweep.Kernels.Losses;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Tests.Kernels;

/// <summary>
/// Losses and their derivatives are finite and accurate for |s| up to 1e300 (no overflow of cosh or exp); the square
/// loss's value s²/2 is +∞ exactly where it exceeds the largest double (|s| &gt; 1.9e154), its derivatives stay exact.
/// </summary>
public sealed class LossAccuracyTests
{
    public static IEnumerable<object[]> Arguments()
    {
        double[] mags = [0, 1e-300, 1e-12, 1e-6, 0.01, 0.3, 0.49, 0.5, 1, 2.5, 10, 19, 22, 40, 300, 355, 400, 710, 800, 1e4, 1e5, 1e6, 1e50, 1e154, 1e200, 1e300];
        foreach (var m in mags)
        {
            yield return [m];
            if (m != 0)
            {
                yield return [-m];
            }
        }
    }

    [Theory]
    [MemberData(nameof(Arguments))]
    public void Logistic_IsFiniteAndAccurate(double s)
    {
        double l = LogisticLoss.Evaluate(new R64(s), out var d1, out var d2).V;
        double a = Math.Abs(s);
        double refL = (a / 2) + Math.Log(1 + Math.Exp(-a));
        double refD1 = 0.5 * Math.Tanh(s / 2);
        double refD2 = a > 700 ? 0 : 0.25 / (Math.Cosh(s / 2) * Math.Cosh(s / 2));
        AssertClose(refL, l, 1e-15, 0);
        AssertClose(refD1, d1.V, 1e-15, 1e-300);
        AssertClose(refD2, d2.V, 1e-14, 1e-300);
    }

    [Theory]
    [MemberData(nameof(Arguments))]
    public void Sqrt_IsFiniteAndAccurate(double s)
    {
        double l = SqrtLoss.Evaluate(new R64(s), out var d1, out var d2).V;
        double refL = Math.Abs(s) > 1e150 ? Math.Abs(s) : Math.Sqrt(1 + (s * s));
        AssertClose(refL, l, 1e-15, 0);
        AssertClose(s / refL, d1.V, 1e-15, 0);
        AssertClose(1 / (refL * refL * refL), d2.V, 1e-14, 1e-300);
    }

    [Theory]
    [MemberData(nameof(Arguments))]
    public void LogCosh_IsFiniteAndAccurate(double s)
    {
        double l = LogCoshLoss.Evaluate(new R64(s), out var d1, out var d2).V;
        double a = Math.Abs(s);

        // Reference, from Math only: Taylor series near 0, log1p(2·sinh²(s/2)) (Goldberg's log1p over Math.Log) up to 20,
        // |s| − log 2 + e^{−2|s|} beyond.
        double x2 = a * a;
        double u = 2 * Math.Sinh(a / 2) * Math.Sinh(a / 2);
        double refL = a < 0.02 ? x2 * (0.5 - (x2 * ((1.0 / 12) - (x2 * ((1.0 / 45) - (x2 * 17.0 / 2520)))))) :
            a < 20 ? Math.Log(1 + u) * u / ((1 + u) - 1) : a - Math.Log(2) + Math.Exp(-2 * a);
        double refD2 = a > 350 ? 0 : 1 / (Math.Cosh(s) * Math.Cosh(s));
        AssertClose(refL, l, 2e-15, 0);
        AssertClose(Math.Tanh(s), d1.V, 1e-15, 0);
        AssertClose(refD2, d2.V, 1e-14, 1e-300);
    }

    [Theory]
    [MemberData(nameof(Arguments))]
    public void Square_IsFiniteAndExact(double s)
    {
        double l = SquareLoss.Evaluate(new R64(s), out var d1, out var d2).V;
        Assert.Equal(0.5 * (s * s), l);
        Assert.Equal(Math.Abs(s) > 1.9e154, double.IsInfinity(l));
        Assert.Equal(s, d1.V);
        Assert.Equal(1.0, d2.V);
    }

    private static void AssertClose(double expected, double actual, double rel, double abs)
    {
        Assert.True(double.IsFinite(actual), $"not finite: {actual}");
        Assert.True(Math.Abs(expected - actual) <= Math.Max(abs, rel * Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");
    }
}
