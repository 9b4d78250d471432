namespace EosSweep.Core.Refine;

/// <summary>
/// Decides, level after level, which points of an adaptively refined sweep to compute, from the regimes of the
/// points computed so far. Level 0 is every coarse point. The image of level k, <see cref="Image"/>, gives each
/// level-k point the regime of the finest computed point that covers it (its own result if computed, else that of
/// the level-(k−1) point at (⌊a/2⌋, ⌊b/2⌋)). A level-k point is flagged when a 4-neighbour in that image has another
/// regime; the flags are widened by <see cref="Margin"/> level-k cells (Chebyshev distance). Level k + 1 computes
/// the level-(k+1) points in the cells around flagged points (|c − 2a| ≤ 1 and |d − 2b| ≤ 1) not computed yet.
/// </summary>
/// <remarks>Memory: one byte per finest point (1 MiB for a 1024 × 1024 finest grid). Deterministic: the plan depends
/// only on the regimes, so a resumed run plans the same points.</remarks>
public sealed class RefinePlanner
{
    /// <summary>Marks a finest point nobody computed.</summary>
    public const byte Unknown = byte.MaxValue;

    private readonly byte[] _regime;
    private readonly sbyte[] _level;

    /// <summary>Plans the refinement of <paramref name="grid"/> with a margin of <paramref name="margin"/> cells.</summary>
    public RefinePlanner(RefineGrid grid, int margin)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentOutOfRangeException.ThrowIfNegative(margin);
        Grid = grid;
        Margin = margin;
        _regime = new byte[(long)grid.Rows * grid.Columns];
        _level = new sbyte[_regime.Length];
        Array.Fill(_regime, Unknown);
        Array.Fill(_level, (sbyte)-1);
    }

    /// <summary>The geometry.</summary>
    public RefineGrid Grid { get; }

    /// <summary>Level-k cells added around each flagged point.</summary>
    public int Margin { get; }

    /// <summary>Finest points computed so far.</summary>
    public long Computed { get; private set; }

    /// <summary>The regime code of finest point (i, j), or <see cref="Unknown"/>.</summary>
    public byte RegimeAt(int i, int j) => _regime[((long)i * Grid.Columns) + j];

    /// <summary>The level that computed finest point (i, j), or −1.</summary>
    public int LevelAt(int i, int j) => _level[((long)i * Grid.Columns) + j];

    /// <summary>Records the result of finest point (i, j), computed at <paramref name="level"/>.</summary>
    public void Record(int i, int j, int level, byte regime)
    {
        long at = ((long)i * Grid.Columns) + j;
        if (_regime[at] == Unknown)
        {
            Computed++;
        }

        _regime[at] = regime;
        _level[at] = (sbyte)level;
    }

    /// <summary>
    /// The points level <paramref name="level"/> computes, in level-k coordinates (a, b) (finest cell
    /// (a·stride, b·stride)), row-major; level 0 is every coarse point. Levels above 0 need the earlier levels
    /// recorded.
    /// </summary>
    public IReadOnlyList<(int A, int B)> PointsOf(int level)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, Grid.Levels);
        int rows = Grid.RowsAt(level), cols = Grid.ColumnsAt(level), s = Grid.Stride(level);
        var points = new List<(int, int)>();
        if (level == 0)
        {
            for (int a = 0; a < rows; a++)
            {
                for (int b = 0; b < cols; b++)
                {
                    points.Add((a, b));
                }
            }

            return points;
        }

        var flags = Widen(BoundaryOf(Image(level - 1), Grid.RowsAt(level - 1), Grid.ColumnsAt(level - 1)), Grid.RowsAt(level - 1), Grid.ColumnsAt(level - 1), Margin);
        int pc = Grid.ColumnsAt(level - 1);
        for (int c = 0; c < rows; c++)
        {
            for (int d = 0; d < cols; d++)
            {
                bool near = flags[((c >> 1) * pc) + (d >> 1)] || flags[(((c + 1) >> 1) * pc) + (d >> 1)]
                    || flags[((c >> 1) * pc) + ((d + 1) >> 1)] || flags[(((c + 1) >> 1) * pc) + ((d + 1) >> 1)];
                if (near && RegimeAt(c * s, d * s) == Unknown)
                {
                    points.Add((c, d));
                }
            }
        }

        return points;
    }

    /// <summary>
    /// The regime image at level <paramref name="level"/> (row-major, <see cref="RefineGrid.RowsAt"/> ×
    /// <see cref="RefineGrid.ColumnsAt"/>): each point's own regime when computed, else its coarser parent's.
    /// At level L this is the finest available value per pixel.
    /// </summary>
    public byte[] Image(int level)
    {
        int rows = Grid.RowsAt(0), cols = Grid.ColumnsAt(0), s = Grid.Stride(0);
        var image = new byte[rows * cols];
        for (int a = 0; a < rows; a++)
        {
            for (int b = 0; b < cols; b++)
            {
                image[(a * cols) + b] = RegimeAt(a * s, b * s);
            }
        }

        for (int k = 1; k <= level; k++)
        {
            int pc = cols;
            rows = Grid.RowsAt(k);
            cols = Grid.ColumnsAt(k);
            s = Grid.Stride(k);
            var next = new byte[rows * cols];
            for (int c = 0; c < rows; c++)
            {
                for (int d = 0; d < cols; d++)
                {
                    byte own = RegimeAt(c * s, d * s);
                    next[(c * cols) + d] = own != Unknown ? own : image[((c >> 1) * pc) + (d >> 1)];
                }
            }

            image = next;
        }

        return image;
    }

    /// <summary>
    /// For every finest cell, the computed cell whose result fills it (the rule of <see cref="Image"/> at level L):
    /// <paramref name="computed"/> holds, per finest cell (row-major), a row number or −1 where nothing was computed;
    /// the result holds the row number of the finest available value.
    /// </summary>
    public static int[] FillFinest(RefineGrid grid, int[] computed)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(computed);
        int rows = grid.RowsAt(0), cols = grid.ColumnsAt(0), s = grid.Stride(0);
        var image = new int[rows * cols];
        for (int a = 0; a < rows; a++)
        {
            for (int b = 0; b < cols; b++)
            {
                image[(a * cols) + b] = computed[((long)a * s * grid.Columns) + (b * s)];
            }
        }

        for (int k = 1; k <= grid.Levels; k++)
        {
            int pc = cols;
            rows = grid.RowsAt(k);
            cols = grid.ColumnsAt(k);
            s = grid.Stride(k);
            var next = new int[rows * cols];
            for (int c = 0; c < rows; c++)
            {
                for (int d = 0; d < cols; d++)
                {
                    int own = computed[((long)c * s * grid.Columns) + (d * s)];
                    next[(c * cols) + d] = own >= 0 ? own : image[((c >> 1) * pc) + (d >> 1)];
                }
            }

            image = next;
        }

        return image;
    }

    /// <summary>The points of a row-major image with a 4-neighbour of another value: the measured boundary.</summary>
    public static bool[] BoundaryOf(byte[] image, int rows, int cols)
    {
        ArgumentNullException.ThrowIfNull(image);
        var flags = new bool[image.Length];
        for (int a = 0; a < rows; a++)
        {
            for (int b = 0; b < cols; b++)
            {
                byte v = image[(a * cols) + b];
                flags[(a * cols) + b] = (a > 0 && image[((a - 1) * cols) + b] != v)
                    || (a + 1 < rows && image[((a + 1) * cols) + b] != v)
                    || (b > 0 && image[(a * cols) + b - 1] != v)
                    || (b + 1 < cols && image[(a * cols) + b + 1] != v);
            }
        }

        return flags;
    }

    /// <summary>Flags widened by <paramref name="margin"/> cells in every direction (Chebyshev distance).</summary>
    public static bool[] Widen(bool[] flags, int rows, int cols, int margin)
    {
        ArgumentNullException.ThrowIfNull(flags);
        if (margin == 0)
        {
            return flags;
        }

        // Separable: widen along rows, then along columns.
        var across = new bool[flags.Length];
        for (int a = 0; a < rows; a++)
        {
            int last = int.MinValue / 2;
            for (int b = 0; b < cols; b++)
            {
                if (flags[(a * cols) + b])
                {
                    last = b;
                }

                across[(a * cols) + b] = b - last <= margin;
            }

            last = int.MaxValue / 2;
            for (int b = cols - 1; b >= 0; b--)
            {
                if (flags[(a * cols) + b])
                {
                    last = b;
                }

                across[(a * cols) + b] |= last - b <= margin;
            }
        }

        var wide = new bool[flags.Length];
        for (int b = 0; b < cols; b++)
        {
            int last = int.MinValue / 2;
            for (int a = 0; a < rows; a++)
            {
                if (across[(a * cols) + b])
                {
                    last = a;
                }

                wide[(a * cols) + b] = a - last <= margin;
            }

            last = int.MaxValue / 2;
            for (int a = rows - 1; a >= 0; a--)
            {
                if (across[(a * cols) + b])
                {
                    last = a;
                }

                wide[(a * cols) + b] |= last - a <= margin;
            }
        }

        return wide;
    }
}
