using System.Runtime.CompilerServices;

namespace EosSweep.Kernels.Numerics;

/// <summary>
/// erf, erfc and Φ after fdlibm's s_erf.c (Sun Microsystems, 1993), branch-free. fdlibm splits |x| into
/// [0, 0.84375), [0.84375, 1.25), [1.25, 1/0.35), [1/0.35, 28) and beyond, with one rational
/// approximation per interval:
/// <list type="bullet">
/// <item>erf(x) = x + x·P(x²)/Q(x²) below 0.84375;</item>
/// <item>erf(x) = erx + P(s)/Q(s), s = |x| − 1, erx = 0.84506291151 rounded to 24 bits, below 1.25;</item>
/// <item>erfc(x) = exp(−z² − 0.5625)·exp((z − x)(z + x) + R(1/x²)/S(1/x²))/x above, z = x with its low
/// 32 bits cleared so that z² is exact;</item>
/// <item>erfc(x) = 0 (underflow) from 28 on.</item>
/// </list>
/// Here every lane picks its interval's coefficients first and evaluates one rational of degree 7/8
/// (shorter sets padded with leading zeros, which leave the Horner values unchanged; each Horner step is one fused
/// multiply-add, <see cref="IReal{T}.MulAdd"/>, where fdlibm rounds twice), then the
/// tail exponentials, and selects the interval's formula. |x| is clamped to 28 for the tail, where
/// <see cref="Exp{T}"/>'s flush already gives 0, so ±∞ need no extra case.
/// </summary>
public static partial class PMath
{
    private const double Erx = 8.45062911510467529297e-01;          // (float)0.84506291151
    private const double OnePlusErx = 1.84506291151046752930e+00;   // 1 + erx, exact
    private const double OneMinusErx = 1.54937088489532470703e-01;  // 1 − erx, exact
    private const double ErfSplitAB = 0.84375;
    private const double ErfSplitBC = 1.25;
    private const double ErfSplitCD = 2.857142857142857;           // 1/0.35
    private const double ErfTailClamp = 28.0;

    // fdlibm s_erf.c coefficients. erf on [0, 0.84375): pp (numerator), qq (denominator).
    private const double Pp0 = 1.28379167095512558561e-01;
    private const double Pp1 = -3.25042107247001499370e-01;
    private const double Pp2 = -2.84817495755985104766e-02;
    private const double Pp3 = -5.77027029648944159157e-03;
    private const double Pp4 = -2.37630166566501626084e-05;
    private const double Qq1 = 3.97917223959155352819e-01;
    private const double Qq2 = 6.50222499887672944485e-02;
    private const double Qq3 = 5.08130628187576562776e-03;
    private const double Qq4 = 1.32494738004321644526e-04;
    private const double Qq5 = -3.96022827877536812320e-06;

    // erf on [0.84375, 1.25): pa, qa.
    private const double Pa0 = -2.36211856075265944077e-03;
    private const double Pa1 = 4.14856118683748331666e-01;
    private const double Pa2 = -3.72207876035701323847e-01;
    private const double Pa3 = 3.18346619901161753674e-01;
    private const double Pa4 = -1.10894694282396677476e-01;
    private const double Pa5 = 3.54783043256182359371e-02;
    private const double Pa6 = -2.16637559486879084300e-03;
    private const double Qa1 = 1.06420880400844228286e-01;
    private const double Qa2 = 5.40397917702171048937e-01;
    private const double Qa3 = 7.18286544141962662868e-02;
    private const double Qa4 = 1.26171219808761642112e-01;
    private const double Qa5 = 1.36370839120290507362e-02;
    private const double Qa6 = 1.19844998467991074170e-02;

    // erfc on [1.25, 1/0.35): ra, sa.
    private const double Ra0 = -9.86494403484714822705e-03;
    private const double Ra1 = -6.93858572707181764372e-01;
    private const double Ra2 = -1.05586262253232909814e+01;
    private const double Ra3 = -6.23753324503260060396e+01;
    private const double Ra4 = -1.62396669462573470355e+02;
    private const double Ra5 = -1.84605092906711035994e+02;
    private const double Ra6 = -8.12874355063065934246e+01;
    private const double Ra7 = -9.81432934416914548592e+00;
    private const double Sa1 = 1.96512716674392571292e+01;
    private const double Sa2 = 1.37657754143519042600e+02;
    private const double Sa3 = 4.34565877475229228821e+02;
    private const double Sa4 = 6.45387271733267880336e+02;
    private const double Sa5 = 4.29008140027567833386e+02;
    private const double Sa6 = 1.08635005541779435134e+02;
    private const double Sa7 = 6.57024977031928170135e+00;
    private const double Sa8 = -6.04244152148580987438e-02;

