namespace EosSweep.Tests.Kernels.Independent;

/// <summary>
/// uv from the README, L = ½(vᵀu/√m − y)², run as vector GD rather than through the README's closed recurrences: the
/// state θ = (a, b, c) = (|u|², |v|², u·v) is realised by u = (√a, 0), v = (c/√a, √(b − c²/a)) (GD never leaves
/// span(u₀, v₀), and L, ∇L depend on u, v only through their Gram matrix), one step u' = u − η·e·s·v,
/// v' = v − η·e·s·u (s = 1/√m, e = s·u·v − y) is taken in R², and θ' is read back. The sharpness is the largest
/// eigenvalue of the Hessian z zᵀ + e·s·[[0, I], [I, 0]] (z = s·(v, u)) on that 4-dimensional block, by Jacobi, and
/// |e|·s from the 2m − 4 directions outside it when m &gt; 2.
/// </summary>
internal sealed class UvReference(double eta, int m, double y, double a0, double b0, double c0) : IReferenceModel
{
    private readonly double _s = 1 / Math.Sqrt(m);

    public double Eta => eta;

    public double[] Start => [a0, b0, c0];

    public double Loss(double[] t)
    {
        double e = (_s * t[2]) - y;
        return e * e / 2;
    }

    public double Sharpness(double[] t)
    {
        Vectors(t, out var u, out var v);
        double e = (_s * t[2]) - y;
        double[] z = [_s * v[0], _s * v[1], _s * u[0], _s * u[1]];
        var h = new double[4, 4];
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                h[i, j] = z[i] * z[j];
            }
        }

        for (int i = 0; i < 2; i++)
        {
            h[i, i + 2] += e * _s;
            h[i + 2, i] += e * _s;
        }

        double block = Jacobi.Eigenvalues(h).Max();
        return m > 2 ? Math.Max(block, Math.Abs(e) * _s) : block;
    }

    public double[] Next(double[] t)
    {
        Vectors(t, out var u, out var v);
        double g = eta * ((_s * t[2]) - y) * _s;
        double[] un = [u[0] - (g * v[0]), u[1] - (g * v[1])];
        double[] vn = [v[0] - (g * u[0]), v[1] - (g * u[1])];
        return [(un[0] * un[0]) + (un[1] * un[1]), (vn[0] * vn[0]) + (vn[1] * vn[1]), (un[0] * vn[0]) + (un[1] * vn[1])];
    }

    private static void Vectors(double[] t, out double[] u, out double[] v)
    {
        double a = t[0], b = t[1], c = t[2];
        double ua = Math.Sqrt(a);
        u = [ua, 0];
        double v0 = c / ua;
        v = [v0, Math.Sqrt(Math.Max(b - (v0 * v0), 0))];
    }
}
