namespace EosSweep.Tests.Numerics;

/// <summary>Seeded sample generators for the accuracy sweeps (System.Random's seeded sequence is stable).</summary>
internal static class Samples
{
    /// <summary>Samples per range: enough to find the worst few ulps, few enough for a fast suite.</summary>
    public const int PerRange = 200_000;

    /// <summary><paramref name="count"/> values uniform in [lo, hi).</summary>
    public static double[] Uniform(int seed, double lo, double hi, int count = PerRange)
    {
        var rng = new Random(seed);
        var xs = new double[count];
        for (int i = 0; i < count; i++)
        {
            xs[i] = lo + ((hi - lo) * rng.NextDouble());
        }

        return xs;
    }

    /// <summary><paramref name="count"/> values log-uniform in [lo, hi) (0 &lt; lo &lt; hi), optionally with random signs.</summary>
    public static double[] LogUniform(int seed, double lo, double hi, bool signed = false, int count = PerRange)
    {
        var rng = new Random(seed);
        double a = Math.Log(lo), b = Math.Log(hi);
        var xs = new double[count];
        for (int i = 0; i < count; i++)
        {
            double x = Math.Exp(a + ((b - a) * rng.NextDouble()));
            xs[i] = signed && rng.Next(2) == 0 ? -x : x;
        }

        return xs;
    }

    /// <summary>The largest ulp distance of f from reference over xs, and where it occurs.</summary>
    public static (double MaxUlps, double At) MaxUlps(double[] xs, Func<double, double> f, Func<double, double> reference)
    {
        double max = 0.0, at = double.NaN;
        foreach (double x in xs)
        {
            double d = Ulps.Between(f(x), reference(x));
            if (d > max)
            {
                max = d;
                at = x;
            }
        }

        return (max, at);
    }
}