    // erfc on [1/0.35, 28): rb, sb.
    private const double Rb0 = -9.86494292470009928597e-03;
    private const double Rb1 = -7.99283237680523006574e-01;
    private const double Rb2 = -1.77579549177547519889e+01;
    private const double Rb3 = -1.60636384855821916062e+02;
    private const double Rb4 = -6.37566443368389627722e+02;
    private const double Rb5 = -1.02509513161107724954e+03;
    private const double Rb6 = -4.83519191608651397019e+02;
    private const double Sb1 = 3.03380607434824582924e+01;
    private const double Sb2 = 3.25792512996573918826e+02;
    private const double Sb3 = 1.53672958608443695994e+03;
    private const double Sb4 = 3.19985821950859553908e+03;
    private const double Sb5 = 2.55305040643316442583e+03;
    private const double Sb6 = 4.74528541206955367215e+02;
    private const double Sb7 = -2.24409524465858183362e+01;

    /// <summary>
    /// The error function erf(x) = (2/√π)∫₀ˣ e^(−t²) dt (fdlibm s_erf.c, branch-free). In f64 measured
    /// within 1 ulp of correctly rounded values (relative error ≤ 2.3e-16); erf(±∞) = ±1, erf(−x) = −erf(x)
    /// exactly, NaN gives NaN.
    /// </summary>
    public static T Erf<T>(T x) where T : struct, IReal<T>
    {
        T a = T.Abs(x);
        T ac = ClampErfTail(a);
        T rac = T.C(1.0) / ac;
        T y = ErfRatio(a, rac);
        T z = T.HighPart(ac);
        T q = ErfcTail(rac, -(z * z), (z - ac) * (z + ac), y);

        T r = T.SelectLess(a, T.C(ErfSplitBC), T.C(Erx) + y, T.C(1.0) - q);
        r = T.SelectLess(a, T.C(ErfSplitAB), T.MulAdd(a, y, a), r);
        return T.CopySign(r, x);
    }

    /// <summary>
    /// The complementary error function erfc(x) = 1 − erf(x) (fdlibm s_erf.c, branch-free), accurate
    /// relative to its own size in the upper tail. In f64 measured within 3 ulp of correctly rounded values
    /// (relative error ≤ 4.5e-16) while the result is normal (x &lt; 26.55); beyond, it is subnormal and
    /// becomes 0 from x ≈ 26.58 on (<see cref="Exp{T}"/>'s flush). erfc(+∞) = 0, erfc(−∞) = 2, NaN gives NaN.
    /// </summary>
    public static T Erfc<T>(T x) where T : struct, IReal<T>
    {
        T a = T.Abs(x);
        T ac = ClampErfTail(a);
        T rac = T.C(1.0) / ac;
        T y = ErfRatio(a, rac);
        T z = T.HighPart(ac);
        T q = ErfcTail(rac, -(z * z), (z - ac) * (z + ac), y);
        return ErfcSelect(x, a, y, q);
    }

    /// <summary>
    /// The standard normal CDF Φ(x) = ½·erfc(−x/√2) (docs/models.md, mean), accurate relative to its own size in
    /// both tails; <see cref="NormalCdf{T}(T, out T)"/> without the density.
    /// </summary>
    public static T NormalCdf<T>(T x) where T : struct, IReal<T> => NormalCdf(x, out _);

