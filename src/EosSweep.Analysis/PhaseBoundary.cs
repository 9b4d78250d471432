namespace EosSweep.Analysis;

/// <summary>
/// The phase boundary of a 2-axis grid: the cells with a 4-neighbour (that has data) of another label. On a
/// straight interface this is the two cell rows either side of it, so a recovered boundary lies within one
/// cell of the true curve. Also its box-counting dimension (as in the fractal-trainability literature) and
/// its distance to a predicted curve.
/// </summary>
public sealed class PhaseBoundary
{
    private PhaseBoundary(int nx, int ny, List<(int X, int Y)> cells)
    {
        Nx = nx;
        Ny = ny;
        Cells = cells;
    }

    /// <summary>Cells along x.</summary>
    public int Nx { get; }

    /// <summary>Cells along y.</summary>
    public int Ny { get; }

    /// <summary>Boundary cells (x, y), row by row.</summary>
    public IReadOnlyList<(int X, int Y)> Cells { get; }

    /// <summary>Extracts the boundary of a label map (label[x + nx·y]; a negative label is a cell without data).</summary>
    public static PhaseBoundary Extract(int nx, int ny, IReadOnlyList<int> labels)
    {
        if (labels.Count != nx * ny)
        {
            throw new ArgumentException($"expected {nx * ny} labels, got {labels.Count}", nameof(labels));
        }

        var cells = new List<(int, int)>();
        for (int y = 0; y < ny; y++)
        {
            for (int x = 0; x < nx; x++)
            {
                int l = labels[x + (nx * y)];
                if (l < 0)
                {
                    continue;
                }

                if (Differs(x - 1, y) || Differs(x + 1, y) || Differs(x, y - 1) || Differs(x, y + 1))
                {
                    cells.Add((x, y));
                }

                bool Differs(int i, int j)
                {
                    if (i < 0 || j < 0 || i >= nx || j >= ny)
                    {
                        return false;
                    }

                    int m = labels[i + (nx * j)];
                    return m >= 0 && m != l;
                }
            }
        }

        return new PhaseBoundary(nx, ny, cells);
    }

    /// <summary>
    /// Box counting over box sides 1, 2, 4, … up to a quarter of the shorter side (at least 2 sizes when the
    /// grid allows): N(s) boxes of s×s cells hold a boundary cell; the dimension is the least-squares slope of
    /// log N against log(1/s).
    /// </summary>
    public BoxCountingResult BoxCounting()
    {
        int limit = Math.Max(2, Math.Min(Nx, Ny) / 4);
        var counts = new List<(int Size, int Count)>();
        for (int s = 1; s <= limit; s *= 2)
        {
            var boxes = new HashSet<long>();
            foreach (var (x, y) in Cells)
            {
                boxes.Add(((long)(x / s) << 32) | (uint)(y / s));
            }

            if (boxes.Count > 0)
            {
                counts.Add((s, boxes.Count));
            }
        }

        if (counts.Count < 2)
        {
            return new BoxCountingResult(double.NaN, double.NaN, counts.Count == 0 ? 0 : counts[0].Size, counts.Count == 0 ? 0 : counts[^1].Size, counts);
        }

        var xs = counts.Select(c => -Math.Log(c.Size)).ToArray();
        var ys = counts.Select(c => Math.Log(c.Count)).ToArray();
        double mx = xs.Average(), my = ys.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < xs.Length; i++)
        {
            sxy += (xs[i] - mx) * (ys[i] - my);
            sxx += (xs[i] - mx) * (xs[i] - mx);
            syy += (ys[i] - my) * (ys[i] - my);
        }

        double slope = sxy / sxx;
        double r2 = syy == 0 ? 1 : sxy * sxy / (sxx * syy);
        return new BoxCountingResult(slope, r2, counts[0].Size, counts[^1].Size, counts);
    }

    /// <summary>
    /// The distance of each boundary cell centre to a polyline, in the units of the coordinates given
    /// (<paramref name="cx"/>[x], <paramref name="cy"/>[y] are the cell centres; NaN points break the line).
    /// </summary>
    public double[] DistancesTo(IReadOnlyList<double> cx, IReadOnlyList<double> cy, IReadOnlyList<(double X, double Y)> line)
    {
        var d = new double[Cells.Count];
        for (int i = 0; i < Cells.Count; i++)
        {
            double px = cx[Cells[i].X], py = cy[Cells[i].Y];
            double best = double.PositiveInfinity;
            for (int k = 0; k + 1 < line.Count; k++)
            {
                var (ax, ay) = line[k];
                var (bx, by) = line[k + 1];
                if (!double.IsFinite(ax) || !double.IsFinite(ay) || !double.IsFinite(bx) || !double.IsFinite(by))
                {
                    continue;
                }

                best = Math.Min(best, SegmentDistance(px, py, ax, ay, bx, by));
            }

            d[i] = best;
        }

        return d;
    }

    /// <summary>The q-quantile (0 ≤ q ≤ 1) of finite values, linear interpolation; NaN when there are none.</summary>
    public static double Quantile(IEnumerable<double> values, double q)
    {
        var v = values.Where(double.IsFinite).Order().ToArray();
        if (v.Length == 0)
        {
            return double.NaN;
        }

        double pos = q * (v.Length - 1);
        int lo = (int)Math.Floor(pos);
        int hi = Math.Min(lo + 1, v.Length - 1);
        return v[lo] + ((pos - lo) * (v[hi] - v[lo]));
    }

    private static double SegmentDistance(double px, double py, double ax, double ay, double bx, double by)
    {
        double dx = bx - ax, dy = by - ay;
        double len2 = (dx * dx) + (dy * dy);
        double t = len2 == 0 ? 0 : Math.Clamp((((px - ax) * dx) + ((py - ay) * dy)) / len2, 0, 1);
        double ex = ax + (t * dx) - px, ey = ay + (t * dy) - py;
        return Math.Sqrt((ex * ex) + (ey * ey));
    }
}
