namespace EosSweep.Tests.Kernels.Independent;

/// <summary>
/// mean from the README: θ = (a₊, a₋, b), G = d·g(b), g(b) = b·Φ(b) + φ(b), A = a₊ + a₋, f = G·A, L = ℓ(f);
/// ∇f = (G, G, d·Φ(b)·A) and, as g' = Φ and g'' = φ, ∇²f has d·Φ(b) in the (a±, b) entries and d·φ(b)·A in (b, b);
/// the Hessian ℓ''·∇f∇fᵀ + ℓ'·∇²f, its largest eigenvalue by Jacobi. Φ from <see cref="NormalCdf"/>.
/// </summary>
internal sealed class MeanReference(string loss, double eta, double aPlus0, double aMinus0, double b0, int d) : IReferenceModel
{
    public double Eta => eta;

    public double[] Start => [aPlus0, aMinus0, b0];

    public double Loss(double[] t) => ReferenceLoss.Value(loss, Output(t, out _, out _, out _), out _, out _);

    public double Sharpness(double[] t)
    {
        double f = Output(t, out double big, out double cdf, out double pdf);
        ReferenceLoss.Value(loss, f, out double d1, out double d2);
        double a = t[0] + t[1];
        double[] grad = [big, big, d * cdf * a];
        var h = new double[3, 3];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                h[i, j] = d2 * grad[i] * grad[j];
            }
        }

        for (int i = 0; i < 2; i++)
        {
            h[i, 2] += d1 * d * cdf;
            h[2, i] += d1 * d * cdf;
        }

        h[2, 2] += d1 * d * pdf * a;
        return Jacobi.Eigenvalues(h).Max();
    }

    public double[] Next(double[] t)
    {
        double f = Output(t, out double big, out double cdf, out _);
        ReferenceLoss.Value(loss, f, out double d1, out _);
        double a = t[0] + t[1];
        return [t[0] - (eta * d1 * big), t[1] - (eta * d1 * big), t[2] - (eta * d1 * d * cdf * a)];
    }

    private double Output(double[] t, out double big, out double cdf, out double pdf)
    {
        double b = t[2];
        cdf = NormalCdf.Cdf(b);
        pdf = Math.Exp(-b * b / 2) / Math.Sqrt(2 * Math.PI);
        big = d * ((b * cdf) + pdf);
        return big * (t[0] + t[1]);
    }
}
