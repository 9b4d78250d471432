using EosSweep.Core;
using EosSweep.Core.Results;

namespace EosSweep.Analysis;

/// <summary>
/// A result table folded onto the cells of one or two plot axes: every row's cell comes from its
/// <c>traj_id</c> through <see cref="Core.Grid.SweepGrid.Digit"/>, and whatever other axes vary (seeds,
/// for example) fold into the same cell. Numeric columns aggregate over the finite values of rows that
/// did not diverge (a diverged row's "final" values are wherever it stopped, often non-finite), so
/// NaN and ±∞ never reach an aggregate; a cell with no such value is NaN and is drawn in the
/// diverged colour. The regime of a cell is its most frequent one (ties go to the lower code).
/// </summary>
internal sealed class CellStats
{
    private CellStats(int nx, int ny)
    {
        Nx = nx;
        Ny = ny;
        Rows = new int[nx * ny];
        RegimeCounts = new int[nx * ny * RegimeRules.All.Count];
    }

    /// <summary>Cells along the horizontal axis.</summary>
    public int Nx { get; }

    /// <summary>Cells along the vertical axis (1 for a curve).</summary>
    public int Ny { get; }

    /// <summary>Rows per cell, cell = x + Nx·y.</summary>
    public int[] Rows { get; }

    /// <summary>Rows per cell and regime, at (cell·4 + regime code).</summary>
    public int[] RegimeCounts { get; }

    /// <summary>The cell of each table row.</summary>
    public int[] CellOfRow { get; private set; } = [];

    /// <summary>Folds a table onto the cells of <paramref name="x"/> (and <paramref name="y"/>, if given).</summary>
    /// <exception cref="ArgumentException">The table has no traj_id column, or an id outside the grid.</exception>
    public static CellStats Build(SweepSpec spec, ResultTable table, PlotAxis x, PlotAxis? y)
    {
        if (!table.Has(ResultColumns.TrajId))
        {
            throw new ArgumentException($"the result table has no '{ResultColumns.TrajId}' column", nameof(table));
        }

        var ids = table.Column(ResultColumns.TrajId);
        var grid = spec.Grid;
        var stats = new CellStats(x.Count, y?.Count ?? 1);
        var cellOfRow = new int[table.Count];
        int regimes = RegimeRules.All.Count;
        for (int r = 0; r < table.Count; r++)
        {
            double id = ids[r];
            if (!(id >= 0 && id < grid.Count) || id != Math.Floor(id))
            {
                throw new ArgumentException($"row {r} has traj_id {id}, outside the grid of {grid.Count} points", nameof(table));
            }

            long index = (long)id;
            int px = x.PositionOf(grid.Digit(index, x.GridIndex));
            int py = y is null ? 0 : y.PositionOf(grid.Digit(index, y.GridIndex));
            int cell = px + (stats.Nx * py);
            cellOfRow[r] = cell;
            stats.Rows[cell]++;
            stats.RegimeCounts[(cell * regimes) + (int)table.Regimes[r]]++;
        }

        stats.CellOfRow = cellOfRow;
        return stats;
    }

    /// <summary>The most frequent regime code of each cell, NaN for a cell with no rows.</summary>
    public double[] ModeRegime()
    {
        int regimes = RegimeRules.All.Count;
        var mode = new double[Rows.Length];
        for (int c = 0; c < Rows.Length; c++)
        {
            if (Rows[c] == 0)
            {
                mode[c] = double.NaN;
                continue;
            }

            int best = 0;
            for (int k = 1; k < regimes; k++)
            {
                if (RegimeCounts[(c * regimes) + k] > RegimeCounts[(c * regimes) + best])
                {
                    best = k;
                }
            }

            mode[c] = best;
        }

        return mode;
    }

    /// <summary>Mean, minimum and maximum per cell of a column's finite values from non-diverged rows; NaN where none.</summary>
    public (double[] Mean, double[] Min, double[] Max, int[] Count) Aggregate(ResultTable table, string column)
    {
        var values = table.Column(column);
        int cells = Rows.Length;
        var sum = new double[cells];
        var count = new int[cells];
        var min = new double[cells];
        var max = new double[cells];
        Array.Fill(min, double.PositiveInfinity);
        Array.Fill(max, double.NegativeInfinity);
        for (int r = 0; r < values.Length; r++)
        {
            double v = values[r];
            if (!double.IsFinite(v) || table.Regimes[r] == Regime.Diverged)
            {
                continue;
            }

            int c = CellOfRow[r];
            sum[c] += v;
            count[c]++;
            min[c] = Math.Min(min[c], v);
            max[c] = Math.Max(max[c], v);
        }

        var mean = new double[cells];
        for (int c = 0; c < cells; c++)
        {
            if (count[c] == 0)
            {
                mean[c] = min[c] = max[c] = double.NaN;
            }
            else
            {
                // Clamp: a sum of huge finite values can overflow even when each value is finite.
                double m = sum[c] / count[c];
                mean[c] = double.IsFinite(m) ? Math.Clamp(m, min[c], max[c]) : (min[c] / 2) + (max[c] / 2);
            }
        }

        return (mean, min, max, count);
    }
}
