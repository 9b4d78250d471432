using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Simd;

/// <summary>
/// <see cref="F64x4"/> lanes and memory: AVX2 gathers with 64-bit indices, an AVX 4×4 transpose, element loads where
/// the instructions are missing (same values either way).
/// </summary>
public readonly struct F64x4Memory : ILaneMemory<F64x4>
{
    /// <summary>2^52: x + 2^52 holds the integer x (0 ≤ x &lt; 2^52) in its low significand bits.</summary>
    private const double IndexShift = 4503599627370496.0;

    /// <inheritdoc/>
    public static F64x4 Iota
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(Vector256.Create(0.0, 1.0, 2.0, 3.0));
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe F64x4 Load(double* p) => new(Vector256.Load(p));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Store(double* p, F64x4 x) => x.V.Store(p);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe F64x4 Gather(double* p, F64x4 index) => new(Gather(p, index.V));

    /// <summary>Lane l = p[index[l]] for four integral double indices.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Vector256<double> Gather(double* p, Vector256<double> index)
    {
        var shift = Vector256.Create(IndexShift);
        var i = (index + shift).AsInt64() - shift.AsInt64();
        if (Avx2.IsSupported)
        {
            return Avx2.GatherVector256(p, i, 8);
        }

        return Vector256.Create(p[i.GetElement(0)], p[i.GetElement(1)], p[i.GetElement(2)], p[i.GetElement(3)]);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Columns4(double* p, long stride, out F64x4 c0, out F64x4 c1, out F64x4 c2, out F64x4 c3)
    {
        Columns4(p, stride, out Vector256<double> a, out Vector256<double> b, out Vector256<double> c, out Vector256<double> d);
        c0 = new(a);
        c1 = new(b);
        c2 = new(c);
        c3 = new(d);
    }

    /// <summary>The 4×4 block of rows p, p + stride, p + 2·stride, p + 3·stride, transposed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Columns4(double* p, long stride, out Vector256<double> c0, out Vector256<double> c1, out Vector256<double> c2, out Vector256<double> c3)
    {
        var r0 = Vector256.Load(p);
        var r1 = Vector256.Load(p + stride);
        var r2 = Vector256.Load(p + (2 * stride));
        var r3 = Vector256.Load(p + (3 * stride));
        if (Avx.IsSupported)
        {
            var t0 = Avx.UnpackLow(r0, r1);    // r0[0] r1[0] r0[2] r1[2]
            var t1 = Avx.UnpackHigh(r0, r1);   // r0[1] r1[1] r0[3] r1[3]
            var t2 = Avx.UnpackLow(r2, r3);
            var t3 = Avx.UnpackHigh(r2, r3);
            c0 = Avx.Permute2x128(t0, t2, 0x20);
            c1 = Avx.Permute2x128(t1, t3, 0x20);
            c2 = Avx.Permute2x128(t0, t2, 0x31);
            c3 = Avx.Permute2x128(t1, t3, 0x31);
            return;
        }

        c0 = Vector256.Create(r0[0], r1[0], r2[0], r3[0]);
        c1 = Vector256.Create(r0[1], r1[1], r2[1], r3[1]);
        c2 = Vector256.Create(r0[2], r1[2], r2[2], r3[2]);
        c3 = Vector256.Create(r0[3], r1[3], r2[3], r3[3]);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe F64x4 Column(double* p, long stride) => new(Column4(p, stride));

    /// <summary>p[0], p[stride], p[2·stride], p[3·stride].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Vector256<double> Column4(double* p, long stride) =>
        Vector256.Create(p[0], p[stride], p[2 * stride], p[3 * stride]);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static F64x4 Relu(F64x4 x, out F64x4 active)
    {
        var positive = Vector256.GreaterThan(x.V, Vector256<double>.Zero);
        active = new(positive & Vector256<double>.One);
        return new(positive & x.V);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(F64x4 x) => Sum(x.V);

    /// <summary>(x₀ + x₁) + (x₂ + x₃).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(Vector256<double> x) => (x.GetElement(0) + x.GetElement(1)) + (x.GetElement(2) + x.GetElement(3));
}
