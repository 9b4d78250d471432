using EosSweep.Core;
using EosSweep.Core.Models;
using EosSweep.Core.Results;

namespace EosSweep.Analysis;

/// <summary>
/// Turns a finished sweep into a report folder: phase diagrams (two plot axes) or curves (one plot axis)
/// as PNG and SVG, and <c>summary.csv</c> with the regime counts and the model's theory checks.
/// </summary>
/// <remarks>
/// Plot axes are the varying axes that are not replicate axes (seeds; see
/// <see cref="SummaryOptions.ReplicateAxes"/>), unless <see cref="SummaryOptions"/> names them. Every
/// other varying axis is folded into the cells: numeric maps show the mean of the finite values of
/// rows that did not diverge, the regime map the most frequent regime. Figures:
/// <list type="bullet">
/// <item>two or more plot axes: <c>stability_ratio</c> (viridis heatmap of η·λ/2; cells with no finite
/// value in the diverged colour) and <c>regime</c> (gf / eos / diverged / unconverged), with the model's
/// phase boundaries on those axes and its thresholds as dashed lines;</item>
/// <item>one plot axis: <c>curve</c> (<see cref="ModelInfo.CurveColumn"/> against the axis, mean with
/// a min–max band over seeds, points coloured by regime, theory curves and thresholds) and
/// <c>stability_ratio_curve</c> (with the edge η·λ/2 = 1);</item>
/// <item>no plot axis: no figure.</item>
/// </list>
/// Log-spaced axes are drawn in log10 coordinates with value-labelled ticks; unevenly spaced lists by
/// index (see <see cref="PlotAxis"/>).
/// </remarks>
public static class Summarizer
{
    /// <summary>The file name of the summary table.</summary>
    public const string SummaryFileName = "summary.csv";

    /// <summary>Writes the report of a sweep into <paramref name="reportDir"/> (created if needed).</summary>
    /// <param name="spec">The resolved spec the table was produced from.</param>
    /// <param name="model">The spec's model (its theory overlays and checks).</param>
    /// <param name="table">The results; needs <c>traj_id</c> for figures, plus the columns they show.</param>
    /// <param name="reportDir">The output folder.</param>
    /// <param name="options">Plot axes, replicate axes and figure size; null for the defaults.</param>
    /// <param name="traces">Step-by-step traces to draw (loss and sharpness against step), or null.</param>
    /// <returns>The files written, the regime counts and the checks.</returns>
    /// <exception cref="SweepInputException">An axis named in <paramref name="options"/> is not a varying axis.</exception>
    /// <exception cref="ArgumentException">The table lacks <c>traj_id</c> or has an id outside the grid.</exception>
    public static SummaryResult Summarize(SweepSpec spec, ModelInfo model, ResultTable table, string reportDir, SummaryOptions? options = null, TraceTable? traces = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentException.ThrowIfNullOrWhiteSpace(reportDir);
        options ??= new SummaryOptions();

        var (xName, yName) = ChoosePlotAxes(spec, options);
        string dir = Path.GetFullPath(reportDir);
        Directory.CreateDirectory(dir);

        var counts = new Dictionary<Regime, long>();
        foreach (var r in RegimeRules.All)
        {
            counts[r] = 0;
        }

        foreach (var r in table.Regimes)
        {
            counts[r]++;
        }

        var checks = model.Checks(spec, table).ToList();
        var ctx = new SummaryContext(spec, model, table, dir, options);
        List<string> files = [];
        List<string> notes = [.. options.Notes];
        if (xName is not null)
        {
            if (!table.Has(ResultColumns.TrajId))
            {
                throw new ArgumentException($"the result table has no '{ResultColumns.TrajId}' column; figures need it", nameof(table));
            }

            var x = PlotAxis.Of(spec, IndexOf(spec, xName));
            if (yName is not null)
            {
                PhaseDiagramFigures.Write(ctx, x, PlotAxis.Of(spec, IndexOf(spec, yName)), files, notes, checks);
            }
            else
            {
                CurveFigures.Write(ctx, PlotAxis.Of(spec, IndexOf(spec, xName), byValue: true), files, notes);
            }
        }
        else
        {
            notes.Add("no varying axis to plot: summary table only");
        }

        if (traces is { TrajIds.Length: > 0 })
        {
            TraceFigures.Write(ctx, traces, files);
        }

        string csv = Path.Combine(dir, SummaryFileName);
        SummaryCsv.Write(csv, table.Count, counts, checks);
        var figures = files.ToList();
        files.AddRange(HtmlReport.Write(dir, spec, model, table.Count, counts, checks, figures, notes));
        files.Add(csv);

        return new SummaryResult(dir, files, table.Count, counts, checks, xName, yName, notes);
    }

    /// <summary>
    /// The plot axes: those named in the options, else x = <c>eta</c> if it is a varying non-replicate
    /// axis, else the first such axis, and y = the next such axis in model order (null when none, which
    /// means curves against x; (null, null) means no figure).
    /// </summary>
    /// <exception cref="SweepInputException">A named axis does not vary in this sweep, or both names are the same.</exception>
    public static (string? X, string? Y) ChoosePlotAxes(SweepSpec spec, SummaryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        options ??= new SummaryOptions();
        var varying = spec.VaryingAxes.Select(a => a.Name).ToList();
        foreach (var named in new[] { options.XAxis, options.YAxis })
        {
            if (named is not null && !varying.Contains(named))
            {
                throw new SweepInputException(
                    $"cannot plot against '{named}': it is not a varying axis of this sweep (varying: {(varying.Count == 0 ? "none" : string.Join(", ", varying))})");
            }
        }

        if (options.XAxis is not null && options.XAxis == options.YAxis)
        {
            throw new SweepInputException($"the x and y plot axes are both '{options.XAxis}'; name two different axes");
        }

        var dims = varying.Where(n => !IsReplicate(n, options)).ToList();
        string? x = options.XAxis
            ?? (dims.Contains("eta") && options.YAxis != "eta" ? "eta" : dims.FirstOrDefault(n => n != options.YAxis));
        if (x is null)
        {
            // Only the named y axis is left to plot: draw curves against it.
            return (options.YAxis, null);
        }

        string? y = options.YAxis ?? dims.FirstOrDefault(n => n != x);
        return (x, y);
    }

    private static bool IsReplicate(string axis, SummaryOptions options) =>
        options.ReplicateAxes is { } named
            ? named.Contains(axis)
            : axis == "seed" || axis.EndsWith("_seed", StringComparison.Ordinal);

    private static int IndexOf(SweepSpec spec, string name)
    {
        for (int k = 0; k < spec.Axes.Count; k++)
        {
            if (spec.Axes[k].Name == name)
            {
                return k;
            }
        }

        throw new KeyNotFoundException($"no axis '{name}' in this sweep");
    }
}
