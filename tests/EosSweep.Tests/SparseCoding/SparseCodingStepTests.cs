using EosSweep.Kernels.Models;
using EosSweep.Kernels.Numerics;
using EosSweep.Tests.Kernels;

namespace EosSweep.Tests.SparseCoding;

/// <summary>The fast step against the direct O(n·d) one, and both against finite differences.</summary>
public sealed class SparseCodingStepTests(SparseCodingFixture data) : IClassFixture<SparseCodingFixture>
{
    private const int Direct = 1 << 8;

    public static IEnumerable<object[]> RandomPoints()
    {
        var rng = new Random(20231);
        for (int i = 0; i < 60; i++)
        {
            yield return [(rng.NextDouble() - 0.5) * 0.6, (rng.NextDouble() - 0.5) * 0.6, (rng.NextDouble() - 0.5) * 6];
        }
    }

    [Theory]
    [MemberData(nameof(RandomPoints))]
    public void FastStep_EqualsDirectStep(double ap, double am, double b) => AssertFastEqualsDirect(ap, am, b);

    [Fact]
    public void FastStep_EqualsDirectStep_AtExactZeroCrossings()
    {
        // b = −x and b = +x for data values x make ReLU(x + b) or ReLU(−x + b) exactly 0 (inactive by convention).
        foreach (var (k, i) in new[] { (0, 0), (7, 25), (42, 49), (99, 13) })
        {
            double x = data.TrainValue(k, i);
            AssertFastEqualsDirect(0.11, -0.07, -x);
            AssertFastEqualsDirect(-0.2, 0.15, x);
        }

        AssertFastEqualsDirect(0.1, 0.1, 0.0);
    }

    [Theory]
    [InlineData(0.05, -0.03, 0.0)]
    [InlineData(0.3, -0.25, -1.2)]
    [InlineData(-0.1, 0.2, 0.7)]
    [InlineData(0.02, 0.01, -2.5)]
    public void Gradient_EqualsCentralDifferences(double ap, double am, double b)
    {
        const double h = 1e-6;
        double[] theta = [ap, am, b];
        var g = Gradient(theta);
        var fd = FiniteDifferences.Gradient(Loss, theta, h);
        for (int k = 0; k < 3; k++)
        {
            Assert.True(Math.Abs(fd[k] - g[k]) <= 1e-6 * Math.Max(1, Math.Abs(g[k])), $"∂{k}: analytic {g[k]:R}, fd {fd[k]:R}");
        }
    }

    [Theory]
    [InlineData(0.05, -0.03, 0.0)]
    [InlineData(0.3, -0.25, -1.2)]
    [InlineData(-0.1, 0.2, 0.7)]
    public void Sharpness_EqualsTopEigenvalueOfFiniteDifferenceHessian(double ap, double am, double b)
    {
        const double h = 1e-6;
        double[] theta = [ap, am, b];
        var hess = FiniteDifferences.Hessian(Gradient, theta, h);
        double top = Math.Max(0, Jacobi.Eigenvalues(hess).Max());
        var m = data.Model(ap, am, b);
        double sharp = m.Step().Sharpness.V;
        Assert.True(Math.Abs(top - sharp) <= 1e-5 * Math.Max(1, sharp), $"sharpness {sharp:R}, fd Hessian {top:R}");
    }

    [Fact]
    public void MaxEigenvalue3_MatchesJacobi_IncludingRepeatedEigenvalues()
    {
        var rng = new Random(7);
        for (int t = 0; t < 200; t++)
        {
            var m = new double[3, 3];
            for (int i = 0; i < 3; i++)
            {
                for (int j = 0; j <= i; j++)
                {
                    m[i, j] = m[j, i] = (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-3, 4));
                }
            }

            if (t % 10 == 0)
            {
                m = new double[,] { { 2, 0, 0 }, { 0, 2, 0 }, { 0, 0, 2 - t } };
            }

            double expected = Jacobi.Eigenvalues(m).Max();
            double got = PMath.MaxEigenvalue3(new R64(m[0, 0]), new R64(m[0, 1]), new R64(m[0, 2]), new R64(m[1, 1]), new R64(m[1, 2]), new R64(m[2, 2])).V;
            double scale = Math.Max(1e-300, Math.Sqrt(m.Cast<double>().Sum(v => v * v)));
            Assert.True(Math.Abs(expected - got) <= 1e-12 * scale, $"case {t}: Jacobi {expected:R}, Newton {got:R}");
        }
    }

    private void AssertFastEqualsDirect(double ap, double am, double b)
    {
        var fast = data.Model(ap, am, b);
        var direct = data.Model(ap, am, b, flags: Direct);
        var f = fast.Step();
        var d = direct.Step();
        AssertClose(d.Loss.V, f.Loss.V);
        AssertClose(d.Sharpness.V, f.Sharpness.V);
        AssertClose(ap - direct.APlus.V, ap - fast.APlus.V);
        AssertClose(am - direct.AMinus.V, am - fast.AMinus.V);
        AssertClose(b - direct.B.V, b - fast.B.V);
        Assert.Equal(direct.Extra(0), fast.Extra(0));
    }

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= (1e-12 * Math.Max(Math.Abs(expected), Math.Abs(actual))) + 1e-15,
            $"direct {expected:R}, fast {actual:R}");

    private double Loss(double[] t) => data.Model(t[0], t[1], t[2]).Step().Loss.V;

    private double[] Gradient(double[] t)
    {
        // One step at η = 1: ∇L = θ − θ'.
        var m = data.Model(t[0], t[1], t[2]);
        m.Step();
        return [t[0] - m.APlus.V, t[1] - m.AMinus.V, t[2] - m.B.V];
    }
}
