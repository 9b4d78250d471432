using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Models;

/// <summary>
/// The initial weights of the <c>uv</c> model: u, v ~ N(0, σ²·I_m) drawn from <see cref="CounterRng"/> stream
/// <see cref="Stream"/> under the trajectory's seed, pair i of normals (Marsaglia's polar method, as the
/// sparse-coding data) giving (uᵢ, vᵢ) = σ·(z₀, z₁). So a seed fixes one draw for every η and y, and a wider
/// network extends the same sequence. The model keeps only a = |u|², b = |v|², c = u·v (O(m) work once).
/// </summary>
public static class UvInitialization
{
    /// <summary>The stream the draws come from (a purpose code, not a trajectory index).</summary>
    public const ulong Stream = 1UL << 42;

    /// <summary>a = |u|², b = |v|², c = u·v of the initial u, v (accumulated in order i = 0 … m − 1).</summary>
    public static void Moments(long m, double scale, ulong seed, out double a, out double b, out double c)
    {
        var rng = new CounterRng(seed, Stream);
        a = 0;
        b = 0;
        c = 0;
        for (long i = 0; i < m; i++)
        {
            SparseCodingData.Normals(ref rng, out double z0, out double z1);
            double u = scale * z0;
            double v = scale * z1;
            a += u * u;
            b += v * v;
            c += u * v;
        }
    }

    /// <summary>The explicit initial vectors (host side: tests and the explicit-GD reference).</summary>
    public static (double[] U, double[] V) Vectors(int m, double scale, ulong seed)
    {
        var rng = new CounterRng(seed, Stream);
        var u = new double[m];
        var v = new double[m];
        for (int i = 0; i < m; i++)
        {
            SparseCodingData.Normals(ref rng, out double z0, out double z1);
            u[i] = scale * z0;
            v[i] = scale * z1;
        }

        return (u, v);
    }
}
