using ILGPU;

namespace EosSweep.Kernels.Execution;

/// <summary>Grid values in device memory: concatenated axis values and (offset, count, stride) per axis.</summary>
/// <param name="values">Concatenated axis values.</param>
/// <param name="meta">(offset, count, stride) per axis.</param>
public readonly struct DeviceGrid(ArrayView<double> values, ArrayView<long> meta) : IGridSource
{
    private readonly ArrayView<double> _values = values;
    private readonly ArrayView<long> _meta = meta;

    /// <inheritdoc/>
    public double Value(long index, int k) =>
        _values[_meta[3 * k] + ((index / _meta[(3 * k) + 2]) % _meta[(3 * k) + 1])];
}
