using EosSweep.Kernels.Numerics;
using ILGPU;

namespace EosSweep.Tests.Numerics;

/// <summary>Kernels that apply <see cref="IReal{T}.MulAdd"/> element-wise, for backend and offline-compile tests.</summary>
public static class MulAddTestKernels
{
    /// <summary>result[i] = a[i]·b[i] + c[i], rounded once, in f64.</summary>
    public static void F64(Index1D i, ArrayView<double> a, ArrayView<double> b, ArrayView<double> c, ArrayView<double> result) =>
        result[i] = R64.MulAdd(new R64(a[i]), new R64(b[i]), new R64(c[i])).V;

    /// <summary>result[i] = a[i]·b[i] + c[i], rounded once, in f32.</summary>
    public static void F32(Index1D i, ArrayView<float> a, ArrayView<float> b, ArrayView<float> c, ArrayView<float> result) =>
        result[i] = R32.MulAdd(new R32(a[i]), new R32(b[i]), new R32(c[i])).V;
}
