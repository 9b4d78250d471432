using System.Globalization;
using EosSweep.Core;
using EosSweep.Core.Models;
using EosSweep.Core.Results;
using ScottPlot;

namespace EosSweep.Analysis;

/// <summary>The two heatmaps of a grid with two plot axes: final stability ratio and regime.</summary>
internal static class PhaseDiagramFigures
{
    /// <summary>
    /// Writes <c>stability_ratio</c> and <c>regime</c> (PNG and SVG) with the measured phase boundary drawn over
    /// them, and adds the boundary's measures (box-counting dimension, distance to the theory) to <paramref name="checks"/>.
    /// </summary>
    public static void Write(SummaryContext ctx, PlotAxis x, PlotAxis y, List<string> files, List<string> notes, List<TheoryCheck> checks)
    {
        var stats = CellStats.Build(ctx.Spec, ctx.Table, x, y);
        var overlays = Overlays.For(ctx, x, y);
        var mode = stats.ModeRegime();
        var boundary = PhaseBoundary.Extract(stats.Nx, stats.Ny, mode.Select(m => double.IsNaN(m) ? -1 : (int)m).ToArray());
        overlays.Boundary = boundary.Cells.Select(c => (x.Coord[c.X], y.Coord[c.Y])).ToList();
        checks.AddRange(BoundaryChecks(ctx, x, y, stats, mode, boundary));

        if (ctx.Table.Has(ResultColumns.StabilityRatio))
        {
            var (mean, _, _, _) = stats.Aggregate(ctx.Table, ResultColumns.StabilityRatio);
            WriteStability(ctx, x, y, stats, mean, overlays, files);
        }
        else
        {
            notes.Add($"no '{ResultColumns.StabilityRatio}' column: stability_ratio figure skipped");
        }

        WriteRegime(ctx, x, y, stats, mode, overlays, files);
        if (ctx.Model.TrainabilityColumn is { } column && ctx.Table.Has(column))
        {
            WriteTrainability(ctx, x, y, stats, column, files, checks);
        }
    }

    /// <summary>
    /// The trainable/untrainable image of a model that classifies rows by a column (ModelInfo.TrainabilityColumn:
    /// trainable iff the value is below 1; a cell takes its rows' majority, ties untrainable), with its boundary
    /// drawn over it and that boundary's box-counting dimension added to the checks.
    /// </summary>
    private static void WriteTrainability(SummaryContext ctx, PlotAxis x, PlotAxis y, CellStats stats, string column, List<string> files, List<TheoryCheck> checks)
    {
        var values = ctx.Table.Column(column);
        var trainable = new int[stats.Rows.Length];
        for (int r = 0; r < values.Length; r++)
        {
            trainable[stats.CellOfRow[r]] += values[r] < 1 ? 1 : 0;
        }

        var labels = new int[stats.Rows.Length];
        var cells = new double[stats.Rows.Length];
        for (int c = 0; c < labels.Length; c++)
        {
            labels[c] = stats.Rows[c] == 0 ? -1 : 2 * trainable[c] > stats.Rows[c] ? 0 : 1;
            cells[c] = labels[c] < 0 ? double.NaN : labels[c];
        }

        var boundary = PhaseBoundary.Extract(stats.Nx, stats.Ny, labels);
        var box = boundary.BoxCounting();
        checks.Add(new TheoryCheck("trainability_boundary_cells", $"cells with a neighbour of the other class ({column} < 1 or not)", boundary.Cells.Count, "informational", null));
        checks.Add(new TheoryCheck("trainability_box_counting_dimension",
            $"box-counting dimension of the trainable/untrainable boundary: slope of log N(s) vs log(1/s) over box sides {box.MinBox}–{box.MaxBox} cells, R² = {box.RSquared.ToString("0.####", CultureInfo.InvariantCulture)}",
            box.Dimension, "≈ 1 for a smooth boundary, > 1 for a fractal one", null));

        var plt = FigureStyle.NewPlot($"Trainability ({column} < 1) — {ctx.Model.Name}{ctx.FoldNote(x, y, mode: true)}", x.Label, y.Label);
        Color trainableColor = FigureStyle.RegimeColors[(int)Regime.Gf], untrainableColor = FigureStyle.NonFinite;
        AddHeatmap(plt, x, y, Matrix(stats, cells), new CategoricalColormap([trainableColor, untrainableColor]), new ScottPlot.Range(-0.5, 1.5), FigureStyle.NoData);
        List<LegendItem> legend = [FigureStyle.Swatch("trainable", trainableColor), FigureStyle.Swatch("untrainable", untrainableColor)];
        if (labels.Contains(-1))
        {
            legend.Add(FigureStyle.Swatch("no data", FigureStyle.NoData));
        }

        var overlays = Overlays.For(ctx, x, y);
        overlays.Boundary = boundary.Cells.Select(c => (x.Coord[c.X], y.Coord[c.Y])).ToList();
        Finish(plt, x, y, overlays, legend);
        FigureStyle.Save(plt, ctx.Directory, "trainability", ctx.Options, files);
    }

