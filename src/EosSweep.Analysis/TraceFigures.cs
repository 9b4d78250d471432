using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace EosSweep.Analysis;

/// <summary>
/// The classic edge-of-stability picture for traced trajectories: loss (log scale, left) and sharpness (right)
/// against step, with the line 2/η — one figure <c>trace_&lt;traj_id&gt;</c> per trajectory, at most
/// <see cref="MaxPanels"/>, picked evenly across the traced η values.
/// </summary>
internal static class TraceFigures
{
    /// <summary>Most trajectories drawn.</summary>
    public const int MaxPanels = 8;

    public static void Write(SummaryContext ctx, TraceTable traces, List<string> files)
    {
        var ids = traces.Eta.OrderBy(p => p.Value).ThenBy(p => p.Key).Select(p => p.Key).ToList();
        var chosen = ids.Count <= MaxPanels
            ? ids
            : Enumerable.Range(0, MaxPanels).Select(i => ids[(int)Math.Round(i * (ids.Count - 1) / (double)(MaxPanels - 1))]).Distinct().ToList();
        foreach (var id in chosen)
        {
            WriteOne(ctx, traces, id, files);
        }
    }

    private static void WriteOne(SummaryContext ctx, TraceTable t, long id, List<string> files)
    {
        double eta = t.Eta[id];
        var rows = Enumerable.Range(0, t.TrajIds.Length).Where(i => t.TrajIds[i] == id).ToList();
        var steps = rows.Select(i => (double)t.Steps[i]).ToArray();
        var logLoss = rows.Select(i => t.Loss[i] > 0 && double.IsFinite(t.Loss[i]) ? Math.Log10(t.Loss[i]) : double.NaN).ToArray();
        var sharp = rows.Select(i => double.IsFinite(t.Sharpness[i]) ? t.Sharpness[i] : double.NaN).ToArray();

        var plt = FigureStyle.NewPlot(
            string.Create(CultureInfo.InvariantCulture, $"Trajectory {id} — {ctx.Model.Name}, {ctx.LossName}, η = {PlotAxis.FormatValue(eta)}"),
            "step",
            "loss (log scale)");
        var loss = plt.Add.ScatterLine(steps, logLoss, Colors.SteelBlue);
        loss.LineWidth = 1.5f;
        loss.MarkerSize = 0;
        loss.LegendText = "loss (left, log scale)";

        var s = plt.Add.ScatterLine(steps, sharp, Colors.DarkOrange);
        s.LineWidth = 1.5f;
        s.MarkerSize = 0;
        s.Axes.YAxis = plt.Axes.Right;
        s.LegendText = "sharpness λ (right)";

        var edge = plt.Add.HorizontalLine(2 / eta, 1.5f, Colors.Black, LinePattern.Dashed);
        edge.Axes.YAxis = plt.Axes.Right;
        edge.LegendText = string.Create(CultureInfo.InvariantCulture, $"2/η = {PlotAxis.FormatValue(2 / eta)} (right)");

        plt.Axes.Right.Label.Text = "sharpness λ";
        plt.Axes.Right.Label.FontName = PlotFonts.Family;
        plt.Axes.Right.Label.FontSize = 14;
        var finite = logLoss.Where(double.IsFinite).ToList();
        if (finite.Count > 0)
        {
            double lo = finite.Min(), hi = finite.Max();
            if (hi - lo < 1e-9)
            {
                (lo, hi) = (lo - 0.05, hi + 0.05);
            }

            var ticks = new NumericManual();
            foreach (var tick in PlotAxis.LogTicks(lo, hi))
            {
                ticks.Add(tick);
            }

            plt.Axes.Left.TickGenerator = ticks;
            plt.Axes.SetLimitsY(lo - (0.05 * (hi - lo)), hi + (0.05 * (hi - lo)), plt.Axes.Left);
        }

        var sharpFinite = sharp.Where(double.IsFinite).Append(2 / eta).ToList();
        double smax = sharpFinite.Max(), smin = Math.Min(0, sharpFinite.Min());
        plt.Axes.SetLimitsY(smin, smax * 1.1, plt.Axes.Right);
        plt.ShowLegend(Edge.Bottom);
        FigureStyle.Save(plt, ctx.Directory, "trace_" + id.ToString(CultureInfo.InvariantCulture), ctx.Options, files);
    }
}
