using System.Runtime.CompilerServices;

namespace EosSweep.Kernels.Numerics;

/// <summary>One IEEE binary32 lane: the kernel number type for <c>--precision f32</c>.</summary>
/// <param name="v">The value.</param>
public readonly struct R32(float v) : IScalar<R32>
{
    /// <summary>The value.</summary>
    public readonly float V = v;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R32 operator +(R32 a, R32 b) => new(a.V + b.V);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R32 operator -(R32 a, R32 b) => new(a.V - b.V);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R32 operator *(R32 a, R32 b) => new(a.V * b.V);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R32 operator /(R32 a, R32 b) => new(a.V / b.V);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R32 operator -(R32 a) => new(-a.V);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R32 C(double value) => new((float)value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ToDouble(R32 x) => x.V;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R32 Abs(R32 x) => new(MathF.Abs(x.V));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R32 CopySign(R32 m, R32 s) => new(MathF.CopySign(m.V, s.V));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R32 Sqrt(R32 x) => new(MathF.Sqrt(x.V));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R32 MulAdd(R32 a, R32 b, R32 c) => new(MathF.FusedMultiplyAdd(a.V, b.V, c.V));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R32 SelectLess(R32 a, R32 b, R32 t, R32 f) => a.V < b.V ? t : f;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R32 SelectLessEqual(R32 a, R32 b, R32 t, R32 f) => a.V <= b.V ? t : f;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R32 SelectEqual(R32 a, R32 b, R32 t, R32 f) => a.V == b.V ? t : f;

    /// <summary>1.5·2^23: adding and subtracting it rounds to an integer in round-to-nearest-even.</summary>
    private const float RoundShift = 12582912.0f;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R32 RoundToInteger(R32 x) => new((x.V + RoundShift) - RoundShift);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R32 Pow2(R32 n) =>
        new(BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(n.V + (RoundShift + 127.0f)) << 23));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R32 Exponent(R32 x) =>
        new((float)(((BitConverter.SingleToInt32Bits(x.V) >> 23) & 0xFF) - 127));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R32 Significand(R32 x) =>
        new(BitConverter.Int32BitsToSingle((BitConverter.SingleToInt32Bits(x.V) & 0x007F_FFFF) | 0x3F80_0000));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R32 HighPart(R32 x) =>
        new(BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(x.V) & unchecked((int)0xFFFF_F000)));

    /// <inheritdoc/>
    public static R32 MinNormal => new(1.17549435E-38f);

    /// <inheritdoc/>
    public static R32 FlushThreshold => new(1e-15f);

    /// <inheritdoc/>
    public static R32 MaxValue => new(float.MaxValue);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R32 Exp(R32 x) => PMath.PortableExp(x);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R32 Log(R32 x) => PMath.PortableLog(x);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R32 Tanh(R32 x) => PMath.PortableTanh(x);

    /// <inheritdoc/>
    public override string ToString() => V.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
