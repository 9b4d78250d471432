using ScottPlot;
using ScottPlot.FontResolvers;

namespace EosSweep.Analysis;

/// <summary>
/// The font every figure uses: DejaVu Sans, bundled with this assembly (<c>fonts/*.ttf</c>, licence in
/// <c>fonts/LICENSE</c>) so that text renders on a machine with no system fonts at all. Without a font,
/// ScottPlot's Skia backend draws no text and throws nothing (docs/backends.md, "Plotting").
/// </summary>
public static class PlotFonts
{
    /// <summary>The family name figures ask for; SVG text names it too, so viewers find DejaVu Sans.</summary>
    public const string Family = "DejaVu Sans";

    /// <summary>Folder of the bundled TTF files, relative to <see cref="AppContext.BaseDirectory"/>.</summary>
    public const string Folder = "fonts";

    private static readonly Lock Gate = new();
    private static volatile bool _registered;

    /// <summary>
    /// Registers the bundled regular and bold faces with ScottPlot, once per process and thread-safe.
    /// Must run before the first render or typeface look-up, because ScottPlot caches typefaces by name;
    /// every figure of this assembly calls it before it builds a plot.
    /// </summary>
    /// <exception cref="FileNotFoundException">A bundled TTF is missing from the output folder.</exception>
    public static void EnsureRegistered()
    {
        if (_registered)
        {
            return;
        }

        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            string dir = Path.Combine(AppContext.BaseDirectory, Folder);
            string regular = Require(Path.Combine(dir, "DejaVuSans.ttf"));
            string bold = Require(Path.Combine(dir, "DejaVuSans-Bold.ttf"));

            // Ahead of the system resolver, so the bundled file wins even where a system font of the
            // same name (or a fallback typeface with no glyphs) would be found first.
            Fonts.FontResolvers.Insert(0, new FileFontResolver(Family, bold, FontWeight.Bold, FontSlant.Upright, FontSpacing.Normal));
            Fonts.FontResolvers.Insert(0, new FileFontResolver(Family, regular, FontWeight.Normal, FontSlant.Upright, FontSpacing.Normal));
            Fonts.Default = Family;
            Fonts.Sans = Family;
            _registered = true;
        }
    }

    private static string Require(string path) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"bundled font missing: {path}", path);
}
