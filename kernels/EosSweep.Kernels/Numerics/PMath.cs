using System.Runtime.CompilerServices;

namespace EosSweep.Kernels.Numerics;

/// <summary>
/// The project's own math for kernels, written once over <see cref="IReal{T}"/>: the same operations
/// on the CPU accelerator, CUDA, OpenCL, host reference loops and SIMD lanes, hence the same bits.
/// Accurate to a few ulps in f64 and finite wherever the true value is: backends' own double
/// exp/log/tanh are slow software routines on CUDA without LibDevice, and their tanh is NaN above
/// ~355 (docs/backends.md). Coefficients are Cephes' (exp, log, tanh) and fdlibm's (erf).
/// Branch-free: every arm is evaluated and one is selected. Polynomial (Horner) steps and other plain a·b + c are
/// fused multiply-adds (<see cref="IReal{T}.MulAdd"/>): one rounding, and one instruction on every backend.
/// </summary>
public static partial class PMath
{
    private const double Log2E = 1.4426950408889634073599;
    private const double Ln2Hi = 6.93145751953125E-1;
    private const double Ln2Lo = 1.42860682030941723212E-6;

    /// <summary>ln 2.</summary>
    public const double Ln2 = 0.69314718055994530942;

    /// <summary>max(a, b); NaN in <paramref name="a"/> propagates.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Max<T>(T a, T b) where T : struct, IReal<T> => T.SelectLess(a, b, b, a);

    /// <summary>min(a, b); NaN in <paramref name="a"/> propagates.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Min<T>(T a, T b) where T : struct, IReal<T> => T.SelectLess(b, a, b, a);

    /// <summary>x with |x| below the type's flush threshold set to 0 (see RegimeRules).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Flush<T>(T x) where T : struct, IReal<T> => T.SelectLess(T.Abs(x), T.FlushThreshold, T.C(0.0), x);

    /// <summary>
    /// e^x (Cephes exp: Cody–Waite reduction x = n·ln 2 + r, |r| ≤ ½ln 2, and the Padé form
    /// e^r = 1 + 2r·P(r²)/(Q(r²) − r·P(r²)); one division). Measured within 2 ulp of <see cref="Math.Exp(double)"/>
    /// in f64. Results below 2^(emin+2) (x &lt; −1020·ln 2 ≈ −707.01 in f64, −124·ln 2 in f32) are 0, the
    /// flush rule; x above ln(MaxValue) (709.78 in f64, 88.72 in f32) gives +∞; −∞ gives 0; NaN gives NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T PortableExp<T>(T x) where T : struct, IReal<T>
    {
        // The clamps follow the type: n stays where 2^(n−1) is a normal number.
        T lo = (T.Exponent(T.MinNormal) + T.C(2.0)) * T.C(Ln2);
        T hi = (T.Exponent(T.MaxValue) + T.C(1.0)) * T.C(Ln2);

        // Variable on the left of every comparison, NaN in the false arm (docs/backends.md, "Comparisons").
        T xc = T.SelectLess(x, lo, lo, x);
        xc = T.SelectLess(-xc, -hi, hi, xc);
        T n = T.RoundToInteger(xc * T.C(Log2E));
        T r = T.MulAdd(-n, T.C(Ln2Hi), xc);   // n·Ln2Hi is exact: this is xc − n·Ln2Hi
        r = T.MulAdd(-n, T.C(Ln2Lo), r);
        T rr = r * r;
        T px = r * ExpP(rr);
        T q = px / (ExpQ(rr) - px);
        T er = T.MulAdd(q, T.C(2.0), T.C(1.0));  // 1 + 2q, 2q exact
        T y = (er + er) * T.Pow2(n - T.C(1.0));
        y = T.SelectLess(x, lo, T.C(0.0), y);
        return T.SelectLess(-x, -hi, T.C(double.PositiveInfinity), y);
    }

