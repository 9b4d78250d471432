using System.Runtime.CompilerServices;

namespace EosSweep.Kernels.Numerics;

/// <summary>One IEEE binary64 lane: the kernel and reference number type for <c>--precision f64</c>.</summary>
/// <param name="v">The value.</param>
public readonly struct R64(double v) : IScalar<R64>
{
    /// <summary>The value.</summary>
    public readonly double V = v;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R64 operator +(R64 a, R64 b) => new(a.V + b.V);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R64 operator -(R64 a, R64 b) => new(a.V - b.V);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R64 operator *(R64 a, R64 b) => new(a.V * b.V);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R64 operator /(R64 a, R64 b) => new(a.V / b.V);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R64 operator -(R64 a) => new(-a.V);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R64 C(double value) => new(value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ToDouble(R64 x) => x.V;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R64 Abs(R64 x) => new(Math.Abs(x.V));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R64 CopySign(R64 m, R64 s) => new(Math.CopySign(m.V, s.V));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R64 Sqrt(R64 x) => new(Math.Sqrt(x.V));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R64 MulAdd(R64 a, R64 b, R64 c) => new(Math.FusedMultiplyAdd(a.V, b.V, c.V));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R64 SelectLess(R64 a, R64 b, R64 t, R64 f) => a.V < b.V ? t : f;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R64 SelectLessEqual(R64 a, R64 b, R64 t, R64 f) => a.V <= b.V ? t : f;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R64 SelectEqual(R64 a, R64 b, R64 t, R64 f) => a.V == b.V ? t : f;

    /// <summary>1.5·2^52: adding and subtracting it rounds to an integer in round-to-nearest-even.</summary>
    private const double RoundShift = 6755399441055744.0;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R64 RoundToInteger(R64 x) => new((x.V + RoundShift) - RoundShift);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R64 Pow2(R64 n) =>
        new(BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(n.V + (RoundShift + 1023.0)) << 52));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R64 Exponent(R64 x) =>
        new((double)((int)((BitConverter.DoubleToInt64Bits(x.V) >> 52) & 0x7FF) - 1023));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R64 Significand(R64 x) =>
        new(BitConverter.Int64BitsToDouble((BitConverter.DoubleToInt64Bits(x.V) & 0x000F_FFFF_FFFF_FFFFL) | 0x3FF0_0000_0000_0000L));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R64 HighPart(R64 x) =>
        new(BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(x.V) & unchecked((long)0xFFFF_FFFF_0000_0000UL)));

    /// <inheritdoc/>
    public static R64 MinNormal => new(2.2250738585072014E-308);

    /// <inheritdoc/>
    public static R64 FlushThreshold => new(1e-100);

    /// <inheritdoc/>
    public static R64 MaxValue => new(double.MaxValue);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R64 Exp(R64 x) => PMath.PortableExp(x);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R64 Log(R64 x) => PMath.PortableLog(x);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R64 Tanh(R64 x) => PMath.PortableTanh(x);

    /// <inheritdoc/>
    public override string ToString() => V.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
