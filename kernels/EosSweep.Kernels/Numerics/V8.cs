using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace EosSweep.Kernels.Numerics;

/// <summary>
/// Eight IEEE binary64 lanes (<see cref="Vector512{T}"/>): the number type of the CPU SIMD path. Every operation
/// is the lane-wise twin of <see cref="R64"/>'s — IEEE + − × ÷ and √, the same bit tricks, ordered compares —
/// so a model written over <see cref="IReal{T}"/> gives bit-identical lanes and scalars.
/// </summary>
/// <param name="v">The lanes.</param>
public readonly struct V8(Vector512<double> v) : ISimdReal<V8, V8>
{
    /// <summary>The lanes.</summary>
    public readonly Vector512<double> V = v;

    /// <inheritdoc/>
    public static int Width => Vector512<double>.Count;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8 FromDoubles(ReadOnlySpan<double> values) => new(Vector512.Create(values));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Lane(V8 x, int lane) => x.V.GetElement(lane);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyNonZero(V8 x) => x.V != Vector512<double>.Zero;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8 Widen(V8 x) => x;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8 operator +(V8 a, V8 b) => new(a.V + b.V);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8 operator -(V8 a, V8 b) => new(a.V - b.V);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8 operator *(V8 a, V8 b) => new(a.V * b.V);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8 operator /(V8 a, V8 b) => new(a.V / b.V);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8 operator -(V8 a) => new(-a.V);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8 C(double value) => new(Vector512.Create(value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8 Abs(V8 x) => new(Vector512.Abs(x.V));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8 CopySign(V8 m, V8 s) => new(Vector512.CopySign(m.V, s.V));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8 Sqrt(V8 x) => new(Vector512.Sqrt(x.V));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8 MulAdd(V8 a, V8 b, V8 c) => new(Vector512.FusedMultiplyAdd(a.V, b.V, c.V));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8 SelectLess(V8 a, V8 b, V8 t, V8 f) => new(Vector512.ConditionalSelect(Vector512.LessThan(a.V, b.V), t.V, f.V));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8 SelectLessEqual(V8 a, V8 b, V8 t, V8 f) => new(Vector512.ConditionalSelect(Vector512.LessThanOrEqual(a.V, b.V), t.V, f.V));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8 SelectEqual(V8 a, V8 b, V8 t, V8 f) => new(Vector512.ConditionalSelect(Vector512.Equals(a.V, b.V), t.V, f.V));

    private const double RoundShift = 6755399441055744.0;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8 RoundToInteger(V8 x) => new((x.V + Vector512.Create(RoundShift)) - Vector512.Create(RoundShift));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8 Pow2(V8 n) =>
        new(Vector512.ShiftLeft((n.V + Vector512.Create(RoundShift + 1023.0)).AsInt64(), 52).AsDouble());

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8 Exponent(V8 x) =>
        new(Vector512.ConvertToDouble((Vector512.ShiftRightLogical(x.V.AsInt64(), 52) & Vector512.Create(0x7FFL)) - Vector512.Create(1023L)));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8 Significand(V8 x) =>
        new(((x.V.AsInt64() & Vector512.Create(0x000F_FFFF_FFFF_FFFFL)) | Vector512.Create(0x3FF0_0000_0000_0000L)).AsDouble());

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8 HighPart(V8 x) => new((x.V.AsInt64() & Vector512.Create(unchecked((long)0xFFFF_FFFF_0000_0000UL))).AsDouble());

    /// <inheritdoc/>
    public static V8 MinNormal => C(2.2250738585072014E-308);

    /// <inheritdoc/>
    public static V8 FlushThreshold => C(1e-100);

    /// <inheritdoc/>
    public static V8 MaxValue => C(double.MaxValue);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8 Exp(V8 x) => PMath.PortableExp(x);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8 Log(V8 x) => PMath.PortableLog(x);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8 Tanh(V8 x) => PMath.PortableTanh(x);
}
