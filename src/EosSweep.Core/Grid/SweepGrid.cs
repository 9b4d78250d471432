namespace EosSweep.Core.Grid;

/// <summary>
/// The Cartesian product of the axes, never materialised: a trajectory index decodes to one value per
/// axis in mixed radix, the first axis slowest (row-major, like numpy's <c>ravel</c> of an
/// <c>ij</c> meshgrid).
/// </summary>
public sealed class SweepGrid
{
    private readonly long[] _strides;

    /// <summary>Builds the grid of these axes.</summary>
    /// <exception cref="SweepInputException">The grid has more than 2^62 points.</exception>
    public SweepGrid(IReadOnlyList<AxisSpec> axes)
    {
        Axes = axes;
        _strides = new long[axes.Count];
        long stride = 1;
        for (int k = axes.Count - 1; k >= 0; k--)
        {
            _strides[k] = stride;
            if (stride > (1L << 62) / axes[k].Count)
            {
                throw new SweepInputException("the grid has more than 2^62 points; use fewer axis values");
            }

            stride *= axes[k].Count;
        }

        Count = stride;
    }

    /// <summary>The axes, slowest first.</summary>
    public IReadOnlyList<AxisSpec> Axes { get; }

    /// <summary>Number of grid points (trajectories).</summary>
    public long Count { get; }

    /// <summary>Index step of one value along axis <paramref name="k"/>.</summary>
    public long Stride(int k) => _strides[k];

    /// <summary>The position of trajectory <paramref name="index"/> along axis <paramref name="k"/>.</summary>
    public int Digit(long index, int k) => (int)(index / _strides[k] % Axes[k].Count);

    /// <summary>The value of axis <paramref name="k"/> at trajectory <paramref name="index"/>.</summary>
    public double Value(long index, int k) => Axes[k].Values[Digit(index, k)];
}
