namespace EosSweep.Core.Results;

/// <summary>
/// The step-by-step rows of a batch's traced trajectories: slot s belongs to trajectory <see cref="TrajIds"/>[s]
/// and holds <see cref="Counts"/>[s] rows of <see cref="Columns"/> doubles (step, loss, sharpness, stability
/// ratio, parameters) starting at <c>s·RowsPerSlot·Columns</c> in <see cref="Buffer"/>.
/// </summary>
public sealed class TraceBatch
{
    /// <summary>Allocates room for <paramref name="slots"/> trajectories.</summary>
    public TraceBatch(int slots, int rowsPerSlot, int columns)
    {
        RowsPerSlot = rowsPerSlot;
        Columns = columns;
        TrajIds = new long[slots];
        Counts = new int[slots];
        Buffer = new double[(long)slots * rowsPerSlot * columns];
    }

    /// <summary>Rows a slot holds at most.</summary>
    public int RowsPerSlot { get; }

    /// <summary>Doubles per row: <see cref="TraceLayout.Columns"/> of the number of parameters.</summary>
    public int Columns { get; }

    /// <summary>Slots in use.</summary>
    public int Slots { get; set; }

    /// <summary>The trajectory of each slot.</summary>
    public long[] TrajIds { get; }

    /// <summary>Rows written in each slot.</summary>
    public int[] Counts { get; }

    /// <summary>The rows.</summary>
    public double[] Buffer { get; }
}
