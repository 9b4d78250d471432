namespace EosSweep.Tests.Kernels.Independent;

/// <summary>
/// quartic from the README: L(x, y) = ¼(x²y² − 1)², with q = x²y²: ∂L/∂x = (q − 1)·x·y², ∂L/∂y = (q − 1)·x²·y, and
/// the Hessian [[y²(3q − 1), 2xy(2q − 1)], [·, x²(3q − 1)]] (re-derived by hand from L, closed form of a 2×2).
/// </summary>
internal sealed class QuarticReference(double eta, double x0, double y0) : IReferenceModel
{
    public double Eta => eta;

    public double[] Start => [x0, y0];

    public double Loss(double[] t)
    {
        double r = (t[0] * t[0] * t[1] * t[1]) - 1;
        return r * r / 4;
    }

    public double Sharpness(double[] t)
    {
        double x = t[0], y = t[1], q = x * x * y * y;
        return TwoByTwo.LargestEigenvalue(y * y * ((3 * q) - 1), 2 * x * y * ((2 * q) - 1), x * x * ((3 * q) - 1));
    }

    public double[] Next(double[] t)
    {
        double x = t[0], y = t[1], q = x * x * y * y;
        return [x - (eta * (q - 1) * x * y * y), y - (eta * (q - 1) * x * x * y)];
    }
}