    /// <summary>
    /// e^−a, e^−a − 1 and 1/(1 + e^−a) for a ≥ 0 from one <see cref="Exp{T}"/> reduction, for the losses that need ℓ, ℓ'
    /// and ℓ'' from one exponential. The first is <see cref="Exp{T}"/>(−a) bit for bit; the second is 2^n·(1 + 2q) − 1
    /// formed as (2^n − 1) + 2^n·2q, so it keeps its relative accuracy near a = 0 (tanh(a/2) = −(e^−a − 1)/(1 + e^−a)
    /// without cancellation): measured within 2 ulp of <see cref="Math.Exp(double)"/> − 1 computed in higher precision.
    /// The third comes from the same Padé quotient, e^−a = 2^n·(Q + P)/(Q − P), as (Q − P)/((Q − P) + 2^n·(Q + P)): its
    /// division does not wait for e^−a's, which takes one division off a loss's dependent chain (3 flops more than
    /// 1/(1 + e^−a), 2 fewer than both). em1 is −1 and inv 1 where e^−a flushes to 0; NaN gives NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ExpNeg<T>(T a, out T em1, out T inv) where T : struct, IReal<T>
    {
        T x = -a;
        T lo = (T.Exponent(T.MinNormal) + T.C(2.0)) * T.C(Ln2);
        T xc = T.SelectLess(x, lo, lo, x);
        T n = T.RoundToInteger(xc * T.C(Log2E));
        T r = T.MulAdd(-n, T.C(Ln2Hi), xc);   // n·Ln2Hi is exact: this is xc − n·Ln2Hi
        r = T.MulAdd(-n, T.C(Ln2Lo), r);
        T rr = r * r;
        T px = r * ExpP(rr);
        T qx = ExpQ(rr);
        T b = qx - px;
        T q = px / b;
        inv = b / (b + ((qx + px) * T.Pow2(n)));
        T q2 = q + q;
        T er = T.C(1.0) + q2;
        T y = (er + er) * T.Pow2(n - T.C(1.0));
        T p2 = T.Pow2(n);
        em1 = T.MulAdd(p2, q2, p2 - T.C(1.0));
        return T.SelectLess(x, lo, T.C(0.0), y);
    }

    /// <summary>
    /// Natural logarithm (Cephes log: x = m·2^e with m in [√½, √2), log(1 + f) = f − f²/2 + f³·P(f)/Q(f),
    /// ln 2 split in two parts). Measured within 1 ulp of <see cref="Math.Log(double)"/> in f64. Subnormal inputs
    /// are scaled by 2^54 first. Returns −∞ at ±0, NaN below 0 and for NaN, +∞ at +∞.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T PortableLog<T>(T x) where T : struct, IReal<T>
    {
        // Scale subnormals into the normal range first (2^54).
        T small = T.SelectLess(x, T.MinNormal, T.C(1.0), T.C(0.0));
        T xs = x * T.SelectLess(x, T.MinNormal, T.C(18014398509481984.0), T.C(1.0));
        T e = T.Exponent(xs) - (small * T.C(54.0));
        T m = T.Significand(xs);

        // f = m − 1 for m < √2, else m/2 − 1 with e + 1 (both exact).
        T big = T.SelectLess(m, T.C(1.4142135623730950488), T.C(0.0), T.C(1.0));
        T f = T.SelectLess(m, T.C(1.4142135623730950488), m - T.C(1.0), (m * T.C(0.5)) - T.C(1.0));
        e = e + big;
        T z = f * f;
        T y = f * (z * LogP(f) / LogQ(f));
        y = T.MulAdd(-e, T.C(2.121944400546905827679e-4), y);
        y = T.MulAdd(z, T.C(-0.5), y);
        T r = f + y;
        r = T.MulAdd(e, T.C(0.693359375), r);

        r = T.SelectEqual(x, T.C(0.0), T.C(double.NegativeInfinity), r);
        r = T.SelectLess(x, T.C(0.0), T.C(double.NaN), r);
        return T.SelectLessEqual(x, T.MaxValue, r, x);
    }

    /// <summary>
    /// log(1 + x), accurate for tiny x: Goldberg's x·log(u)/(u − 1) with u = 1 + x rounded, which cancels
    /// the rounding of u; x itself when u = 1. Measured within 2 ulp of a high-accuracy reference in f64.
    /// −∞ at −1, NaN below −1 and for NaN, +∞ at +∞.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Log1p<T>(T x) where T : struct, IReal<T>
    {
        T u = T.C(1.0) + x;
        T d = u - T.C(1.0);
        T r = Log(u) * (x / d);
        r = T.SelectEqual(d, T.C(0.0), x, r);
        return T.SelectLessEqual(x, T.MaxValue, r, x);
    }

