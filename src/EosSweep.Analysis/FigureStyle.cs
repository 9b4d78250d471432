using EosSweep.Core;
using ScottPlot;

namespace EosSweep.Analysis;

/// <summary>Colours, fonts and helpers shared by every figure.</summary>
internal static class FigureStyle
{
    /// <summary>Regime colours in code order: gf, eos, diverged, unconverged.</summary>
    public static IReadOnlyList<Color> RegimeColors { get; } =
    [
        Color.FromHex("#3B75AF"),
        Color.FromHex("#EF8636"),
        Color.FromHex("#C03D3E"),
        Color.FromHex("#8C8C8C"),
    ];

    /// <summary>Colour of a cell with no finite value (all its rows diverged); the diverged regime colour.</summary>
    public static Color NonFinite => RegimeColors[(int)Regime.Diverged];

    /// <summary>Colour of a cell with no rows at all.</summary>
    public static Color NoData => Colors.White;

    /// <summary>Theory curve colours, in the order the model lists its curves.</summary>
    public static IReadOnlyList<Color> CurveColors { get; } =
    [
        Color.FromHex("#FF00FF"),
        Color.FromHex("#00E5FF"),
        Color.FromHex("#7CFC00"),
        Color.FromHex("#FFD700"),
    ];

    /// <summary>Theory curve colours on white curve figures.</summary>
    public static IReadOnlyList<Color> LineCurveColors { get; } =
    [
        Color.FromHex("#C2185B"),
        Color.FromHex("#00838F"),
        Color.FromHex("#6A1B9A"),
        Color.FromHex("#2E7D32"),
    ];

    /// <summary>Colour of theory markers (dashed threshold lines).</summary>
    public static Color MarkerColor => Colors.Black;

    /// <summary>
    /// A regime's legend text. The words also keep a label from ending in "f", whose hook ScottPlot's
    /// legend clips at the measured text width ("gf" came out as "g†").
    /// </summary>
    public static string RegimeLabel(Regime r) => r switch
    {
        Regime.Gf => "gf (gradient-flow-like)",
        Regime.Eos => "eos (edge of stability)",
        Regime.Diverged => "diverged",
        _ => "unconverged",
    };

    /// <summary>A plot with the bundled font everywhere, a title and axis labels.</summary>
    public static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        PlotFonts.EnsureRegistered();
        var plt = new Plot();
        plt.Font.Set(PlotFonts.Family);
        plt.Legend.FontName = PlotFonts.Family;
        plt.Legend.SetBestFontOnEachRender = false;
        plt.Legend.SymbolWidth = 30;
        plt.Legend.FontSize = 13;

        // Room for the last tick label when nothing (a colour bar) sits on the right.
        plt.Axes.Right.MinimumSize = 30;
        plt.Title(title, 15);
        plt.XLabel(xLabel, 14);
        plt.YLabel(yLabel, 14);
        return plt;
    }

    /// <summary>Writes <c>stem.png</c> and <c>stem.svg</c> and records their paths.</summary>
    public static void Save(Plot plt, string dir, string stem, SummaryOptions options, List<string> files)
    {
        string png = Path.Combine(dir, stem + ".png");
        string svg = Path.Combine(dir, stem + ".svg");
        plt.SavePng(png, options.Width, options.Height);
        plt.SaveSvg(svg, options.Width, options.Height);
        files.Add(png);
        files.Add(svg);
    }

    /// <summary>A filled-square legend entry.</summary>
    public static LegendItem Swatch(string text, Color color) => new()
    {
        LabelText = text,
        FillColor = color,
        OutlineColor = Colors.Black,
        OutlineWidth = 1,
    };

    /// <summary>A solid line legend entry.</summary>
    public static LegendItem LineItem(string text, Color color, float width) => new()
    {
        LabelText = text,
        LineColor = color,
        LineWidth = width,
    };

    /// <summary>
    /// Draws a polyline given in plot coordinates, clipped to <paramref name="frame"/>, with a dark halo
    /// so that it reads on any colour; NaN points break it. Returns whether any part is visible.
    /// </summary>
    public static bool AddPolyline(Plot plt, IReadOnlyList<(double X, double Y)> points, CoordinateRect frame, Color color, float width, bool halo)
    {
        var pieces = PolylineClipper.Clip(points, frame);
        foreach (var piece in pieces)
        {
            var xs = piece.Select(p => p.X).ToArray();
            var ys = piece.Select(p => p.Y).ToArray();
            if (halo)
            {
                var under = plt.Add.ScatterLine(xs, ys, Colors.Black);
                under.LineWidth = width + 2.5f;
                under.MarkerSize = 0;
            }

            var line = plt.Add.ScatterLine(xs, ys, color);
            line.LineWidth = width;
            line.MarkerSize = 0;
        }

        return pieces.Count > 0;
    }

    /// <summary>
    /// Draws a dashed straight line as separate dash segments. ScottPlot's dashed line patterns rely on a
    /// Skia path effect that the SVG backend drops (the SVG shows a solid line, and Skia writes
    /// "Unsupported path effect" to stderr for each one), so dashes are geometry here, the same in
    /// PNG and SVG.
    /// </summary>
    public static void AddDashedLine(Plot plt, (double X, double Y) from, (double X, double Y) to, Color color, float width, int dashes)
    {
        for (int i = 0; i < dashes; i++)
        {
            double t0 = (double)i / dashes, t1 = (i + 0.6) / dashes;
            var dash = plt.Add.ScatterLine(
                new[] { from.X + (t0 * (to.X - from.X)), from.X + (t1 * (to.X - from.X)) },
                new[] { from.Y + (t0 * (to.Y - from.Y)), from.Y + (t1 * (to.Y - from.Y)) },
                color);
            dash.LineWidth = width;
            dash.MarkerSize = 0;
        }
    }

    /// <summary>
    /// The legend entry of a dashed threshold line: a bar symbol across (vertical lines) or along
    /// (horizontal lines) the entry, since a dashed legend line has the same SVG problem as
    /// <see cref="AddDashedLine"/>.
    /// </summary>
    public static LegendItem ThresholdItem(string text, Color color, bool vertical) => new()
    {
        LabelText = text,
        LineWidth = 0,
        MarkerShape = vertical ? MarkerShape.VerticalBar : MarkerShape.HorizontalBar,
        MarkerLineColor = color,
        MarkerFillColor = color,
        MarkerLineWidth = 2.5f,
        MarkerSize = 16,
    };

    /// <summary>Fixes the visible area to <paramref name="frame"/>, with no autoscale margins.</summary>
    public static void SetFrame(Plot plt, CoordinateRect frame) =>
        plt.Axes.SetLimits(frame.Left, frame.Right, frame.Bottom, frame.Top);
}
