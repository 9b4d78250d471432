using EosSweep.Tests.Kernels;

namespace EosSweep.Tests.SparseCoding;

/// <summary>The per-coordinate second layer (2d + 1 parameters): reduction to the shared model, finite differences, power iteration.</summary>
public sealed class PerCoordinateTests(PerCoordinateFixture data) : IClassFixture<PerCoordinateFixture>
{
    private int P => (2 * data.D) + 1;

    [Theory]
    [InlineData(0.1, -0.05, 0.0)]
    [InlineData(0.3, 0.2, -0.8)]
    [InlineData(-0.2, 0.4, 0.6)]
    public void EqualWeights_ReduceToTheSharedModel(double ap, double am, double b)
    {
        var theta = Enumerable.Repeat(ap, data.D).Concat(Enumerable.Repeat(am, data.D)).Append(b).ToArray();
        var per = data.At(theta);
        var shared = data.Model(ap, am, b);
        var pi = per.Step();
        var si = shared.Step();
        Assert.Equal(si.Loss.V, pi.Loss.V, 12);
        var after = data.Theta(per);
        double gPlus = Enumerable.Range(0, data.D).Sum(i => theta[i] - after[i]);
        double gMinus = Enumerable.Range(data.D, data.D).Sum(i => theta[i] - after[i]);
        Assert.Equal(ap - shared.APlus.V, gPlus, 12);
        Assert.Equal(am - shared.AMinus.V, gMinus, 12);
        Assert.Equal(b - shared.B.V, b - after[^1], 12);
    }

    [Fact]
    public void Gradient_EqualsCentralDifferences()
    {
        const double h = 1e-6;
        var theta = Point(1);
        var g = Gradient(theta);
        var fd = FiniteDifferences.Gradient(t => data.At(t).Evaluate().Loss.V, theta, h);
        for (int k = 0; k < P; k++)
        {
            Assert.True(Math.Abs(fd[k] - g[k]) <= 1e-6 * Math.Max(1, Math.Abs(g[k])), $"∂{k}: analytic {g[k]:R}, fd {fd[k]:R}");
        }
    }

    [Fact]
    public void PowerIterationSharpness_EqualsTopEigenvalueOfFiniteDifferenceHessian()
    {
        const double h = 1e-6;
        var theta = Point(2);
        var hess = FiniteDifferences.Hessian(Gradient, theta, h);
        var eig = Jacobi.Eigenvalues(hess);
        double top = eig.Max();
        Assert.True(top >= -eig.Min(), "the test point must have its largest-magnitude eigenvalue positive");

        // Each Evaluate runs 30 warm-started power iterations; a few of them converge on this small Hessian.
        var m = data.At(theta);
        double sharp = 0;
        for (int r = 0; r < 10; r++)
        {
            sharp = m.Evaluate().Sharpness.V;
        }

        Assert.True(Math.Abs(top - sharp) <= 1e-5 * Math.Max(1, top), $"power iteration {sharp:R}, fd Hessian {top:R}");
    }

    private double[] Point(int seed)
    {
        var rng = new Random(seed);
        var t = new double[P];
        for (int k = 0; k < P; k++)
        {
            t[k] = (rng.NextDouble() - 0.5) * 0.6;
        }

        t[^1] = 0.3;
        return t;
    }

    private double[] Gradient(double[] theta)
    {
        var m = data.At(theta);
        m.Step();
        var after = data.Theta(m);
        return theta.Select((v, k) => v - after[k]).ToArray();
    }
}
