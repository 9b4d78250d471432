using EosSweep.Core.Grid;

namespace EosSweep.Kernels.Execution;

/// <summary>
/// The device-side form of a grid built on the host: all axis values concatenated, and
/// (offset, count, stride) per axis, exactly what the kernel's <c>axisValues</c>/<c>axisMeta</c> hold.
/// </summary>
public sealed class HostGrid
{
    /// <summary>Lays out a grid.</summary>
    public HostGrid(SweepGrid grid)
    {
        int total = 0;
        foreach (var a in grid.Axes)
        {
            total += a.Count;
        }

        Values = new double[total];
        Meta = new long[3 * grid.Axes.Count];
        int offset = 0;
        for (int k = 0; k < grid.Axes.Count; k++)
        {
            var a = grid.Axes[k];
            for (int j = 0; j < a.Count; j++)
            {
                Values[offset + j] = a.Values[j];
            }

            Meta[3 * k] = offset;
            Meta[(3 * k) + 1] = a.Count;
            Meta[(3 * k) + 2] = grid.Stride(k);
            offset += a.Count;
        }

        AxisCount = grid.Axes.Count;
    }

    /// <summary>Axis values, concatenated in axis order.</summary>
    public double[] Values { get; }

    /// <summary>(offset, count, stride) per axis.</summary>
    public long[] Meta { get; }

    /// <summary>Number of axes.</summary>
    public int AxisCount { get; }
}
