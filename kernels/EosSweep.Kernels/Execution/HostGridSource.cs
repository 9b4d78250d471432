namespace EosSweep.Kernels.Execution;

/// <summary>A <see cref="HostGrid"/> seen through <see cref="IGridSource"/> (a struct, so calls specialise).</summary>
/// <param name="grid">The grid.</param>
public readonly struct HostGridSource(HostGrid grid) : IGridSource
{
    private readonly double[] _values = grid.Values;
    private readonly long[] _meta = grid.Meta;

    /// <inheritdoc/>
    public double Value(long index, int k) =>
        _values[_meta[3 * k] + ((index / _meta[(3 * k) + 2]) % _meta[(3 * k) + 1])];
}
