using EosSweep.Core.Results;

namespace EosSweep.Kernels.Execution;

/// <summary>Result columns of a host <see cref="ResultBatch"/>, trajectory i written to row <c>firstRow + i</c>.</summary>
/// <param name="batch">The batch written into.</param>
/// <param name="firstRow">Row of trajectory 0.</param>
public readonly struct HostSink(ResultBatch batch, int firstRow = 0) : IResultSink
{
    private readonly double[] _doubles = batch.Doubles;
    private readonly int[] _ints = batch.Ints;
    private readonly int _capacity = batch.Capacity;
    private readonly int _first = firstRow;

    /// <inheritdoc/>
    public void SetDouble(int c, int i, double v) => _doubles[(c * _capacity) + _first + i] = v;

    /// <inheritdoc/>
    public void SetInt(int c, int i, int v) => _ints[(c * _capacity) + _first + i] = v;
}
