namespace EosSweep.Tests.Kernels;

/// <summary>Central finite differences, the reference the analytic gradients and Hessians are checked against.</summary>
internal static class FiniteDifferences
{
    /// <summary>∂f/∂θ_k for every k: (f(θ + h·e_k) − f(θ − h·e_k)) / 2h.</summary>
    public static double[] Gradient(Func<double[], double> f, double[] theta, double h)
    {
        var g = new double[theta.Length];
        for (int k = 0; k < theta.Length; k++)
        {
            g[k] = (f(Shift(theta, k, h)) - f(Shift(theta, k, -h))) / (2 * h);
        }

        return g;
    }

    /// <summary>The Hessian from central differences of an analytic gradient, symmetrised.</summary>
    public static double[,] Hessian(Func<double[], double[]> gradient, double[] theta, double h)
    {
        int n = theta.Length;
        var hess = new double[n, n];
        for (int k = 0; k < n; k++)
        {
            var gp = gradient(Shift(theta, k, h));
            var gm = gradient(Shift(theta, k, -h));
            for (int j = 0; j < n; j++)
            {
                hess[j, k] = (gp[j] - gm[j]) / (2 * h);
            }
        }

        for (int j = 0; j < n; j++)
        {
            for (int k = 0; k < j; k++)
            {
                hess[j, k] = hess[k, j] = 0.5 * (hess[j, k] + hess[k, j]);
            }
        }

        return hess;
    }

    private static double[] Shift(double[] theta, int k, double h)
    {
        var t = (double[])theta.Clone();
        t[k] += h;
        return t;
    }
}
