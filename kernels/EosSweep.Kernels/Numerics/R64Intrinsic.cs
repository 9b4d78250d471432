using System.Runtime.CompilerServices;

namespace EosSweep.Kernels.Numerics;

/// <summary>
/// One IEEE binary64 lane like <see cref="R64"/>, except that e^x, ln x and tanh x are the backend's own
/// (<see cref="Math.Exp(double)"/>, <see cref="Math.Log(double)"/>, <see cref="Math.Tanh(double)"/>): on CUDA with <c>Context.Builder.LibDevice()</c>
/// ILGPU maps them to NVIDIA's libdevice (__nv_exp, __nv_log, __nv_tanh); on the CPU they are .NET's libm calls.
/// Everything built from them (log1p, erf, Φ, the losses) follows. The number type of <c>--gpu-math libdevice</c>,
/// kept beside the project's math to measure which is faster and accurate enough; results are not bit-identical
/// to <see cref="R64"/>. Without LibDevice, ILGPU's CUDA backend compiles these three to its slow software
/// routines (docs/backends.md, "Double-precision math on CUDA"), so this type is only worth using with it.
/// </summary>
/// <param name="v">The value.</param>
public readonly struct R64Intrinsic(double v) : IScalar<R64Intrinsic>
{
    /// <summary>The value.</summary>
    public readonly double V = v;

    /// <inheritdoc/>
    public static R64Intrinsic operator +(R64Intrinsic a, R64Intrinsic b) => new(a.V + b.V);

    /// <inheritdoc/>
    public static R64Intrinsic operator -(R64Intrinsic a, R64Intrinsic b) => new(a.V - b.V);

    /// <inheritdoc/>
    public static R64Intrinsic operator *(R64Intrinsic a, R64Intrinsic b) => new(a.V * b.V);

    /// <inheritdoc/>
    public static R64Intrinsic operator /(R64Intrinsic a, R64Intrinsic b) => new(a.V / b.V);

    /// <inheritdoc/>
    public static R64Intrinsic operator -(R64Intrinsic a) => new(-a.V);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R64Intrinsic C(double value) => new(value);

    /// <inheritdoc/>
    public static double ToDouble(R64Intrinsic x) => x.V;

    /// <inheritdoc/>
    public static R64Intrinsic Abs(R64Intrinsic x) => new(Math.Abs(x.V));

    /// <inheritdoc/>
    public static R64Intrinsic CopySign(R64Intrinsic m, R64Intrinsic s) => new(Math.CopySign(m.V, s.V));

    /// <inheritdoc/>
    public static R64Intrinsic Sqrt(R64Intrinsic x) => new(Math.Sqrt(x.V));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R64Intrinsic MulAdd(R64Intrinsic a, R64Intrinsic b, R64Intrinsic c) => new(Math.FusedMultiplyAdd(a.V, b.V, c.V));

    /// <inheritdoc/>
    public static R64Intrinsic SelectLess(R64Intrinsic a, R64Intrinsic b, R64Intrinsic t, R64Intrinsic f) => a.V < b.V ? t : f;

    /// <inheritdoc/>
    public static R64Intrinsic SelectLessEqual(R64Intrinsic a, R64Intrinsic b, R64Intrinsic t, R64Intrinsic f) => a.V <= b.V ? t : f;

    /// <inheritdoc/>
    public static R64Intrinsic SelectEqual(R64Intrinsic a, R64Intrinsic b, R64Intrinsic t, R64Intrinsic f) => a.V == b.V ? t : f;

    /// <summary>1.5·2^52: adding and subtracting it rounds to an integer in round-to-nearest-even.</summary>
    private const double RoundShift = 6755399441055744.0;

    /// <inheritdoc/>
    public static R64Intrinsic RoundToInteger(R64Intrinsic x) => new((x.V + RoundShift) - RoundShift);

    /// <inheritdoc/>
    public static R64Intrinsic Pow2(R64Intrinsic n) =>
        new(BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(n.V + (RoundShift + 1023.0)) << 52));

    /// <inheritdoc/>
    public static R64Intrinsic Exponent(R64Intrinsic x) =>
        new((double)((int)((BitConverter.DoubleToInt64Bits(x.V) >> 52) & 0x7FF) - 1023));

    /// <inheritdoc/>
    public static R64Intrinsic Significand(R64Intrinsic x) =>
        new(BitConverter.Int64BitsToDouble((BitConverter.DoubleToInt64Bits(x.V) & 0x000F_FFFF_FFFF_FFFFL) | 0x3FF0_0000_0000_0000L));

    /// <inheritdoc/>
    public static R64Intrinsic HighPart(R64Intrinsic x) =>
        new(BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(x.V) & unchecked((long)0xFFFF_FFFF_0000_0000UL)));

    /// <inheritdoc/>
    public static R64Intrinsic MinNormal => new(2.2250738585072014E-308);

    /// <inheritdoc/>
    public static R64Intrinsic FlushThreshold => new(1e-100);

    /// <inheritdoc/>
    public static R64Intrinsic MaxValue => new(double.MaxValue);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R64Intrinsic Exp(R64Intrinsic x) => new(Math.Exp(x.V));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R64Intrinsic Log(R64Intrinsic x) => new(Math.Log(x.V));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static R64Intrinsic Tanh(R64Intrinsic x) => new(Math.Tanh(x.V));

    /// <inheritdoc/>
    public override string ToString() => V.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
