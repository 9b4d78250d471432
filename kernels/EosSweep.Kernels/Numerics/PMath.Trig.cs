using System.Runtime.CompilerServices;

namespace EosSweep.Kernels.Numerics;

public static partial class PMath
{
    // fdlibm's π/2 in three 33-bit parts and a tail (n·part exact in f64 for |n| < 2^20).
    private const double Pio2Part1F64 = 1.57079632673412561417e+00;
    private const double Pio2Part2F64 = 6.07710050630396597660e-11;
    private const double Pio2Part3F64 = 2.02226624871116645580e-21;
    private const double Pio2TailF64 = 8.47842766036889956997e-32;

    // π/2 in three parts of at most 12 significant bits and a tail (n·part exact in f32 for |n| < 2^12).
    private const double Pio2Part1F32 = 1.5703125;
    private const double Pio2Part2F32 = 4.837512969970703125e-4;
    private const double Pio2Part3F32 = 7.549533620476722717e-8;
    private const double Pio2TailF32 = 2.563344151594519e-12;

    private const double TwoOverPi = 6.36619772367581382433e-01;

    /// <summary>sin x. See <see cref="SinCos{T}"/> for the method and its accuracy.</summary>
    public static T Sin<T>(T x) where T : struct, IReal<T>
    {
        SinCos(x, out T s, out _);
        return s;
    }

    /// <summary>cos x. See <see cref="SinCos{T}"/> for the method and its accuracy.</summary>
    public static T Cos<T>(T x) where T : struct, IReal<T>
    {
        SinCos(x, out _, out T c);
        return c;
    }

    /// <summary>
    /// sin x and cos x from one argument reduction. Cody–Waite: n = round(x·2/π), x − n·π/2 with π/2 in
    /// three short parts (each product n·part exact) plus a tail, the rounding errors of the two inexact
    /// subtractions kept exactly (TwoSum), so the reduced argument is a double-length y + yy even when x
    /// lies close to a multiple of π/2; then fdlibm's __kernel_sin/__kernel_cos polynomials on |y| ≤ π/4
    /// and the quadrant's sign and swap, all by selects. The parts follow the type: fdlibm's 33-bit parts in
    /// f64 (exact for |x| ≤ 2^20·π/2 ≈ 1.6e6), 12-bit parts in f32 (exact for |x| ≤ 2^12·π/2 ≈ 6.4e3).
    /// Measured within 1 ulp of <see cref="Math.Sin(double)"/>/<see cref="Math.Cos(double)"/> in f64 and within
    /// 2 float ulps of the correctly rounded value in f32 on those ranges (tests/…/Numerics/TrigTests).
    /// Beyond them the absolute error grows like ulp(x) (the argument itself is that uncertain); for
    /// |x| ≥ 2^50 (f64) or 2^21 (f32), where round(x·2/π) is no longer an integer operation, the result is
    /// sin = 0, cos = 1 (finite, as is every result for finite x). ±∞ and NaN give NaN; sin(±0) = ±0.
    /// </summary>
    public static void SinCos<T>(T x, out T sin, out T cos) where T : struct, IReal<T>
    {
        // f64 or f32 constants, chosen the way Exp chooses its clamps: from the type's exponent range.
        T wide = T.Exponent(T.MaxValue);
        T p1 = T.SelectLess(wide, T.C(200.0), T.C(Pio2Part1F32), T.C(Pio2Part1F64));
        T p2 = T.SelectLess(wide, T.C(200.0), T.C(Pio2Part2F32), T.C(Pio2Part2F64));
        T p3 = T.SelectLess(wide, T.C(200.0), T.C(Pio2Part3F32), T.C(Pio2Part3F64));
        T p4 = T.SelectLess(wide, T.C(200.0), T.C(Pio2TailF32), T.C(Pio2TailF64));
        T big = T.SelectLess(wide, T.C(200.0), T.C(2097152.0), T.C(1125899906842624.0));

        // Huge finite arguments (and ±∞, NaN) are reduced as 0; ±∞ and NaN give NaN at the end.
        T xr = T.SelectLess(T.Abs(x), big, x, T.C(0.0));
        T n = T.RoundToInteger(xr * T.C(TwoOverPi));

        T r1 = xr - (n * p1);
        TwoDifference(r1, n * p2, out T r2, out T e2);
        TwoDifference(r2, n * p3, out T r3, out T e3);
        T lo = (e2 + e3) - (n * p4);
        T y = r3 + lo;
        T yy = lo - (y - r3);

        T s = KernelSin(y, yy);
        T c = KernelCos(y, yy);

        // Quadrant m = n mod 4 in {−2, −1, 0, 1, 2}: sin(y + m·π/2) and cos(y + m·π/2).
        T m = n - (T.C(4.0) * T.RoundToInteger(n * T.C(0.25)));
        T odd = T.Abs(m);
        T sinBase = T.SelectEqual(odd, T.C(1.0), c, s);
        T cosBase = T.SelectEqual(odd, T.C(1.0), s, c);
        // Variables on the left of every comparison (docs/backends.md, "Comparisons"): m > 1.5 is −m < −1.5.
        T sinValue = T.SelectLess(m, T.C(-0.5), -sinBase, T.SelectLess(-m, T.C(-1.5), -sinBase, sinBase));
        T cosValue = T.SelectLess(-m, T.C(-0.5), -cosBase, T.SelectLess(m, T.C(-1.5), -cosBase, cosBase));

        // sin(±0) = ±0 exactly (the reduction's additions would give +0); ±∞ and NaN (false arm) give NaN.
        T finite = T.Abs(x);
        sin = T.SelectLessEqual(finite, T.MaxValue, T.SelectEqual(x, T.C(0.0), x, sinValue), T.C(double.NaN));
        cos = T.SelectLessEqual(finite, T.MaxValue, cosValue, T.C(double.NaN));
    }

