namespace EosSweep.Tests.Kernels.Independent;

/// <summary>
/// xy from the README: L(x, y) = ℓ(xy), x' = x − η·ℓ'(xy)·y, y' = y − η·ℓ'(xy)·x, sharpness the larger eigenvalue of
/// [[ℓ''y², ℓ''xy + ℓ'], [ℓ''xy + ℓ', ℓ''x²]] (closed form of a symmetric 2×2).
/// </summary>
internal sealed class XyReference(string loss, double eta, double x0, double y0) : IReferenceModel
{
    public double Eta => eta;

    public double[] Start => [x0, y0];

    public double Loss(double[] t) => ReferenceLoss.Value(loss, t[0] * t[1], out _, out _);

    public double Sharpness(double[] t)
    {
        double x = t[0], y = t[1];
        ReferenceLoss.Value(loss, x * y, out double d1, out double d2);
        return TwoByTwo.LargestEigenvalue(d2 * y * y, (d2 * x * y) + d1, d2 * x * x);
    }

    public double[] Next(double[] t)
    {
        double x = t[0], y = t[1];
        ReferenceLoss.Value(loss, x * y, out double d1, out _);
        return [x - (eta * d1 * y), y - (eta * d1 * x)];
    }
}