    private static void WriteStability(SummaryContext ctx, PlotAxis x, PlotAxis y, CellStats stats, double[] mean, Overlays overlays, List<string> files)
    {
        var plt = FigureStyle.NewPlot(
            $"Final stability ratio η·λ/2 — {ctx.Model.Name}, {ctx.LossName}{ctx.FoldNote(x, y)}",
            x.Label,
            y.Label);

        var (range, note) = ColourRange(mean, ctx.Options.StabilityRatioClip);
        if (AddHeatmap(plt, x, y, Matrix(stats, mean), new ScottPlot.Colormaps.Viridis(), range, FigureStyle.NonFinite) is { } hm)
        {
            var bar = plt.Add.ColorBar(hm);
            bar.Label = "η·λ/2" + note;
        }

        List<LegendItem> legend = [];
        if (Enumerable.Range(0, mean.Length).Any(c => stats.Rows[c] > 0 && double.IsNaN(mean[c])))
        {
            legend.Add(FigureStyle.Swatch("no finite value (diverged)", FigureStyle.NonFinite));
        }

        if (stats.Rows.Contains(0))
        {
            // Cells with no rows at all (a partial data set) are not diverged: paint them over.
            var missing = stats.Rows.Select(r => r == 0 ? 0.0 : double.NaN).ToArray();
            AddHeatmap(plt, x, y, Matrix(stats, missing), new CategoricalColormap([FigureStyle.NoData]), new ScottPlot.Range(-0.5, 0.5), Colors.Transparent);
            legend.Add(FigureStyle.Swatch("no data", FigureStyle.NoData));
        }

        Finish(plt, x, y, overlays, legend);
        FigureStyle.Save(plt, ctx.Directory, "stability_ratio", ctx.Options, files);
    }

    private static void WriteRegime(SummaryContext ctx, PlotAxis x, PlotAxis y, CellStats stats, double[] mode, Overlays overlays, List<string> files)
    {
        var plt = FigureStyle.NewPlot(
            $"Regime — {ctx.Model.Name}, {ctx.LossName}{ctx.FoldNote(x, y, mode: true)}",
            x.Label,
            y.Label);

        AddHeatmap(
            plt,
            x,
            y,
            Matrix(stats, mode),
            new CategoricalColormap(FigureStyle.RegimeColors),
            new ScottPlot.Range(-0.5, RegimeRules.All.Count - 0.5),
            FigureStyle.NoData);

        List<LegendItem> legend = [];
        foreach (var r in RegimeRules.All)
        {
            legend.Add(FigureStyle.Swatch(FigureStyle.RegimeLabel(r), FigureStyle.RegimeColors[(int)r]));
        }

        if (mode.Any(double.IsNaN))
        {
            legend.Add(FigureStyle.Swatch("no data", FigureStyle.NoData));
        }

        Finish(plt, x, y, overlays, legend);
        FigureStyle.Save(plt, ctx.Directory, "regime", ctx.Options, files);
    }

    /// <summary>
    /// Adds a heatmap whose cell centres sit at the axis coordinates, NaN cells in <paramref name="nanColor"/>.
    /// Returns null when no cell is finite: ScottPlot cannot scale such a map, so it is drawn as one
    /// solid <paramref name="nanColor"/> fill with no colour scale.
    /// </summary>
    private static ScottPlot.Plottables.Heatmap? AddHeatmap(Plot plt, PlotAxis x, PlotAxis y, double[,] m, IColormap colormap, ScottPlot.Range range, Color nanColor)
    {
        bool anyFinite = m.Cast<double>().Any(double.IsFinite);
        var hm = plt.Add.Heatmap(anyFinite ? m : new double[m.GetLength(0), m.GetLength(1)]);
        hm.Colormap = anyFinite ? colormap : new CategoricalColormap([nanColor]);
        hm.ManualRange = range;
        hm.NaNCellColor = nanColor;

        // Rectangle gives the outer cell edges; row 0 of the matrix is the top row, which Matrix fills
        // with the largest y, so y grows upward.
        hm.Rectangle = new CoordinateRect(x.Low, x.High, y.Low, y.High);
        return anyFinite ? hm : null;
    }

    private static double[,] Matrix(CellStats stats, double[] cells)
    {
        var m = new double[stats.Ny, stats.Nx];
        for (int py = 0; py < stats.Ny; py++)
        {
            for (int px = 0; px < stats.Nx; px++)
            {
                m[stats.Ny - 1 - py, px] = cells[px + (stats.Nx * py)];
            }
        }

        return m;
    }

