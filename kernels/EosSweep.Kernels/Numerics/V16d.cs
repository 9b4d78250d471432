using System.Runtime.CompilerServices;

namespace EosSweep.Kernels.Numerics;

/// <summary>
/// Sixteen IEEE binary64 lanes as two <see cref="V8"/> halves: the double bookkeeping lanes of <see cref="V16f"/>
/// (the SIMD driver compares widened f32 values with the limits in double, as the scalar driver does).
/// </summary>
/// <param name="lo">Lanes 0–7.</param>
/// <param name="hi">Lanes 8–15.</param>
public readonly struct V16d(V8 lo, V8 hi) : ILanes<V16d>
{
    /// <summary>Lanes 0–7.</summary>
    public readonly V8 Lo = lo;

    /// <summary>Lanes 8–15.</summary>
    public readonly V8 Hi = hi;

    /// <inheritdoc/>
    public static int Width => 2 * V8.Width;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16d FromDoubles(ReadOnlySpan<double> values) =>
        new(V8.FromDoubles(values[..V8.Width]), V8.FromDoubles(values[V8.Width..]));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Lane(V16d x, int lane) => lane < V8.Width ? V8.Lane(x.Lo, lane) : V8.Lane(x.Hi, lane - V8.Width);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyNonZero(V16d x) => V8.AnyNonZero(x.Lo) || V8.AnyNonZero(x.Hi);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16d operator +(V16d a, V16d b) => new(a.Lo + b.Lo, a.Hi + b.Hi);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16d operator -(V16d a, V16d b) => new(a.Lo - b.Lo, a.Hi - b.Hi);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16d operator *(V16d a, V16d b) => new(a.Lo * b.Lo, a.Hi * b.Hi);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16d operator /(V16d a, V16d b) => new(a.Lo / b.Lo, a.Hi / b.Hi);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16d operator -(V16d a) => new(-a.Lo, -a.Hi);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16d C(double value) => new(V8.C(value), V8.C(value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16d Abs(V16d x) => new(V8.Abs(x.Lo), V8.Abs(x.Hi));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16d CopySign(V16d m, V16d s) => new(V8.CopySign(m.Lo, s.Lo), V8.CopySign(m.Hi, s.Hi));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16d Sqrt(V16d x) => new(V8.Sqrt(x.Lo), V8.Sqrt(x.Hi));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16d MulAdd(V16d a, V16d b, V16d c) => new(V8.MulAdd(a.Lo, b.Lo, c.Lo), V8.MulAdd(a.Hi, b.Hi, c.Hi));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16d SelectLess(V16d a, V16d b, V16d t, V16d f) =>
        new(V8.SelectLess(a.Lo, b.Lo, t.Lo, f.Lo), V8.SelectLess(a.Hi, b.Hi, t.Hi, f.Hi));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16d SelectLessEqual(V16d a, V16d b, V16d t, V16d f) =>
        new(V8.SelectLessEqual(a.Lo, b.Lo, t.Lo, f.Lo), V8.SelectLessEqual(a.Hi, b.Hi, t.Hi, f.Hi));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16d SelectEqual(V16d a, V16d b, V16d t, V16d f) =>
        new(V8.SelectEqual(a.Lo, b.Lo, t.Lo, f.Lo), V8.SelectEqual(a.Hi, b.Hi, t.Hi, f.Hi));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16d RoundToInteger(V16d x) => new(V8.RoundToInteger(x.Lo), V8.RoundToInteger(x.Hi));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16d Pow2(V16d n) => new(V8.Pow2(n.Lo), V8.Pow2(n.Hi));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16d Exponent(V16d x) => new(V8.Exponent(x.Lo), V8.Exponent(x.Hi));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16d Significand(V16d x) => new(V8.Significand(x.Lo), V8.Significand(x.Hi));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16d HighPart(V16d x) => new(V8.HighPart(x.Lo), V8.HighPart(x.Hi));

    /// <inheritdoc/>
    public static V16d MinNormal => C(2.2250738585072014E-308);

    /// <inheritdoc/>
    public static V16d FlushThreshold => C(1e-100);

    /// <inheritdoc/>
    public static V16d MaxValue => C(double.MaxValue);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16d Exp(V16d x) => PMath.PortableExp(x);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16d Log(V16d x) => PMath.PortableLog(x);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V16d Tanh(V16d x) => PMath.PortableTanh(x);
}
