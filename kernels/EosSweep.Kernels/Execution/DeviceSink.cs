using ILGPU;

namespace EosSweep.Kernels.Execution;

/// <summary>Result columns in device memory, one block of <c>capacity</c> values per column.</summary>
/// <param name="doubles">Double columns.</param>
/// <param name="ints">Int columns.</param>
/// <param name="capacity">Column block length.</param>
public readonly struct DeviceSink(ArrayView<double> doubles, ArrayView<int> ints, int capacity) : IResultSink
{
    private readonly ArrayView<double> _doubles = doubles;
    private readonly ArrayView<int> _ints = ints;
    private readonly int _capacity = capacity;

    /// <inheritdoc/>
    public void SetDouble(int c, int i, double v) => _doubles[(c * _capacity) + i] = v;

    /// <inheritdoc/>
    public void SetInt(int c, int i, int v) => _ints[(c * _capacity) + i] = v;
}
