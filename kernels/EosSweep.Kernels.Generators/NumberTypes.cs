namespace EosSweep.Kernels.Generators;

/// <summary>The number types the generator writes: the names the rest of the code uses, and what each is for.</summary>
internal static class NumberTypes
{
    /// <summary>Every generated type, scalars first.</summary>
    public static readonly NumberType[] All =
    [
        new ScalarType(
            "R64",
            Element.Binary64,
            "One IEEE binary64 lane: the kernel and reference number type for <c>--precision f64</c>."),
        new ScalarType(
            "R32",
            Element.Binary32,
            "One IEEE binary32 lane: the kernel number type for <c>--precision f32</c>."),
        new ScalarType(
            "R64Intrinsic",
            Element.Binary64,
            """
            One IEEE binary64 lane like <see cref="R64"/>, except that e^x, ln x and tanh x are the backend's own
            (<see cref="Math.Exp(double)"/>, <see cref="Math.Log(double)"/>, <see cref="Math.Tanh(double)"/>): on CUDA with <c>Context.Builder.LibDevice()</c>
            ILGPU maps them to NVIDIA's libdevice (__nv_exp, __nv_log, __nv_tanh); on the CPU they are .NET's libm calls.
            Everything built from them (log1p, erf, Φ, the losses) follows. The number type of <c>--gpu-math libdevice</c>,
            kept beside the project's math to measure which is faster and accurate enough; results are not bit-identical
            to <see cref="R64"/>. Without LibDevice, ILGPU's CUDA backend compiles these three to its slow software
            routines (docs/backends.md, "Double-precision math on CUDA"), so this type is only worth using with it.
            """,
            backendTranscendentals: true),
        new LanesType(
            "F64x4",
            Element.Binary64,
            "Vector256",
            "Four IEEE binary64 lanes (<see cref=\"Vector256{T}\"/>): the number type of the CPU SIMD path on AVX2 machines (no AVX-512)."),
        new LanesType(
            "F64x8",
            Element.Binary64,
            "Vector512",
            "Eight IEEE binary64 lanes (<see cref=\"Vector512{T}\"/>): the number type of the CPU SIMD path."),
        new LanesType(
            "F32x8",
            Element.Binary32,
            "Vector256",
            "Eight IEEE binary32 lanes (<see cref=\"Vector256{T}\"/>): the f32 number type of the CPU SIMD path on AVX2 machines.",
            widened: "F64x8",
            widenedFromHalves: "new F64x8(Vector512.Create(lo, hi))"),
        new LanesType(
            "F32x16",
            Element.Binary32,
            "Vector512",
            "Sixteen IEEE binary32 lanes (<see cref=\"Vector512{T}\"/>): the f32 number type of the CPU SIMD path with AVX-512.",
            widened: "F64x16",
            widenedFromHalves: "new F64x16(new F64x8(lo), new F64x8(hi))"),
        new LanePairType(
            "F64x16",
            "F64x8",
            "Sixteen IEEE binary64 lanes as two <see cref=\"F64x8\"/> halves: the double bookkeeping lanes of <see cref=\"F32x16\"/> " +
            "(the SIMD driver compares widened f32 values with the limits in double, as the scalar driver does)."),
    ];
}

/// <summary>One generated type.</summary>
/// <param name="name">The type's name.</param>
internal abstract class NumberType(string name)
{
    /// <summary>The type's name.</summary>
    public string Name { get; } = name;

    /// <summary>The type's declaration (C#, below the namespace line).</summary>
    public abstract string Source();
}