    /// <summary>
    /// The standard normal CDF Φ(x) = ½·erfc(−x/√2) (docs/models.md, mean) and the density φ(x) = e^(−x²/2)/√(2π) from
    /// one exponential. −x²/2 is split exactly as hi + lo with hi = −zx²/2 exact (zx = |x| with its low bits
    /// cleared, <see cref="IReal{T}.HighPart"/>) and |lo| ≤ 2^−20·x² (f64): φ = e^hi·(1 + (e^lo − 1)) with e^lo − 1
    /// from its Taylor series (|lo| is tiny wherever e^hi is not 0), and the lower tail, erfc of a positive argument,
    /// is fdlibm's e^(−u² − 0.5625)·e^(R/S)/|u| regrouped as e^hi·e^((lo + R/S) − 0.5625)/|u|, so neither the
    /// rounding of x/√2 nor that of x² reaches an exponential. In f64 Φ is measured within 5 ulp of correctly rounded
    /// values (relative error ≤ 7.5e-16; the worst is for x in (−2.5, −1.2), where the rounding of x/√2 is amplified
    /// up to 4×) while the result is normal (x &gt; −37.5); below, it is subnormal and becomes 0 from x ≈ −37.59 on;
    /// φ within 3 ulp for |x| &lt; 37.5 and 0 beyond. Φ(+∞) = 1, Φ(−∞) = 0, φ(±∞) = 0, NaN gives NaN for both.
    /// Large: compiled as its own method on the CPU (its inlined operations would overflow a caller's JIT limits);
    /// GPU backends inline it.
    /// </summary>
    public static T NormalCdf<T>(T x, out T pdf) where T : struct, IReal<T>
    {
        T u = x * T.C(-0.70710678118654752440);
        T a = T.Abs(u);
        T ac = ClampErfTail(a);
        T rac = T.C(1.0) / ac;
        T y = ErfRatio(a, rac);

        // |x| clamped just above 28·√2 (where e^hi is 0 in every precision); −x²/2 = hi + lo.
        T xa = T.Abs(x);
        T xc = T.SelectLess(-xa, T.C(-40.0), T.C(40.0), xa);
        T zx = T.HighPart(xc);
        T hi = (zx * zx) * T.C(-0.5);
        T lo = ((zx - xc) * (zx + xc)) * T.C(0.5);
        T eh = Exp(hi);
        pdf = T.MulAdd(eh, ExpMinusOneSmall(lo), eh) * T.C(0.39894228040143267794);
        T q = (eh * Exp((lo + y) - T.C(0.5625))) * rac;
        return ErfcSelect(u, a, y, q) * T.C(0.5);
    }

    /// <summary>
    /// e^x − 1 for the tiny x of an exact square split, |x| &lt; 2^−20·x² (f64) or 2^−11·x² (f32), which is below
    /// 2^−9 (f64) or 0.09 (f32) wherever <see cref="NormalCdf{T}(T, out T)"/>'s e^hi is not 0: Taylor to degree 5,
    /// whose first dropped term, x⁶/720, is below 10^−19 (f64) or 10^−9 (f32) there, far below an ulp of e^x.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ExpMinusOneSmall<T>(T x) where T : struct, IReal<T> =>
        x * T.MulAdd(T.MulAdd(T.MulAdd(T.MulAdd(x, T.C(1.0 / 120.0), T.C(1.0 / 24.0)), x, T.C(1.0 / 6.0)), x, T.C(0.5)), x, T.C(1.0));

    /// <summary>min(a, 28), NaN kept (the variable stays on the left of the comparison).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ClampErfTail<T>(T a) where T : struct, IReal<T> =>
        T.SelectLess(-a, T.C(-ErfTailClamp), T.C(ErfTailClamp), a);

    /// <summary>
    /// erfc(u) from a = |u|, the interval's rational value <paramref name="y"/> and the tail
    /// <paramref name="q"/> = erfc(|u|) for |u| ≥ 1.25, with fdlibm's formulas per interval and sign.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ErfcSelect<T>(T u, T a, T y, T q) where T : struct, IReal<T>
    {
        // [0, 0.84375): 1 − erf(u) below 1/4 (negative u included), else ½ − (u·y + (u − ½)).
        T near = T.SelectLess(u, T.C(0.25), T.C(1.0) - T.MulAdd(u, y, u), T.C(0.5) - T.MulAdd(u, y, u - T.C(0.5)));

        // [0.84375, 1.25): (1 − erx) − P/Q, or 1 + erx + P/Q for negative u.
        T mid = T.SelectLess(u, T.C(0.0), T.C(OnePlusErx) + y, T.C(OneMinusErx) - y);

        // [1.25, ∞): the tail, or 2 − tail for negative u.
        T far = T.SelectLess(u, T.C(0.0), T.C(2.0) - q, q);

        T r = T.SelectLess(a, T.C(ErfSplitBC), mid, far);
        return T.SelectLess(a, T.C(ErfSplitAB), near, r);
    }

