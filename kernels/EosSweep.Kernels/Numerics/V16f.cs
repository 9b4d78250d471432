using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace EosSweep.Kernels.Numerics;

/// <summary>
/// Sixteen IEEE binary32 lanes (<see cref="Vector512{T}"/>): the f32 number type of the CPU SIMD path with AVX-512. Every operation is the lane-wise twin of <see cref="R32"/>'s — IEEE + − × ÷ and √ in binary32, the same bit
/// tricks, ordered compares — so a model written over <see cref="IReal{T}"/> gives bit-identical lanes and scalars.
/// The driver's bookkeeping widens the lanes to <see cref="V16d"/> (exact), as the scalar driver widens to double.
/// </summary>
/// <param name="v">The lanes.</param>
public readonly struct V16f(Vector512<float> v) : ISimdReal<V16f, V16d>
{
    /// <summary>The lanes.</summary>
    public readonly Vector512<float> V = v;

    /// <inheritdoc/>
    public static int Width => Vector512<float>.Count;

    /// <inheritdoc/>
    public static V16f FromDoubles(ReadOnlySpan<double> values)
    {
        Span<float> f = stackalloc float[Vector512<float>.Count];
        for (int l = 0; l < f.Length; l++)
        {
            f[l] = (float)values[l];
        }

        return new(Vector512.Create((ReadOnlySpan<float>)f));
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Lane(V16f x, int lane) => x.V.GetElement(lane);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyNonZero(V16f x) => x.V != Vector512<float>.Zero;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16d Widen(V16f x)
    {
        var (lo, hi) = Vector512.Widen(x.V);
        return new V16d(new V8(lo), new V8(hi));
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16f operator +(V16f a, V16f b) => new(a.V + b.V);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16f operator -(V16f a, V16f b) => new(a.V - b.V);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16f operator *(V16f a, V16f b) => new(a.V * b.V);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16f operator /(V16f a, V16f b) => new(a.V / b.V);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16f operator -(V16f a) => new(-a.V);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16f C(double value) => new(Vector512.Create((float)value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16f Abs(V16f x) => new(Vector512.Abs(x.V));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16f CopySign(V16f m, V16f s) => new(Vector512.CopySign(m.V, s.V));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16f Sqrt(V16f x) => new(Vector512.Sqrt(x.V));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16f MulAdd(V16f a, V16f b, V16f c) => new(Vector512.FusedMultiplyAdd(a.V, b.V, c.V));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16f SelectLess(V16f a, V16f b, V16f t, V16f f) => new(Vector512.ConditionalSelect(Vector512.LessThan(a.V, b.V), t.V, f.V));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16f SelectLessEqual(V16f a, V16f b, V16f t, V16f f) => new(Vector512.ConditionalSelect(Vector512.LessThanOrEqual(a.V, b.V), t.V, f.V));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16f SelectEqual(V16f a, V16f b, V16f t, V16f f) => new(Vector512.ConditionalSelect(Vector512.Equals(a.V, b.V), t.V, f.V));

    private const float RoundShift = 12582912.0f;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16f RoundToInteger(V16f x) => new((x.V + Vector512.Create(RoundShift)) - Vector512.Create(RoundShift));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16f Pow2(V16f n) =>
        new(Vector512.ShiftLeft((n.V + Vector512.Create(RoundShift + 127.0f)).AsInt32(), 23).AsSingle());

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16f Exponent(V16f x) =>
        new(Vector512.ConvertToSingle((Vector512.ShiftRightLogical(x.V.AsInt32(), 23) & Vector512.Create(0xFF)) - Vector512.Create(127)));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16f Significand(V16f x) =>
        new(((x.V.AsInt32() & Vector512.Create(0x007F_FFFF)) | Vector512.Create(0x3F80_0000)).AsSingle());

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16f HighPart(V16f x) => new((x.V.AsInt32() & Vector512.Create(unchecked((int)0xFFFF_F000))).AsSingle());

    /// <inheritdoc/>
    public static V16f MinNormal => C(1.17549435E-38f);

    /// <inheritdoc/>
    public static V16f FlushThreshold => C(1e-15f);

    /// <inheritdoc/>
    public static V16f MaxValue => C(float.MaxValue);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16f Exp(V16f x) => PMath.PortableExp(x);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16f Log(V16f x) => PMath.PortableLog(x);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16f Tanh(V16f x) => PMath.PortableTanh(x);
}
