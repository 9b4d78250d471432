using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Simd;

/// <summary>
/// How f64 lanes <typeparamref name="TV"/> meet memory on the host: the few width-specific pieces the SIMD sample loop
/// (<see cref="SimdSamples{TV, TMemory}"/>) needs besides the lane arithmetic of <see cref="IReal{T}"/>. Indices are
/// carried as integral doubles (exact below 2^52), so the search and the row arithmetic stay in the lane type.
/// </summary>
/// <typeparam name="TV">The f64 lane type (<see cref="F64x4"/>, <see cref="F64x8"/>).</typeparam>
public unsafe interface ILaneMemory<TV>
    where TV : struct, ILanes<TV>
{
    /// <summary>Lanes 0, 1, …, Width − 1.</summary>
    static abstract TV Iota { get; }

    /// <summary>Width consecutive doubles from <paramref name="p"/>.</summary>
    static abstract TV Load(double* p);

    /// <summary>Stores the lanes to Width consecutive doubles at <paramref name="p"/>.</summary>
    static abstract void Store(double* p, TV x);

    /// <summary>Lane l = <c>p[index[l]]</c>, for integral indices 0 ≤ index &lt; 2^52.</summary>
    static abstract TV Gather(double* p, TV index);

    /// <summary>
    /// Four coordinates of Width rows, transposed: lane l of <paramref name="c0"/>…<paramref name="c3"/> is
    /// <c>p[l·stride + 0…3]</c> (row l's coordinates, one column per output).
    /// </summary>
    static abstract void Columns4(double* p, long stride, out TV c0, out TV c1, out TV c2, out TV c3);

    /// <summary>Lane l = <c>p[l·stride]</c>.</summary>
    static abstract TV Column(double* p, long stride);

    /// <summary>
    /// Lane-wise x where 0 &lt; x, else 0 (ordered: NaN gives 0), and in <paramref name="active"/> 1 or 0 alike: the
    /// direct step's ReLU and its count, as the select of <see cref="IReal{T}.SelectLess"/> but without its blend.
    /// </summary>
    static abstract TV Relu(TV x, out TV active);

    /// <summary>The sum of the lanes, in a fixed order.</summary>
    static abstract double Sum(TV x);
}
