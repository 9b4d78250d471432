using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Simd;

/// <summary>
/// <see cref="F64x8"/> lanes and memory, as two <see cref="F64x4Memory"/> halves: .NET 10 exposes no 512-bit gather, and an
/// 8×8 transpose is two 4×4 ones.
/// </summary>
public readonly struct F64x8Memory : ILaneMemory<F64x8>
{
    /// <inheritdoc/>
    public static F64x8 Iota
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(Vector512.Create(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0));
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe F64x8 Load(double* p) => new(Vector512.Load(p));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Store(double* p, F64x8 x) => x.V.Store(p);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe F64x8 Gather(double* p, F64x8 index) =>
        new(Vector512.Create(F64x4Memory.Gather(p, index.V.GetLower()), F64x4Memory.Gather(p, index.V.GetUpper())));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Columns4(double* p, long stride, out F64x8 c0, out F64x8 c1, out F64x8 c2, out F64x8 c3)
    {
        F64x4Memory.Columns4(p, stride, out Vector256<double> l0, out Vector256<double> l1, out Vector256<double> l2, out Vector256<double> l3);
        F64x4Memory.Columns4(p + (4 * stride), stride, out Vector256<double> h0, out Vector256<double> h1, out Vector256<double> h2, out Vector256<double> h3);
        c0 = new(Vector512.Create(l0, h0));
        c1 = new(Vector512.Create(l1, h1));
        c2 = new(Vector512.Create(l2, h2));
        c3 = new(Vector512.Create(l3, h3));
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe F64x8 Column(double* p, long stride) =>
        new(Vector512.Create(F64x4Memory.Column4(p, stride), F64x4Memory.Column4(p + (4 * stride), stride)));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static F64x8 Relu(F64x8 x, out F64x8 active)
    {
        var positive = Vector512.GreaterThan(x.V, Vector512<double>.Zero);
        active = new(positive & Vector512<double>.One);
        return new(positive & x.V);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(F64x8 x) => F64x4Memory.Sum(x.V.GetLower()) + F64x4Memory.Sum(x.V.GetUpper());
}
