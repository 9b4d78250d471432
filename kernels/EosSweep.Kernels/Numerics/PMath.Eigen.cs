using System.Runtime.CompilerServices;
namespace EosSweep.Kernels.Numerics;

public static partial class PMath
{
    /// <summary>The larger eigenvalue of the symmetric 2×2 matrix [[a, b], [b, c]]: (a+c)/2 + √(((a−c)/2)² + b²).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T MaxEigenvalue2<T>(T a, T b, T c) where T : struct, IReal<T>
    {
        T mean = T.C(0.5) * (a + c);
        T half = T.C(0.5) * (a - c);
        return mean + T.Sqrt(T.MulAdd(half, half, b * b));
    }

    /// <summary>
    /// The largest eigenvalue of the symmetric 3×3 matrix [[a, b, c], [b, d, e], [c, e, f]]: Newton's method on the
    /// characteristic polynomial of the trace-shifted matrix, started at a Gershgorin upper bound. Above the
    /// largest root every derivative of the polynomial is ≥ 0, so the iterates fall monotonically onto it
    /// (quadratically for a simple root); 40 fixed iterations reach rounding level even for a double root.
    /// </summary>
    public static T MaxEigenvalue3<T>(T a, T b, T c, T d, T e, T f) where T : struct, IReal<T>
    {
        T q = (a + d + f) * T.C(1.0 / 3.0);
        T a0 = a - q, d0 = d - q, f0 = f - q;

        // det(λI − B) = λ³ + c1·λ − c0 for the trace-free B.
        T c1 = ((a0 * d0) - (b * b)) + ((a0 * f0) - (c * c)) + ((d0 * f0) - (e * e));
        T c0 = (a0 * ((d0 * f0) - (e * e))) - (b * ((b * f0) - (e * c))) + (c * ((b * e) - (d0 * c)));
        T r1 = a0 + T.Abs(b) + T.Abs(c);
        T r2 = d0 + T.Abs(b) + T.Abs(e);
        T r3 = f0 + T.Abs(c) + T.Abs(e);
        T x = Max(Max(r1, r2), r3);
        for (int i = 0; i < 40; i++)
        {
            T px = T.MulAdd(T.MulAdd(x, x, c1), x, -c0);
            T dp = T.MulAdd(T.C(3.0), x * x, c1);
            T step = px / dp;

            // Only move down, and only while the derivative is positive (it is, strictly above a simple root).
            x = T.SelectLess(T.C(0.0), dp, x - Max(step, T.C(0.0)), x);
        }

        return x + q;
    }
}

