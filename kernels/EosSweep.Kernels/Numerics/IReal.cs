namespace EosSweep.Kernels.Numerics;

/// <summary>
/// The number type a model's math is written over, once: <see cref="R64"/>/<see cref="R32"/> inside
/// ILGPU kernels and host reference loops, vector lanes on a SIMD path. It offers only what every
/// width can do exactly alike — IEEE + − × ÷, √ and fused multiply-add, sign tricks, lane-wise selects, and exact
/// power-of-two scaling — so that the math in <see cref="PMath"/> is bit-identical on every backend.
/// </summary>
/// <remarks>
/// Selects evaluate both arms (no branches), which is what lanes need and what keeps GPU threads
/// convergent. Comparisons are ordered: a NaN operand selects the "false" arm.
/// <para>
/// The implementations are named by element and width: <see cref="R64"/> and <see cref="R32"/> are one lane,
/// F64x4 is four binary64 lanes, F32x16 sixteen binary32 lanes, and so on. All of them, <see cref="R64Intrinsic"/>
/// included, are written at compile time by the source generator in <c>kernels/EosSweep.Kernels.Generators</c>, one
/// template per shape (<c>NumberTypes.cs</c> there lists them).
/// </para>
/// </remarks>
/// <typeparam name="T">The implementing struct.</typeparam>
public interface IReal<T> where T : struct, IReal<T>
{
    /// <summary>IEEE addition.</summary>
    static abstract T operator +(T a, T b);

    /// <summary>IEEE subtraction.</summary>
    static abstract T operator -(T a, T b);

    /// <summary>IEEE multiplication.</summary>
    static abstract T operator *(T a, T b);

    /// <summary>IEEE division.</summary>
    static abstract T operator /(T a, T b);

    /// <summary>Negation (sign flip).</summary>
    static abstract T operator -(T a);

    /// <summary>A constant (rounded to the type's precision; broadcast to every lane).</summary>
    static abstract T C(double value);

    /// <summary>|x|.</summary>
    static abstract T Abs(T x);

    /// <summary>|m| with the sign of s.</summary>
    static abstract T CopySign(T m, T s);

    /// <summary>Correctly rounded square root.</summary>
    static abstract T Sqrt(T x);

    /// <summary>
    /// a·b + c rounded once (IEEE 754 fusedMultiplyAdd): one instruction on x86 FMA3, CUDA (<c>fma.rn</c>) and OpenCL
    /// (<c>fma</c>), and the same bits in .NET's software fallback, so lanes and scalars stay identical. Inside ILGPU
    /// kernels it needs <see cref="FusedMultiplyAddIntrinsics"/> registered on the context.
    /// </summary>
    static abstract T MulAdd(T a, T b, T c);

    /// <summary>Lane-wise <c>a &lt; b ? t : f</c> (ordered: NaN gives f).</summary>
    static abstract T SelectLess(T a, T b, T t, T f);

    /// <summary>Lane-wise <c>a ≤ b ? t : f</c> (ordered: NaN gives f).</summary>
    static abstract T SelectLessEqual(T a, T b, T t, T f);

    /// <summary>Lane-wise <c>a == b ? t : f</c>.</summary>
    static abstract T SelectEqual(T a, T b, T t, T f);

    /// <summary>Nearest integer (ties to even) for |x| below 2^51 (f64) or 2^22 (f32), without Floor.</summary>
    static abstract T RoundToInteger(T x);

    /// <summary>2^n for an integral n in the normal exponent range (−1022…1023 for f64, −126…127 for f32).</summary>
    static abstract T Pow2(T n);

    /// <summary>The unbiased binary exponent e of a positive normal x (x = m·2^e, 1 ≤ m &lt; 2), as a value.</summary>
    static abstract T Exponent(T x);

    /// <summary>The significand m of a positive normal x (x = m·2^e, 1 ≤ m &lt; 2).</summary>
    static abstract T Significand(T x);

    /// <summary>x with its low significand bits cleared, so that its square is exact (fdlibm's SET_LOW_WORD(x, 0)).</summary>
    static abstract T HighPart(T x);

    /// <summary>Smallest positive normal number of the type.</summary>
    static abstract T MinNormal { get; }

    /// <summary>Parameters with |θ| below this are flushed to 0 after each GD step (see RegimeRules).</summary>
    static abstract T FlushThreshold { get; }

    /// <summary>Largest finite value of the type.</summary>
    static abstract T MaxValue { get; }

    /// <summary>
    /// e^x: <see cref="PMath.PortableExp{T}"/> in every type but <see cref="R64Intrinsic"/> (the backend's intrinsic,
    /// NVIDIA libdevice on CUDA); models reach it through <see cref="PMath.Exp{T}"/>. Abstract rather than a default
    /// implementation because the JIT does not inline default interface methods, and the SIMD path needs the whole step inlined.
    /// </summary>
    static abstract T Exp(T x);

    /// <summary>ln x: <see cref="PMath.PortableLog{T}"/> unless the type brings its own (see <see cref="Exp"/>).</summary>
    static abstract T Log(T x);

    /// <summary>tanh x: <see cref="PMath.PortableTanh{T}"/> unless the type brings its own (see <see cref="Exp"/>).</summary>
    static abstract T Tanh(T x);
}
