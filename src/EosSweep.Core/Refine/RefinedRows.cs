using EosSweep.Core.Results;

namespace EosSweep.Core.Refine;

/// <summary>
/// The result rows one refinement level computed, in increasing traj_id (finest-grid index) order: the finest cell
/// (<see cref="I"/>, <see cref="J"/>) of each row and the kernel's columns in <see cref="ResultLayout"/> order.
/// </summary>
public sealed class RefinedRows
{
    /// <summary>Empty rows of level <paramref name="level"/> for a model with <paramref name="doubleCount"/> double columns.</summary>
    public RefinedRows(int level, int doubleCount, int capacity)
    {
        Level = level;
        TrajIds = new long[capacity];
        I = new int[capacity];
        J = new int[capacity];
        Doubles = new double[doubleCount][];
        for (int c = 0; c < doubleCount; c++)
        {
            Doubles[c] = new double[capacity];
        }

        Ints = new int[ResultLayout.IntCount][];
        for (int c = 0; c < Ints.Length; c++)
        {
            Ints[c] = new int[capacity];
        }
    }

    /// <summary>Host bytes per row: the traj_id, the cell and the kernel's columns.</summary>
    public static int BytesPerRow(int doubleCount) =>
        sizeof(long) + (2 * sizeof(int)) + (doubleCount * sizeof(double)) + (ResultLayout.IntCount * sizeof(int));

    /// <summary>The level that computed these rows.</summary>
    public int Level { get; }

    /// <summary>Rows filled.</summary>
    public int Count { get; set; }

    /// <summary>traj_id: the index in the finest grid.</summary>
    public long[] TrajIds { get; }

    /// <summary>Finest-grid position along the row axis (the first varying axis).</summary>
    public int[] I { get; }

    /// <summary>Finest-grid position along the column axis (the second varying axis).</summary>
    public int[] J { get; }

    /// <summary>Double columns: final parameters, measures, extra columns.</summary>
    public double[][] Doubles { get; }

    /// <summary>Int columns: steps, diverged_step, regime code.</summary>
    public int[][] Ints { get; }
}