    /// <summary>
    /// tanh x with one division: the Cephes rational x + x³·P(x²)/Q(x²) for |x| &lt; 0.625, else
    /// (1 − e)/(1 + e) with e = e^(−2|x|) = A/B from the Cephes exp Padé form, so (B − A)/(B + A).
    /// Measured within 3 ulp of <see cref="Math.Tanh(double)"/> in f64. Exact ±1 for |x| ≥ 22 and finite for every
    /// non-NaN input; NaN gives NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T PortableTanh<T>(T x) where T : struct, IReal<T>
    {
        T a = T.Abs(x);
        T z = T.C(-2.0) * T.SelectLess(-a, T.C(-22.0), T.C(22.0), a);
        T n = T.RoundToInteger(z * T.C(Log2E));
        T r = T.MulAdd(-n, T.C(Ln2Hi), z);
        r = T.MulAdd(-n, T.C(Ln2Lo), r);
        T rr = r * r;
        T px = r * ExpP(rr);
        T qx = ExpQ(rr);
        T ea = (qx + px) * T.Pow2(n);     // e^z = ea / eb
        T eb = qx - px;
        T s = a * a;
        T p = TanhP(s);
        T q = TanhQ(s);
        T num = T.SelectLess(a, T.C(0.625), T.MulAdd(a * s, p, a * q), eb - ea);
        T den = T.SelectLess(a, T.C(0.625), q, eb + ea);
        return T.CopySign(num / den, x);
    }

    /// <summary>e^x in the number type's math: <see cref="PortableExp{T}"/> unless the type brings its own (<see cref="IReal{T}.Exp"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Exp<T>(T x) where T : struct, IReal<T> => T.Exp(x);

    /// <summary>ln x in the number type's math: <see cref="PortableLog{T}"/> unless the type brings its own.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Log<T>(T x) where T : struct, IReal<T> => T.Log(x);

    /// <summary>tanh x in the number type's math: <see cref="PortableTanh{T}"/> unless the type brings its own.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Tanh<T>(T x) where T : struct, IReal<T> => T.Tanh(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ExpP<T>(T x) where T : struct, IReal<T> =>
        T.MulAdd(T.MulAdd(T.C(1.26177193074810590878E-4), x, T.C(3.02994407707441961300E-2)), x, T.C(9.99999999999999999910E-1));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ExpQ<T>(T x) where T : struct, IReal<T> =>
        T.MulAdd(
            T.MulAdd(T.MulAdd(T.C(3.00198505138664455042E-6), x, T.C(2.52448340349684104192E-3)), x, T.C(2.27265548208155028766E-1)),
            x,
            T.C(2.00000000000000000009E0));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T LogP<T>(T x) where T : struct, IReal<T> =>
        T.MulAdd(
            T.MulAdd(
                T.MulAdd(
                    T.MulAdd(T.MulAdd(T.C(1.01875663804580931796E-4), x, T.C(4.97494994976747001425E-1)), x, T.C(4.70579119878881725854E0)),
                    x,
                    T.C(1.44989225341610930846E1)),
                x,
                T.C(1.79368678507819816313E1)),
            x,
            T.C(7.70838733755885391666E0));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T LogQ<T>(T x) where T : struct, IReal<T> =>
        T.MulAdd(
            T.MulAdd(
                T.MulAdd(T.MulAdd(x + T.C(1.12873587189167450590E1), x, T.C(4.52279145837532221105E1)), x, T.C(8.29875266912776603211E1)),
                x,
                T.C(7.11544750618563894466E1)),
            x,
            T.C(2.31251620126765340583E1));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T TanhP<T>(T x) where T : struct, IReal<T> =>
        T.MulAdd(T.MulAdd(T.C(-9.64399179425052238628E-1), x, T.C(-9.92877231001918586564E1)), x, T.C(-1.61468768441708447952E3));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T TanhQ<T>(T x) where T : struct, IReal<T> =>
        T.MulAdd(T.MulAdd(x + T.C(1.12811678491632931402E2), x, T.C(2.23548839060100448583E3)), x, T.C(4.84406305325125486048E3));
}