    /// <summary>a − b = d + e exactly (Knuth's TwoSum on a + (−b), any magnitudes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TwoDifference<T>(T a, T b, out T d, out T e) where T : struct, IReal<T>
    {
        d = a - b;
        e = TwoSumError(a, -b, d);
    }

    /// <summary>The rounding error of s = a + b (Knuth): (a − (s − b')) + (b − b') with b' = s − a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T TwoSumError<T>(T a, T b, T s) where T : struct, IReal<T>
    {
        T bv = s - a;
        T av = s - bv;
        return (a - av) + (b - bv);
    }

    /// <summary>fdlibm __kernel_sin: sin(y + yy) for |y| ≤ π/4, yy the tail of the reduced argument.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T KernelSin<T>(T y, T yy) where T : struct, IReal<T>
    {
        T z = y * y;
        T v = z * y;
        T r = T.MulAdd(
            T.MulAdd(T.MulAdd(T.MulAdd(z, T.C(1.58969099521155010221e-10), T.C(-2.50507602534068634195e-08)), z, T.C(2.75573137070700676789e-06)), z, T.C(-1.98412698298579493134e-04)),
            z,
            T.C(8.33333333332248946124e-03));
        return y - (((z * ((T.C(0.5) * yy) - (v * r))) - yy) - (v * T.C(-1.66666666666666324348e-01)));
    }

    /// <summary>
    /// fdlibm __kernel_cos: cos(y + yy) for |y| ≤ π/4. For |y| ≥ 0.3 it subtracts qx (|y|/4 truncated, or
    /// 0.28125 above 0.78125) from both 1 and y²/2 first, so that the final subtraction loses nothing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T KernelCos<T>(T y, T yy) where T : struct, IReal<T>
    {
        T z = y * y;
        T r = T.MulAdd(T.MulAdd(z, T.C(-1.13596475577881948265e-11), T.C(2.08757232129817482790e-09)), z, T.C(-2.75573143513906633035e-07));
        r = T.MulAdd(T.MulAdd(T.MulAdd(r, z, T.C(2.48015872894767294178e-05)), z, T.C(-1.38888888888741095749e-03)), z, T.C(4.16666666666666019037e-02));
        r = z * r;
        T a = T.Abs(y);
        T qx = T.SelectLess(a, T.C(0.3), T.C(0.0), T.SelectLess(-a, T.C(-0.78125), T.C(0.28125), T.HighPart(a * T.C(0.25))));
        T hz = (T.C(0.5) * z) - qx;
        T one = T.C(1.0) - qx;
        return one - (hz - ((z * r) - (y * yy)));
    }
}
