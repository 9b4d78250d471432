using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace EosSweep.Kernels.Numerics;

/// <summary>
/// Four IEEE binary64 lanes (<see cref="Vector256{T}"/>): the number type of the CPU SIMD path on AVX2 machines (no AVX-512). Every operation
/// is the lane-wise twin of <see cref="R64"/>'s — IEEE + − × ÷ and √, the same bit tricks, ordered compares —
/// so a model written over <see cref="IReal{T}"/> gives bit-identical lanes and scalars.
/// </summary>
/// <param name="v">The lanes.</param>
public readonly struct V4(Vector256<double> v) : ISimdReal<V4, V4>
{
    /// <summary>The lanes.</summary>
    public readonly Vector256<double> V = v;

    /// <inheritdoc/>
    public static int Width => Vector256<double>.Count;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V4 FromDoubles(ReadOnlySpan<double> values) => new(Vector256.Create(values));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Lane(V4 x, int lane) => x.V.GetElement(lane);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyNonZero(V4 x) => x.V != Vector256<double>.Zero;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V4 Widen(V4 x) => x;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V4 operator +(V4 a, V4 b) => new(a.V + b.V);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V4 operator -(V4 a, V4 b) => new(a.V - b.V);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V4 operator *(V4 a, V4 b) => new(a.V * b.V);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V4 operator /(V4 a, V4 b) => new(a.V / b.V);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V4 operator -(V4 a) => new(-a.V);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V4 C(double value) => new(Vector256.Create(value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V4 Abs(V4 x) => new(Vector256.Abs(x.V));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V4 CopySign(V4 m, V4 s) => new(Vector256.CopySign(m.V, s.V));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V4 Sqrt(V4 x) => new(Vector256.Sqrt(x.V));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V4 MulAdd(V4 a, V4 b, V4 c) => new(Vector256.FusedMultiplyAdd(a.V, b.V, c.V));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V4 SelectLess(V4 a, V4 b, V4 t, V4 f) => new(Vector256.ConditionalSelect(Vector256.LessThan(a.V, b.V), t.V, f.V));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V4 SelectLessEqual(V4 a, V4 b, V4 t, V4 f) => new(Vector256.ConditionalSelect(Vector256.LessThanOrEqual(a.V, b.V), t.V, f.V));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V4 SelectEqual(V4 a, V4 b, V4 t, V4 f) => new(Vector256.ConditionalSelect(Vector256.Equals(a.V, b.V), t.V, f.V));

    private const double RoundShift = 6755399441055744.0;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V4 RoundToInteger(V4 x) => new((x.V + Vector256.Create(RoundShift)) - Vector256.Create(RoundShift));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V4 Pow2(V4 n) =>
        new(Vector256.ShiftLeft((n.V + Vector256.Create(RoundShift + 1023.0)).AsInt64(), 52).AsDouble());

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V4 Exponent(V4 x) =>
        new(Vector256.ConvertToDouble((Vector256.ShiftRightLogical(x.V.AsInt64(), 52) & Vector256.Create(0x7FFL)) - Vector256.Create(1023L)));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V4 Significand(V4 x) =>
        new(((x.V.AsInt64() & Vector256.Create(0x000F_FFFF_FFFF_FFFFL)) | Vector256.Create(0x3FF0_0000_0000_0000L)).AsDouble());

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V4 HighPart(V4 x) => new((x.V.AsInt64() & Vector256.Create(unchecked((long)0xFFFF_FFFF_0000_0000UL))).AsDouble());

    /// <inheritdoc/>
    public static V4 MinNormal => C(2.2250738585072014E-308);

    /// <inheritdoc/>
    public static V4 FlushThreshold => C(1e-100);

    /// <inheritdoc/>
    public static V4 MaxValue => C(double.MaxValue);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V4 Exp(V4 x) => PMath.PortableExp(x);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V4 Log(V4 x) => PMath.PortableLog(x);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V4 Tanh(V4 x) => PMath.PortableTanh(x);
}