    /// <summary>
    /// The colour scale: the finite values' span, clipped to [0, clip] (values outside take the end
    /// colours). Values that all lie outside [0, clip] keep their own span; one repeated value is padded.
    /// </summary>
    internal static (ScottPlot.Range Range, string Note) ColourRange(double[] values, double clip)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                lo = Math.Min(lo, v);
                hi = Math.Max(hi, v);
            }
        }

        if (lo > hi)
        {
            return (new ScottPlot.Range(0, clip), "");
        }

        double a = Math.Max(lo, 0), b = Math.Min(hi, clip);
        if (a >= b)
        {
            // The values lie outside [0, clip] or are all equal: show them as they are.
            (a, b) = (lo, hi);
        }

        string note = (a > lo, b < hi) switch
        {
            (true, true) => $" (values outside [{Fmt(a)}, {Fmt(b)}] drawn at the ends)",
            (true, false) => $" (values below {Fmt(a)} drawn as {Fmt(a)})",
            (false, true) => $" (values above {Fmt(b)} drawn as {Fmt(b)})",
            _ => "",
        };

        if (b - a < 1e-12 * Math.Max(1, Math.Abs(a)))
        {
            double pad = Math.Max(0.5 * Math.Abs(a), 0.5);
            (a, b) = (a - pad, b + pad);
        }

        return (new ScottPlot.Range(a, b), note);
    }

    private static void Finish(Plot plt, PlotAxis x, PlotAxis y, Overlays overlays, List<LegendItem> legend)
    {
        var frame = new CoordinateRect(x.Low, x.High, y.Low, y.High);
        overlays.Draw(plt, frame, legend);
        x.ApplyTicks(plt.Axes.Bottom);
        y.ApplyTicks(plt.Axes.Left);
        FigureStyle.SetFrame(plt, frame);
        plt.Legend.ManualItems = legend;
        plt.ShowLegend(Edge.Bottom);
    }

    private static string Fmt(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>
    /// The boundary's box-counting dimension, and for every gf-boundary theory curve on these axes the median and 90th
    /// percentile distance from the measured gf / not-gf boundary cells to it, in plot units (decades on a log
    /// axis) and in cells.
    /// </summary>
    private static IEnumerable<TheoryCheck> BoundaryChecks(SummaryContext ctx, PlotAxis x, PlotAxis y, CellStats stats, double[] mode, PhaseBoundary boundary)
    {
        var box = boundary.BoxCounting();
        yield return new TheoryCheck("boundary_cells", "cells with a neighbour in another regime", boundary.Cells.Count, "informational", null);
        yield return new TheoryCheck("box_counting_dimension",
            $"slope of log N(s) vs log(1/s) over box sides {box.MinBox}–{box.MaxBox} cells, R² = {box.RSquared.ToString("0.####", CultureInfo.InvariantCulture)}",
            box.Dimension, "≈ 1 for a smooth boundary, > 1 for a rough one", null);

        var gf = PhaseBoundary.Extract(stats.Nx, stats.Ny, mode.Select(m => double.IsNaN(m) ? -1 : m == (int)Regime.Gf ? 0 : 1).ToArray());
        if (gf.Cells.Count == 0)
        {
            yield break;
        }

        foreach (var c in ctx.Model.Curves(ctx.Spec))
        {
            bool direct = c.X == x.Name && c.Y == y.Name;
            bool swapped = c.X == y.Name && c.Y == x.Name;
            if ((!direct && !swapped) || !c.GfBoundary)
            {
                continue;
            }

            var line = c.Points.Select(p => direct ? (x.ToCoord(p.X), y.ToCoord(p.Y)) : (x.ToCoord(p.Y), y.ToCoord(p.X))).ToList();
            var plotUnits = gf.DistancesTo(x.Coord, y.Coord, line);
            var cellX = x.Coord.Select(v => v / x.Step).ToArray();
            var cellY = y.Coord.Select(v => v / y.Step).ToArray();
            var cellLine = line.Select(p => (p.Item1 / x.Step, p.Item2 / y.Step)).ToList();
            var cells = gf.DistancesTo(cellX, cellY, cellLine);
            string units = x.Scale == AxisScale.Log10 || y.Scale == AxisScale.Log10 ? "plot units (log10 on log axes)" : "axis units";
            double medianCells = PhaseBoundary.Quantile(cells, 0.5);
            double p90Cells = PhaseBoundary.Quantile(cells, 0.9);
            yield return new TheoryCheck("boundary_distance_median",
                $"median distance from the gf boundary cells to '{c.Label}', in {units}; {medianCells.ToString("0.##", CultureInfo.InvariantCulture)} cells",
                PhaseBoundary.Quantile(plotUnits, 0.5), "≤ 2 cells (boundary cells sit ½–1 cell either side of the interface)", medianCells <= 2.0);
            yield return new TheoryCheck("boundary_distance_p90",
                $"90th-percentile distance from the gf boundary cells to '{c.Label}', in {units}; {p90Cells.ToString("0.##", CultureInfo.InvariantCulture)} cells",
                PhaseBoundary.Quantile(plotUnits, 0.9), "informational", null);
        }
    }
}
