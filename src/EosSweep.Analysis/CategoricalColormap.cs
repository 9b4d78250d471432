using ScottPlot;

namespace EosSweep.Analysis;

/// <summary>
/// A colormap of equal bands, one colour per category. ScottPlot's CustomPalette does not split its
/// range into equal bins (docs/backends.md, "Plotting"), so the regime map uses this with a manual range of
/// −0.5..(n − 0.5): category k lands in the middle of band k. One colour makes a solid fill.
/// </summary>
internal sealed class CategoricalColormap(IReadOnlyList<Color> colors) : IColormap
{
    /// <inheritdoc/>
    public string Name => "categorical";

    /// <inheritdoc/>
    public Color GetColor(double position) =>
        double.IsNaN(position)
            ? Colors.Transparent
            : colors[Math.Clamp((int)(position * colors.Count), 0, colors.Count - 1)];
}
