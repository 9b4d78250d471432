namespace EosSweep.Tests.Kernels.Independent;

/// <summary>
/// cosine from the README, with k = 2π/λ: additive L = x² + δ·cos kx, L' = 2x − δk·sin kx, L'' = 2 − δk²·cos kx;
/// multiplicative L = x²(1 + δ·cos kx), L' = 2x(1 + δ·cos kx) − δk·x²·sin kx,
/// L'' = 2(1 + δ·cos kx) − 4δk·x·sin kx − δk²·x²·cos kx. System.Math's sin and cos.
/// </summary>
internal sealed class CosineReference(bool multiplicative, double eta, double delta, double lambda, double x0) : IReferenceModel
{
    private readonly double _k = 2 * Math.PI / lambda;

    public double Eta => eta;

    public double[] Start => [x0];

    public double Loss(double[] t)
    {
        double x = t[0], c = Math.Cos(_k * x);
        return multiplicative ? x * x * (1 + (delta * c)) : (x * x) + (delta * c);
    }

    public double Sharpness(double[] t)
    {
        double x = t[0], c = Math.Cos(_k * x), s = Math.Sin(_k * x);
        return multiplicative
            ? (2 * (1 + (delta * c))) - (4 * delta * _k * x * s) - (delta * _k * _k * x * x * c)
            : 2 - (delta * _k * _k * c);
    }

    public double[] Next(double[] t)
    {
        double x = t[0], c = Math.Cos(_k * x), s = Math.Sin(_k * x);
        double gradient = multiplicative
            ? (2 * x * (1 + (delta * c))) - (delta * _k * x * x * s)
            : (2 * x) - (delta * _k * s);
        return [x - (eta * gradient)];
    }
}
