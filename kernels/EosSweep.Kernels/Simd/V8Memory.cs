using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Simd;

/// <summary>
/// <see cref="V8"/> lanes and memory, as two <see cref="V4Memory"/> halves: .NET 10 exposes no 512-bit gather, and an
/// 8×8 transpose is two 4×4 ones.
/// </summary>
public readonly struct V8Memory : ILaneMemory<V8>
{
    /// <inheritdoc/>
    public static V8 Iota
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(Vector512.Create(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0));
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe V8 Load(double* p) => new(Vector512.Load(p));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Store(double* p, V8 x) => x.V.Store(p);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe V8 Gather(double* p, V8 index) =>
        new(Vector512.Create(V4Memory.Gather(p, index.V.GetLower()), V4Memory.Gather(p, index.V.GetUpper())));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Columns4(double* p, long stride, out V8 c0, out V8 c1, out V8 c2, out V8 c3)
    {
        V4Memory.Columns4(p, stride, out Vector256<double> l0, out Vector256<double> l1, out Vector256<double> l2, out Vector256<double> l3);
        V4Memory.Columns4(p + (4 * stride), stride, out Vector256<double> h0, out Vector256<double> h1, out Vector256<double> h2, out Vector256<double> h3);
        c0 = new(Vector512.Create(l0, h0));
        c1 = new(Vector512.Create(l1, h1));
        c2 = new(Vector512.Create(l2, h2));
        c3 = new(Vector512.Create(l3, h3));
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe V8 Column(double* p, long stride) =>
        new(Vector512.Create(V4Memory.Column4(p, stride), V4Memory.Column4(p + (4 * stride), stride)));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V8 Relu(V8 x, out V8 active)
    {
        var positive = Vector512.GreaterThan(x.V, Vector512<double>.Zero);
        active = new(positive & Vector512<double>.One);
        return new(positive & x.V);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(V8 x) => V4Memory.Sum(x.V.GetLower()) + V4Memory.Sum(x.V.GetUpper());
}
