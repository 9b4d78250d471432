using EosSweep.Core;
using EosSweep.Core.Results;
using ScottPlot;

namespace EosSweep.Analysis;

/// <summary>The figures of a grid with one plot axis: the model's curve column and the stability ratio against it.</summary>
internal static class CurveFigures
{
    /// <summary>
    /// Writes <c>curve</c> (the model's first curve column), <c>curve_&lt;column&gt;</c> for its other curve
    /// columns, a <c>_zoom</c> copy of each over the model's zoom range, and <c>stability_ratio_curve</c> (PNG and SVG).
    /// </summary>
    public static void Write(SummaryContext ctx, PlotAxis x, List<string> files, List<string> notes)
    {
        var stats = CellStats.Build(ctx.Spec, ctx.Table, x, null);
        var zoom = x.Name == "eta" ? ctx.Model.CurveZoom(ctx.Spec) : null;
        for (int c = 0; c < ctx.Model.CurveColumns.Count; c++)
        {
            string column = ctx.Model.CurveColumns[c];
            string stem = c == 0 ? "curve" : "curve_" + column;
            if (!ctx.Table.Has(column))
            {
                notes.Add($"no '{column}' column: {stem} figure skipped");
                continue;
            }

            bool one = column == ResultColumns.StabilityRatio;
            WriteOne(ctx, x, stats, column, stem, referenceOne: one, files);
            if (zoom is { } z)
            {
                WriteOne(ctx, x, stats, column, stem + "_zoom", referenceOne: one, files, z);
            }
        }

        if (ctx.Table.Has(ResultColumns.StabilityRatio))
        {
            WriteOne(ctx, x, stats, ResultColumns.StabilityRatio, "stability_ratio_curve", referenceOne: true, files);
        }
        else
        {
            notes.Add($"no '{ResultColumns.StabilityRatio}' column: stability_ratio_curve figure skipped");
        }
    }

    /// <summary>A column's text on a figure.</summary>
    internal static string ColumnLabel(string column) => column switch
    {
        "test_accuracy" => "test accuracy (%)",
        ResultColumns.StabilityRatio => "final stability ratio η·λ/2",
        ResultColumns.SharpnessFinal => "final sharpness λ",
        ResultColumns.SharpnessMax => "largest sharpness along the run",
        _ => column.Replace('_', ' '),
    };

