using EosSweep.Core.Results;

namespace EosSweep.Kernels.Execution;

/// <summary>Result columns of a host <see cref="ResultBatch"/>.</summary>
/// <param name="batch">The batch written into.</param>
public readonly struct HostSink(ResultBatch batch) : IResultSink
{
    private readonly double[] _doubles = batch.Doubles;
    private readonly int[] _ints = batch.Ints;
    private readonly int _capacity = batch.Capacity;

    /// <inheritdoc/>
    public void SetDouble(int c, int i, double v) => _doubles[(c * _capacity) + i] = v;

    /// <inheritdoc/>
    public void SetInt(int c, int i, int v) => _ints[(c * _capacity) + i] = v;
}
