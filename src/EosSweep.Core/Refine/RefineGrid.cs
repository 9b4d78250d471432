using System.Globalization;
using EosSweep.Core.Grid;

namespace EosSweep.Core.Refine;

/// <summary>
/// The geometry of an adaptively refined 2-axis sweep: the finest grid, in which every point of every level lies,
/// and the level grids G_k (k = 0 … L) that take every 2^(L−k)-th point of it. A lin or log axis of n points
/// refined by L levels has (n − 1)·2^L + 1 finest points; its level-0 points are the coarse axis bit for bit
/// (<see cref="AxisSpec.LinSpace"/> and <see cref="AxisSpec.LogSpace"/> scale index and count by the same power of
/// two, which is exact), so a refined run equals the dense finest grid on every point it computes.
/// </summary>
public sealed class RefineGrid
{
    /// <summary>Most levels accepted: 2^16 finer than the coarse grid is far past any useful image.</summary>
    public const int MaxLevels = 16;

    private RefineGrid(SweepSpec coarse, SweepSpec finest, int levels, int rowAxis, int columnAxis)
    {
        Coarse = coarse;
        Finest = finest;
        Levels = levels;
        RowAxis = rowAxis;
        ColumnAxis = columnAxis;
        Rows = finest.Axes[rowAxis].Count;
        Columns = finest.Axes[columnAxis].Count;
    }

    /// <summary>The sweep as the user gave it (the level-0 grid).</summary>
    public SweepSpec Coarse { get; }

    /// <summary>The dense grid of the finest level; a row's traj_id is its index here.</summary>
    public SweepSpec Finest { get; }

    /// <summary>Refinement levels L (level 0 is the coarse grid, level L the finest).</summary>
    public int Levels { get; }

    /// <summary>Position of the row axis (the first varying axis, slower in the grid index) in the spec.</summary>
    public int RowAxis { get; }

    /// <summary>Position of the column axis (the second varying axis).</summary>
    public int ColumnAxis { get; }

    /// <summary>Finest points along the row axis.</summary>
    public int Rows { get; }

    /// <summary>Finest points along the column axis.</summary>
    public int Columns { get; }

    /// <summary>Distance, in finest cells, between neighbouring points of level <paramref name="level"/>.</summary>
    public int Stride(int level) => 1 << (Levels - level);

    /// <summary>Points along the row axis at level <paramref name="level"/>.</summary>
    public int RowsAt(int level) => ((Rows - 1) >> (Levels - level)) + 1;

    /// <summary>Points along the column axis at level <paramref name="level"/>.</summary>
    public int ColumnsAt(int level) => ((Columns - 1) >> (Levels - level)) + 1;

    /// <summary>The finest-grid index (traj_id) of finest cell (<paramref name="i"/>, <paramref name="j"/>).</summary>
    public long TrajId(int i, int j) => (i * Finest.Grid.Stride(RowAxis)) + (j * Finest.Grid.Stride(ColumnAxis));

    /// <summary>
    /// The sweep of level <paramref name="level"/> alone: the spec with the two varying axes replaced by every
    /// <see cref="Stride"/>-th finest value (list axes holding the same doubles).
    /// </summary>
    public SweepSpec LevelSpec(int level)
    {
        var axes = Finest.Axes.ToArray();
        axes[RowAxis] = Strided(axes[RowAxis], Stride(level));
        axes[ColumnAxis] = Strided(axes[ColumnAxis], Stride(level));
        return Finest with { Axes = axes };
    }

    /// <summary>Builds the refinement of <paramref name="coarse"/> by <paramref name="levels"/> levels.</summary>
    /// <exception cref="SweepInputException">The sweep does not have exactly two varying lin or log axes, or the
    /// levels are out of range.</exception>
    public static RefineGrid Create(SweepSpec coarse, int levels)
    {
        ArgumentNullException.ThrowIfNull(coarse);
        if (levels < 1 || levels > MaxLevels)
        {
            throw new SweepInputException($"--refine must be a number of levels from 1 to {MaxLevels}, got {levels}");
        }

        var varying = new List<int>();
        for (int k = 0; k < coarse.Axes.Count; k++)
        {
            if (coarse.Axes[k].Count > 1)
            {
                varying.Add(k);
            }
        }

        if (varying.Count != 2)
        {
            throw new SweepInputException(
                $"--refine needs a 2-axis grid (exactly two axes with more than one value, every other axis one value); this sweep varies {varying.Count}: {string.Join(", ", varying.Select(k => coarse.Axes[k].Name))}");
        }

        var axes = coarse.Axes.ToArray();
        foreach (int k in varying)
        {
            axes[k] = Finer(coarse.Axes[k], levels);
        }

        long cells = (long)axes[varying[0]].Count * axes[varying[1]].Count;
        if (cells > MaxFinestCells)
        {
            throw new SweepInputException(string.Create(CultureInfo.InvariantCulture,
                $"--refine {levels}: the finest grid would be {axes[varying[0]].Count:N0} × {axes[varying[1]].Count:N0} = {cells:N0} cells, more than the {MaxFinestCells:N0} the refinement map holds; use fewer levels or a coarser grid"));
        }

        return new RefineGrid(coarse, coarse with { Axes = axes }, levels, varying[0], varying[1]);
    }

    /// <summary>Most cells of the finest grid: the planner keeps a regime and a level byte per finest cell in one array each.</summary>
    public static long MaxFinestCells => Array.MaxLength;

    /// <summary>Cells of the finest grid.</summary>
    public long FinestCells => (long)Rows * Columns;

    private static AxisSpec Finer(AxisSpec axis, int levels)
    {
        if (axis.Spacing is not (AxisSpacing.Linear or AxisSpacing.Log))
        {
            throw new SweepInputException($"--refine: axis '{axis.Name}' is a list; refinement needs lin:START:STOP:N or log:START:STOP:N axes");
        }

        long n = ((long)(axis.Count - 1) << levels) + 1;
        if (n > AxisSpec.MaxCount)
        {
            throw new SweepInputException($"--refine {levels}: axis '{axis.Name}' would have {n:N0} finest points, more than {AxisSpec.MaxCount:N0}");
        }

        var parts = axis.Text.Split(':');
        var fine = AxisSpec.Parse(axis.Name, string.Join(':', parts[0], parts[1], parts[2], n.ToString(CultureInfo.InvariantCulture)));
        int stride = 1 << levels;
        for (int i = 0; i < axis.Count; i++)
        {
            if (BitConverter.DoubleToInt64Bits(fine.Values[i * stride]) != BitConverter.DoubleToInt64Bits(axis.Values[i]))
            {
                throw new SweepInputException($"--refine: axis '{axis.Name}': the finer grid does not contain coarse point {i} exactly");
            }
        }

        return fine;
    }

    private static AxisSpec Strided(AxisSpec fine, int stride)
    {
        if (stride == 1)
        {
            return fine;
        }

        var values = new List<string>((fine.Count / stride) + 1);
        for (int i = 0; i < fine.Count; i += stride)
        {
            values.Add(fine.Values[i].ToString("R", CultureInfo.InvariantCulture));
        }

        return AxisSpec.Parse(fine.Name, string.Join(',', values));
    }
}
