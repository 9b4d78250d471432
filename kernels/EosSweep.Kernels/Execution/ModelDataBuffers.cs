using EosSweep.Kernels.Models;
using ILGPU.Runtime;

namespace EosSweep.Kernels.Execution;

/// <summary>The device buffers behind a <see cref="ModelData"/>; disposing frees them.</summary>
public sealed class ModelDataBuffers : IDisposable
{
    private readonly MemoryBuffer1D<double, ILGPU.Stride1D.Dense> _doubles;
    private readonly MemoryBuffer1D<int, ILGPU.Stride1D.Dense> _ints;
    private readonly MemoryBuffer1D<double, ILGPU.Stride1D.Dense> _scratch;
    private readonly int _scratchStride;

    /// <summary>Takes ownership of the buffers; <paramref name="scratch"/> holds <paramref name="scratchStride"/> rows.</summary>
    public ModelDataBuffers(
        MemoryBuffer1D<double, ILGPU.Stride1D.Dense> doubles,
        MemoryBuffer1D<int, ILGPU.Stride1D.Dense> ints,
        MemoryBuffer1D<double, ILGPU.Stride1D.Dense> scratch,
        int scratchStride)
    {
        _doubles = doubles;
        _ints = ints;
        _scratch = scratch;
        _scratchStride = scratchStride;
    }

    /// <summary>The views kernels read.</summary>
    public ModelData Views => new(_doubles.View, _ints.View, _scratch.View, _scratchStride);

    /// <summary>Bytes held on the device.</summary>
    public long Bytes => ((_doubles.Length + _scratch.Length) * sizeof(double)) + (_ints.Length * sizeof(int));

    /// <summary>Empty data (one element each, so views are valid on every backend).</summary>
    public static ModelDataBuffers Empty(Accelerator accelerator) =>
        new(accelerator.Allocate1D<double>(1), accelerator.Allocate1D<int>(1), accelerator.Allocate1D<double>(1), 1);

    /// <inheritdoc/>
    public void Dispose()
    {
        _doubles.Dispose();
        _ints.Dispose();
        _scratch.Dispose();
    }
}
