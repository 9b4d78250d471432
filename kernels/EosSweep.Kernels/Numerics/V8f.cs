using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace EosSweep.Kernels.Numerics;

/// <summary>
/// Eight IEEE binary32 lanes (<see cref="Vector256{T}"/>): the f32 number type of the CPU SIMD path on AVX2 machines. Every operation is the lane-wise twin of <see cref="R32"/>'s — IEEE + − × ÷ and √ in binary32, the same bit
/// tricks, ordered compares — so a model written over <see cref="IReal{T}"/> gives bit-identical lanes and scalars.
/// The driver's bookkeeping widens the lanes to <see cref="V8"/> (exact), as the scalar driver widens to double.
/// </summary>
/// <param name="v">The lanes.</param>
public readonly struct V8f(Vector256<float> v) : ISimdReal<V8f, V8>
{
    /// <summary>The lanes.</summary>
    public readonly Vector256<float> V = v;

    /// <inheritdoc/>
    public static int Width => Vector256<float>.Count;

    /// <inheritdoc/>
    public static V8f FromDoubles(ReadOnlySpan<double> values)
    {
        Span<float> f = stackalloc float[Vector256<float>.Count];
        for (int l = 0; l < f.Length; l++)
        {
            f[l] = (float)values[l];
        }

        return new(Vector256.Create((ReadOnlySpan<float>)f));
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Lane(V8f x, int lane) => x.V.GetElement(lane);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyNonZero(V8f x) => x.V != Vector256<float>.Zero;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8 Widen(V8f x)
    {
        var (lo, hi) = Vector256.Widen(x.V);
        return new V8(Vector512.Create(lo, hi));
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8f operator +(V8f a, V8f b) => new(a.V + b.V);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8f operator -(V8f a, V8f b) => new(a.V - b.V);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8f operator *(V8f a, V8f b) => new(a.V * b.V);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8f operator /(V8f a, V8f b) => new(a.V / b.V);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8f operator -(V8f a) => new(-a.V);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8f C(double value) => new(Vector256.Create((float)value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8f Abs(V8f x) => new(Vector256.Abs(x.V));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8f CopySign(V8f m, V8f s) => new(Vector256.CopySign(m.V, s.V));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8f Sqrt(V8f x) => new(Vector256.Sqrt(x.V));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8f MulAdd(V8f a, V8f b, V8f c) => new(Vector256.FusedMultiplyAdd(a.V, b.V, c.V));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8f SelectLess(V8f a, V8f b, V8f t, V8f f) => new(Vector256.ConditionalSelect(Vector256.LessThan(a.V, b.V), t.V, f.V));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8f SelectLessEqual(V8f a, V8f b, V8f t, V8f f) => new(Vector256.ConditionalSelect(Vector256.LessThanOrEqual(a.V, b.V), t.V, f.V));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8f SelectEqual(V8f a, V8f b, V8f t, V8f f) => new(Vector256.ConditionalSelect(Vector256.Equals(a.V, b.V), t.V, f.V));

    private const float RoundShift = 12582912.0f;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8f RoundToInteger(V8f x) => new((x.V + Vector256.Create(RoundShift)) - Vector256.Create(RoundShift));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8f Pow2(V8f n) =>
        new(Vector256.ShiftLeft((n.V + Vector256.Create(RoundShift + 127.0f)).AsInt32(), 23).AsSingle());

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8f Exponent(V8f x) =>
        new(Vector256.ConvertToSingle((Vector256.ShiftRightLogical(x.V.AsInt32(), 23) & Vector256.Create(0xFF)) - Vector256.Create(127)));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8f Significand(V8f x) =>
        new(((x.V.AsInt32() & Vector256.Create(0x007F_FFFF)) | Vector256.Create(0x3F80_0000)).AsSingle());

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8f HighPart(V8f x) => new((x.V.AsInt32() & Vector256.Create(unchecked((int)0xFFFF_F000))).AsSingle());

    /// <inheritdoc/>
    public static V8f MinNormal => C(1.17549435E-38f);

    /// <inheritdoc/>
    public static V8f FlushThreshold => C(1e-15f);

    /// <inheritdoc/>
    public static V8f MaxValue => C(float.MaxValue);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8f Exp(V8f x) => PMath.PortableExp(x);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8f Log(V8f x) => PMath.PortableLog(x);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8f Tanh(V8f x) => PMath.PortableTanh(x);
}
