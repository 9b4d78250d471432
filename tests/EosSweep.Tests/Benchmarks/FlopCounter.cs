using EosSweep.Kernels.Numerics;

namespace EosSweep.Tests.Benchmarks;

/// <summary>
/// A number type that computes in double and counts the floating-point operations the model math performs,
/// by kind, under the counting rules of benchmarks/README.md: + − × ÷ √ one flop each, a fused multiply-add
/// (<see cref="MulAdd"/>) two; <see cref="RoundToInteger"/> two (an add and a subtract of 1.5·2^52) and <see cref="Pow2"/>
/// one (an add, then an integer shift); sign flips, |x|, copysign, compares and selects, and the exponent and
/// significand bit tricks none. The counts are per thread, so tests may run in parallel.
/// </summary>
internal readonly struct FlopCounter(double v) : IReal<FlopCounter>
{
    [ThreadStatic]
    private static long _adds;

    [ThreadStatic]
    private static long _muls;

    [ThreadStatic]
    private static long _divs;

    [ThreadStatic]
    private static long _sqrts;

    public readonly double V = v;

    /// <summary>Additions and subtractions counted on this thread.</summary>
    public static long Adds => _adds;

    /// <summary>Multiplications counted on this thread.</summary>
    public static long Muls => _muls;

    /// <summary>Divisions counted on this thread.</summary>
    public static long Divs => _divs;

    /// <summary>Square roots counted on this thread.</summary>
    public static long Sqrts => _sqrts;

    /// <summary>Every flop counted on this thread.</summary>
    public static long Total => _adds + _muls + _divs + _sqrts;

    public static FlopCounter MinNormal => new(2.2250738585072014E-308);

    public static FlopCounter FlushThreshold => new(1e-100);

    public static FlopCounter MaxValue => new(double.MaxValue);

    /// <summary>Sets this thread's counts to zero.</summary>
    public static void Reset() => _adds = _muls = _divs = _sqrts = 0;

    public static FlopCounter operator +(FlopCounter a, FlopCounter b)
    {
        _adds++;
        return new(a.V + b.V);
    }

    public static FlopCounter operator -(FlopCounter a, FlopCounter b)
    {
        _adds++;
        return new(a.V - b.V);
    }

    public static FlopCounter operator *(FlopCounter a, FlopCounter b)
    {
        _muls++;
        return new(a.V * b.V);
    }

    public static FlopCounter operator /(FlopCounter a, FlopCounter b)
    {
        _divs++;
        return new(a.V / b.V);
    }

    /// <summary>A fused multiply-add: a multiplication and an addition (two flops), rounded once.</summary>
    public static FlopCounter MulAdd(FlopCounter a, FlopCounter b, FlopCounter c)
    {
        _muls++;
        _adds++;
        return new(Math.FusedMultiplyAdd(a.V, b.V, c.V));
    }

    public static FlopCounter operator -(FlopCounter a) => new(-a.V);

    public static FlopCounter C(double value) => new(value);

    public static FlopCounter Abs(FlopCounter x) => new(Math.Abs(x.V));

    public static FlopCounter CopySign(FlopCounter m, FlopCounter s) => new(Math.CopySign(m.V, s.V));

    public static FlopCounter Sqrt(FlopCounter x)
    {
        _sqrts++;
        return new(Math.Sqrt(x.V));
    }

    public static FlopCounter SelectLess(FlopCounter a, FlopCounter b, FlopCounter t, FlopCounter f) => a.V < b.V ? t : f;

    public static FlopCounter SelectLessEqual(FlopCounter a, FlopCounter b, FlopCounter t, FlopCounter f) => a.V <= b.V ? t : f;

    public static FlopCounter SelectEqual(FlopCounter a, FlopCounter b, FlopCounter t, FlopCounter f) => a.V == b.V ? t : f;

    public static FlopCounter RoundToInteger(FlopCounter x)
    {
        _adds += 2;
        return new(R64.ToDouble(R64.RoundToInteger(new R64(x.V))));
    }

    public static FlopCounter Pow2(FlopCounter n)
    {
        _adds++;
        return new(R64.ToDouble(R64.Pow2(new R64(n.V))));
    }

    public static FlopCounter Exponent(FlopCounter x) => new(R64.ToDouble(R64.Exponent(new R64(x.V))));

    public static FlopCounter Significand(FlopCounter x) => new(R64.ToDouble(R64.Significand(new R64(x.V))));

    public static FlopCounter HighPart(FlopCounter x) => new(R64.ToDouble(R64.HighPart(new R64(x.V))));

    /// <inheritdoc/>
    public static FlopCounter Exp(FlopCounter x) => PMath.PortableExp(x);

    /// <inheritdoc/>
    public static FlopCounter Log(FlopCounter x) => PMath.PortableLog(x);

    /// <inheritdoc/>
    public static FlopCounter Tanh(FlopCounter x) => PMath.PortableTanh(x);
}
