using EosSweep.Core.Models;
using ScottPlot;
using ScottPlot.Plottables;

namespace EosSweep.Analysis;

/// <summary>
/// The theory drawn over a figure: the model's <see cref="TheoryCurve"/>s that live on the figure's axes
/// (converted to plot coordinates) and its <see cref="TheoryMarker"/>s on either axis, as dashed lines.
/// </summary>
internal sealed class Overlays
{
    private readonly List<(string Label, List<(double X, double Y)> Points)> _curves = [];
    private readonly List<(string Label, double Coord, bool Vertical)> _markers = [];
    private readonly IReadOnlyList<Color> _palette;
    private readonly bool _halo;

    private Overlays(IReadOnlyList<Color> palette, bool halo)
    {
        _palette = palette;
        _halo = halo;
    }

    /// <summary>Curves with <c>X</c>, <c>Y</c> the two plot axes (either way round) and markers on either.</summary>
    public static Overlays For(SummaryContext ctx, PlotAxis x, PlotAxis y)
    {
        var o = new Overlays(FigureStyle.CurveColors, halo: true);
        foreach (var c in ctx.Model.Curves(ctx.Spec))
        {
            bool direct = c.X == x.Name && c.Y == y.Name;
            bool swapped = c.X == y.Name && c.Y == x.Name;
            if (direct || swapped)
            {
                o._curves.Add((c.Label, c.Points
                    .Select(p => direct ? (x.ToCoord(p.X), y.ToCoord(p.Y)) : (x.ToCoord(p.Y), y.ToCoord(p.X)))
                    .ToList()));
            }
        }

        o.AddMarkers(ctx, x, y);
        return o;
    }

    /// <summary>Curves of column <paramref name="column"/> against axis <paramref name="x"/>, and markers on it.</summary>
    public static Overlays ForColumn(SummaryContext ctx, PlotAxis x, string column)
    {
        var o = new Overlays(FigureStyle.LineCurveColors, halo: false);
        foreach (var c in ctx.Model.Curves(ctx.Spec))
        {
            if (c.X == x.Name && c.Y == column)
            {
                o._curves.Add((c.Label, c.Points.Select(p => (x.ToCoord(p.X), p.Y)).ToList()));
            }
        }

        o.AddMarkers(ctx, x, null);
        return o;
    }

    /// <summary>Centres of the measured boundary cells (plot coordinates), drawn as small dots; null for none.</summary>
    public List<(double X, double Y)>? Boundary { get; set; }

    /// <summary>The finite y values of the curves' points whose x lies in [xLow, xHigh].</summary>
    public IEnumerable<double> CurveYsWithin(double xLow, double xHigh) =>
        _curves.SelectMany(c => c.Points)
            .Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y) && p.X >= xLow && p.X <= xHigh)
            .Select(p => p.Y);

    /// <summary>Draws everything clipped to <paramref name="frame"/> and adds one legend entry each.</summary>
    public void Draw(Plot plt, CoordinateRect frame, List<LegendItem> legend)
    {
        if (Boundary is { Count: > 0 } cells)
        {
            var dots = plt.Add.ScatterPoints(cells.Select(c => c.X).ToArray(), cells.Select(c => c.Y).ToArray(), Colors.Black.WithAlpha(0.55));
            dots.MarkerSize = 2.5f;
            dots.MarkerShape = MarkerShape.FilledSquare;
            legend.Add(new LegendItem
            {
                LabelText = "measured boundary",
                MarkerShape = MarkerShape.FilledSquare,
                MarkerFillColor = Colors.Black.WithAlpha(0.55),
                MarkerLineColor = Colors.Black.WithAlpha(0.55),
                MarkerSize = 6,
            });
        }

        for (int i = 0; i < _curves.Count; i++)
        {
            var (label, points) = _curves[i];
            var color = _palette[i % _palette.Count];
            bool visible = FigureStyle.AddPolyline(plt, points, frame, color, 2.5f, _halo);
            legend.Add(FigureStyle.LineItem(visible ? label : label + " (outside plotted range)", color, 2.5f));
        }

        foreach (var (label, coord, vertical) in _markers)
        {
            bool visible = double.IsFinite(coord)
                && (vertical ? coord >= frame.Left && coord <= frame.Right : coord >= frame.Bottom && coord <= frame.Top);
            if (visible)
            {
                var (from, to) = vertical ? ((coord, frame.Bottom), (coord, frame.Top)) : ((frame.Left, coord), (frame.Right, coord));
                if (_halo)
                {
                    // A white line under black dashes reads on any cell colour.
                    AxisLine under = vertical ? plt.Add.VerticalLine(coord, 3.5f, Colors.White) : plt.Add.HorizontalLine(coord, 3.5f, Colors.White);
                    under.ExcludeFromLegend = true;
                }

                FigureStyle.AddDashedLine(plt, from, to, FigureStyle.MarkerColor, 2f, vertical ? 40 : 55);
                if (!_halo && vertical)
                {
                    // On curve figures, also name the threshold inside the frame's top edge, on the
                    // side of the line with more room.
                    bool left = coord > frame.Left + (0.65 * frame.Width);
                    var text = plt.Add.Text(label, coord, frame.Top);
                    text.LabelAlignment = left ? Alignment.UpperRight : Alignment.UpperLeft;
                    text.LabelOffsetX = left ? -5 : 5;
                    text.LabelOffsetY = 5;
                    text.LabelFontName = PlotFonts.Family;
                    text.LabelFontSize = 12;
                    text.LabelFontColor = Colors.Black;
                    text.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
                }
            }

            legend.Add(FigureStyle.ThresholdItem(visible ? label : label + " (outside plotted range)", FigureStyle.MarkerColor, vertical));
        }
    }

    private void AddMarkers(SummaryContext ctx, PlotAxis x, PlotAxis? y)
    {
        foreach (var m in ctx.Model.Markers(ctx.Spec))
        {
            if (m.Axis == x.Name)
            {
                _markers.Add((m.Label, x.ToCoord(m.Value), true));
            }
            else if (y is not null && m.Axis == y.Name)
            {
                _markers.Add((m.Label, y.ToCoord(m.Value), false));
            }
        }
    }
}