    /// <summary>
    /// exp(hi − 0.5625)·exp(lo + rs)/a, the division done once as <paramref name="rac"/> = 1/a (shared with
    /// <see cref="ErfRatio{T}"/>'s 1/a²): fdlibm's erfc tail with −a² = hi + lo, hi exact (the square of a
    /// <see cref="IReal{T}.HighPart"/>) and lo small. hi − 0.5625 is exact in f64 (fdlibm relies on it)
    /// but not in f32, so its rounding error, found exactly (Fast2Sum, |hi| ≥ 0.5625 here), moves to the
    /// second exponential; in f64 that error is 0 and the formula is fdlibm's.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ErfcTail<T>(T rac, T hi, T lo, T rs) where T : struct, IReal<T>
    {
        T h = hi - T.C(0.5625);
        T err = T.C(-0.5625) - (h - hi);
        return (Exp(h) * Exp((lo + rs) + err)) * rac;
    }

    /// <summary>
    /// The interval's rational approximation at a = |x|: P(x²)/Q(x²) (pp/qq), P(a − 1)/Q(a − 1) (pa/qa),
    /// or R(1/a²)/S(1/a²) (ra/sa, rb/sb) with 1/a² = <paramref name="rac"/>², rac = 1/min(a, 28). One Horner evaluation
    /// of degree 7 over 8 with per-lane coefficients.
    /// </summary>
    private static T ErfRatio<T>(T a, T rac) where T : struct, IReal<T>
    {
        T t = T.SelectLess(a, T.C(ErfSplitBC), a - T.C(1.0), rac * rac);
        t = T.SelectLess(a, T.C(ErfSplitAB), a * a, t);

        T p = ErfCoefficient<T>(a, 0.0, 0.0, Ra7, 0.0);
        p = T.MulAdd(p, t, ErfCoefficient<T>(a, 0.0, Pa6, Ra6, Rb6));
        p = T.MulAdd(p, t, ErfCoefficient<T>(a, 0.0, Pa5, Ra5, Rb5));
        p = T.MulAdd(p, t, ErfCoefficient<T>(a, Pp4, Pa4, Ra4, Rb4));
        p = T.MulAdd(p, t, ErfCoefficient<T>(a, Pp3, Pa3, Ra3, Rb3));
        p = T.MulAdd(p, t, ErfCoefficient<T>(a, Pp2, Pa2, Ra2, Rb2));
        p = T.MulAdd(p, t, ErfCoefficient<T>(a, Pp1, Pa1, Ra1, Rb1));
        p = T.MulAdd(p, t, ErfCoefficient<T>(a, Pp0, Pa0, Ra0, Rb0));

        T q = ErfCoefficient<T>(a, 0.0, 0.0, Sa8, 0.0);
        q = T.MulAdd(q, t, ErfCoefficient<T>(a, 0.0, 0.0, Sa7, Sb7));
        q = T.MulAdd(q, t, ErfCoefficient<T>(a, 0.0, Qa6, Sa6, Sb6));
        q = T.MulAdd(q, t, ErfCoefficient<T>(a, Qq5, Qa5, Sa5, Sb5));
        q = T.MulAdd(q, t, ErfCoefficient<T>(a, Qq4, Qa4, Sa4, Sb4));
        q = T.MulAdd(q, t, ErfCoefficient<T>(a, Qq3, Qa3, Sa3, Sb3));
        q = T.MulAdd(q, t, ErfCoefficient<T>(a, Qq2, Qa2, Sa2, Sb2));
        q = T.MulAdd(q, t, ErfCoefficient<T>(a, Qq1, Qa1, Sa1, Sb1));
        q = T.MulAdd(q, t, T.C(1.0));
        return p / q;
    }

    /// <summary>The coefficient of a = |x|'s interval: <paramref name="c0"/> below 0.84375, … <paramref name="c3"/> from 1/0.35.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ErfCoefficient<T>(T a, double c0, double c1, double c2, double c3) where T : struct, IReal<T> =>
        T.SelectLess(a, T.C(ErfSplitAB), T.C(c0), T.SelectLess(a, T.C(ErfSplitBC), T.C(c1), T.SelectLess(a, T.C(ErfSplitCD), T.C(c2), T.C(c3))));
}