    private static void WriteOne(SummaryContext ctx, PlotAxis x, CellStats stats, string column, string stem, bool referenceOne, List<string> files,
        (double Lo, double Hi)? zoom = null)
    {
        string yLabel = ColumnLabel(column);
        string zoomNote = zoom is { } zr ? $" (η in [{PlotAxis.FormatValue(zr.Lo)}, {PlotAxis.FormatValue(zr.Hi)}])" : string.Empty;
        var plt = FigureStyle.NewPlot($"{yLabel} — {ctx.Model.Name}, {ctx.LossName}{zoomNote}{ctx.FoldNote(x, null)}", x.Label, yLabel);
        var (mean, min, max, _) = stats.Aggregate(ctx.Table, column);
        double unit = ColumnUnit(column);
        foreach (var a in new[] { mean, min, max })
        {
            for (int p = 0; p < a.Length; p++)
            {
                a[p] *= unit;
            }
        }

        var mode = stats.ModeRegime();
        bool replicated = stats.Rows.Any(r => r > 1);
        var overlays = Overlays.ForColumn(ctx, x, column);
        List<LegendItem> legend = [];

        // The x range: every cell, or the zoom range (in plot coordinates) when one is given.
        double xLow = x.Low, xHigh = x.High;
        if (zoom is { } z)
        {
            double lo = x.ToCoord(z.Lo), hi = x.ToCoord(z.Hi);
            xLow = double.IsNaN(lo) ? x.Low : Math.Max(x.Low, lo);
            xHigh = double.IsNaN(hi) ? x.High : Math.Min(x.High, hi);
        }

        bool Visible(int p) => x.Coord[p] >= xLow && x.Coord[p] <= xHigh;

        // y range: the data's finite values in the x range, the theory inside it, and the reference line.
        var visible = Enumerable.Range(0, x.Count).Where(Visible).ToList();
        List<double> ys = [.. (replicated ? visible.Select(p => min[p]).Concat(visible.Select(p => max[p])) : visible.Select(p => mean[p])).Where(double.IsFinite)];
        ys.AddRange(overlays.CurveYsWithin(xLow, xHigh));
        if (referenceOne)
        {
            ys.Add(1.0);
        }

        var (yLow, yHigh) = Span(ys);
        var frame = new CoordinateRect(xLow, xHigh, yLow, yHigh);

        // Cells whose rows have no finite value (all diverged): shaded columns.
        bool anyNonFinite = false;
        foreach (var (from, to) in Runs(x.Count, p => stats.Rows[p] > 0 && double.IsNaN(mean[p])))
        {
            var span = plt.Add.HorizontalSpan(x.Coord[from] - (x.Step / 2), x.Coord[to] + (x.Step / 2), FigureStyle.NonFinite.WithAlpha(0.25));
            span.LineWidth = 0;
            anyNonFinite = true;
        }

        if (replicated)
        {
            var folded = ctx.Spec.VaryingAxes.Where(a => a.Name != x.Name).Select(a => a.Name);
            bool anyBand = false;
            foreach (var (from, to) in Runs(x.Count, p => !double.IsNaN(mean[p])))
            {
                var idx = Enumerable.Range(from, to - from + 1).ToArray();
                var band = plt.Add.FillY(idx.Select(p => x.Coord[p]).ToArray(), idx.Select(p => min[p]).ToArray(), idx.Select(p => max[p]).ToArray());
                band.FillColor = Colors.Gray.WithAlpha(0.3);
                band.LineWidth = 0;
                anyBand = true;
            }

            if (anyBand)
            {
                legend.Add(FigureStyle.Swatch($"min–max over {string.Join(", ", folded)}", Colors.Gray.WithAlpha(0.3)));
            }
        }

        foreach (var (from, to) in Runs(x.Count, p => !double.IsNaN(mean[p])))
        {
            var idx = Enumerable.Range(from, to - from + 1).ToArray();
            var line = plt.Add.ScatterLine(idx.Select(p => x.Coord[p]).ToArray(), idx.Select(p => mean[p]).ToArray(), Colors.DimGray);
            line.LineWidth = 1.5f;
            line.MarkerSize = 0;
        }

        if (referenceOne)
        {
            FigureStyle.AddDashedLine(plt, (frame.Left, 1.0), (frame.Right, 1.0), Colors.Black, 1.5f, 90);
            legend.Add(FigureStyle.ThresholdItem("edge of stability η·λ/2 = 1", Colors.Black, vertical: false));
        }

        overlays.Draw(plt, frame, legend);

        // Points coloured by the cell's most frequent regime, drawn over the lines.
        foreach (var r in RegimeRules.All)
        {
            var idx = Enumerable.Range(0, x.Count).Where(p => !double.IsNaN(mean[p]) && mode[p] == (int)r).ToArray();
            if (idx.Length == 0)
            {
                continue;
            }

            var color = FigureStyle.RegimeColors[(int)r];
            var pts = plt.Add.ScatterPoints(idx.Select(p => x.Coord[p]).ToArray(), idx.Select(p => mean[p]).ToArray(), color);
            pts.MarkerSize = 7;
            pts.MarkerShape = MarkerShape.FilledCircle;
            legend.Add(new LegendItem
            {
                LabelText = FigureStyle.RegimeLabel(r) + (replicated ? ", most frequent" : ""),
                MarkerShape = MarkerShape.FilledCircle,
                MarkerFillColor = color,
                MarkerLineColor = color,
                MarkerSize = 7,
            });
        }

        if (anyNonFinite)
        {
            legend.Add(FigureStyle.Swatch("no finite value (diverged)", FigureStyle.NonFinite.WithAlpha(0.25)));
        }

        x.ApplyTicks(plt.Axes.Bottom);
        FigureStyle.SetFrame(plt, frame);
        plt.Legend.ManualItems = legend;
        plt.ShowLegend(Edge.Bottom);
        FigureStyle.Save(plt, ctx.Directory, stem, ctx.Options, files);
    }

    /// <summary>Display factor of a column (fractions drawn as percentages).</summary>
    internal static double ColumnUnit(string column) => column == "test_accuracy" ? 100.0 : 1.0;

    /// <summary>
    /// The visible y range: the values' span padded by 5 % below and 12 % above (room for threshold
    /// labels), or [0, 1] with no values.
    /// </summary>
    internal static (double Low, double High) Span(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return (0, 1);
        }

        double lo = values.Min(), hi = values.Max();
        double width = hi > lo ? hi - lo : Math.Max(Math.Abs(lo), 1);
        return (lo - (0.05 * width), hi + (0.12 * width));
    }

    /// <summary>Maximal runs [from, to] of consecutive positions that satisfy a condition.</summary>
    private static IEnumerable<(int From, int To)> Runs(int n, Func<int, bool> inRun)
    {
        int start = -1;
        for (int p = 0; p <= n; p++)
        {
            bool on = p < n && inRun(p);
            if (on && start < 0)
            {
                start = p;
            }
            else if (!on && start >= 0)
            {
                yield return (start, p - 1);
                start = -1;
            }
        }
    }
}
