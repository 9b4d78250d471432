using System.Globalization;
using EosSweep.Core;
using EosSweep.Core.Grid;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace EosSweep.Analysis;

/// <summary>
/// One grid axis drawn on a figure. Cells are indexed by the axis digit; each digit gets a position
/// 0..n−1 in increasing plot coordinate, and positions are evenly spaced in plot coordinates, so heatmap
/// cells are equal and each cell's centre sits at its axis value:
/// <list type="bullet">
/// <item>log-spaced axes (<see cref="AxisSpec.IsLog"/>) plot log10 of the value, ticks labelled with values;</item>
/// <item>evenly spaced axes (lin, or an evenly spaced list) plot the value;</item>
/// <item>any other list plots the value's rank (by index), ticks labelled with values, and theory
/// curves are placed by piecewise-linear interpolation between neighbouring values.</item>
/// </list>
/// </summary>
internal sealed class PlotAxis
{
    private PlotAxis(AxisSpec spec, int gridIndex, AxisScale scale, int[] position, IReadOnlyList<double> coord, IReadOnlyList<double> sortedValues)
    {
        Spec = spec;
        GridIndex = gridIndex;
        Scale = scale;
        _position = position;
        Coord = coord;
        SortedValues = sortedValues;
        Step = coord.Count > 1 ? (coord[^1] - coord[0]) / (coord.Count - 1) : 1.0;
        if (!(Step > 0))
        {
            Step = 1.0;
        }
    }

    /// <summary>A log axis with at most this many values gets one labelled tick per value.</summary>
    private const int MaxValueTicks = 8;

    private readonly int[] _position;

    /// <summary>The axis.</summary>
    public AxisSpec Spec { get; }

    /// <summary>The axis name.</summary>
    public string Name => Spec.Name;

    /// <summary>Index of the axis in the grid (for <see cref="SweepGrid.Digit"/>).</summary>
    public int GridIndex { get; }

    /// <summary>How values map to coordinates.</summary>
    public AxisScale Scale { get; }

    /// <summary>Number of cells.</summary>
    public int Count => Coord.Count;

    /// <summary>Plot coordinate of each position, increasing and evenly spaced.</summary>
    public IReadOnlyList<double> Coord { get; }

    /// <summary>Axis value at each position.</summary>
    public IReadOnlyList<double> SortedValues { get; }

    /// <summary>Distance between neighbouring cell centres in plot coordinates (1 for a single cell).</summary>
    public double Step { get; }

    /// <summary>Low edge of the first cell.</summary>
    public double Low => Coord[0] - (Step / 2);

    /// <summary>High edge of the last cell.</summary>
    public double High => Coord[^1] + (Step / 2);

    /// <summary>The label under or beside the axis.</summary>
    public string Label => LabelOf(Name);

    /// <summary>The position of grid digit <paramref name="digit"/>.</summary>
    public int PositionOf(int digit) => _position[digit];

    /// <summary>Builds the plot axis of grid axis <paramref name="gridIndex"/>.</summary>
    /// <param name="spec">The sweep.</param>
    /// <param name="gridIndex">The axis.</param>
    /// <param name="byValue">Place an uneven list at its values (curves) instead of by rank (heatmap cells).</param>
    public static PlotAxis Of(SweepSpec spec, int gridIndex, bool byValue = false)
    {
        var axis = spec.Axes[gridIndex];
        var values = axis.Values.ToArray();
        int n = values.Length;

        var scale = axis.IsLog ? AxisScale.Log10 : EvenlySpaced(values) || byValue ? AxisScale.Linear : AxisScale.Index;
        double[] raw = scale == AxisScale.Log10 ? values.Select(Math.Log10).ToArray() : values;

        // Positions in increasing value order; stable, so repeated list values keep grid order.
        var order = Enumerable.Range(0, n).OrderBy(i => raw[i]).ThenBy(i => i).ToArray();
        var position = new int[n];
        var coord = new double[n];
        var sorted = new double[n];
        for (int p = 0; p < n; p++)
        {
            position[order[p]] = p;
            coord[p] = scale == AxisScale.Index ? p : raw[order[p]];
            sorted[p] = values[order[p]];
        }

        return new PlotAxis(axis, gridIndex, scale, position, coord, sorted);
    }

    /// <summary>
    /// The plot coordinate of an axis value, or NaN where it has none (a value ≤ 0 on a log axis, a
    /// non-finite value). On an index axis, values between grid values interpolate and values outside
    /// extrapolate from the end intervals.
    /// </summary>
    public double ToCoord(double value)
    {
        if (!double.IsFinite(value))
        {
            return double.NaN;
        }

        switch (Scale)
        {
            case AxisScale.Linear:
                return value;
            case AxisScale.Log10:
                return value > 0 ? Math.Log10(value) : double.NaN;
            default:
                return IndexCoord(value);
        }
    }

    /// <summary>Whether a plot coordinate lies within the drawn cells (edges included).</summary>
    public bool Contains(double coord) => coord >= Low && coord <= High;

    /// <summary>Puts value-labelled ticks on a log or index axis; linear axes keep ScottPlot's automatic ticks.</summary>
    public void ApplyTicks(IAxis axis)
    {
        switch (Scale)
        {
            case AxisScale.Log10 when Count <= MaxValueTicks:
                // Few values (d = 50, 100, 200, 400): label each cell rather than round numbers.
                axis.TickGenerator = Manual(
                [
                    .. Enumerable.Range(0, Count).Select(p => Tick.Major(Coord[p], FormatValue(SortedValues[p]))),
                    .. LogTicks(Low, High).Where(t => !t.IsMajor),
                ]);
                break;
            case AxisScale.Log10:
                axis.TickGenerator = Manual(LogTicks(Low, High));
                break;
            case AxisScale.Index:
                axis.TickGenerator = IndexTicks();
                break;
            default:
                break;
        }
    }

    /// <summary>A tick or legend label for an axis value: up to 4 significant digits, invariant culture.</summary>
    public static string FormatValue(double v)
    {
        if (v == 0)
        {
            return "0";
        }

        double a = Math.Abs(v);
        return a is >= 1e-4 and < 1e5
            ? v.ToString("G4", CultureInfo.InvariantCulture)
            : v.ToString("0.###e0", CultureInfo.InvariantCulture);
    }

    /// <summary>The text for an axis name on a figure: η for eta (and a few other Greek names), else the name.</summary>
    public static string LabelOf(string name) => name switch
    {
        "eta" => "step size η",
        "lambda" => "λ",
        "tau" => "τ",
        "sigma" => "σ",
        "delta" => "δ",
        _ => name,
    };

    private static bool EvenlySpaced(double[] v)
    {
        if (v.Length < 2)
        {
            return true;
        }

        double step = (v[^1] - v[0]) / (v.Length - 1);
        if (step == 0)
        {
            return false;
        }

        for (int i = 1; i < v.Length; i++)
        {
            if (Math.Abs(v[i] - v[i - 1] - step) > 1e-6 * Math.Abs(step))
            {
                return false;
            }
        }

        return true;
    }

    private double IndexCoord(double value)
    {
        int n = SortedValues.Count;
        if (n < 2)
        {
            return value == SortedValues[0] ? 0 : double.NaN;
        }

        // The interval holding the value, or the end interval it extrapolates from.
        int lo = 0;
        while (lo < n - 2 && value > SortedValues[lo + 1])
        {
            lo++;
        }

        // Skip zero-length intervals (repeated values).
        int hi = lo + 1;
        while (hi < n - 1 && SortedValues[hi] == SortedValues[lo])
        {
            hi++;
        }

        double width = SortedValues[hi] - SortedValues[lo];
        return width > 0 ? lo + ((hi - lo) * (value - SortedValues[lo]) / width) : (value == SortedValues[lo] ? lo : double.NaN);
    }

    private NumericManual IndexTicks()
    {
        var ticks = new NumericManual();
        int n = Count;
        int stride = Math.Max(1, (int)Math.Ceiling(n / 10.0));
        for (int p = 0; p < n; p++)
        {
            if (p % stride == 0)
            {
                ticks.AddMajor(Coord[p], FormatValue(SortedValues[p]));
            }
            else
            {
                ticks.AddMinor(Coord[p]);
            }
        }

        return ticks;
    }

    /// <summary>
    /// Ticks for a log10 coordinate range [lo, hi]: majors at 1, 2, 5 (or every digit, or every k-th
    /// decade) times a power of ten, whichever gives 3 to 9 labels; minors at every digit.
    /// </summary>
    internal static List<Tick> LogTicks(double lo, double hi)
    {
        List<Tick> ticks = [];
        int d0 = (int)Math.Floor(lo) - 1, d1 = (int)Math.Ceiling(hi) + 1;
        int[][] mantissaSets = [[1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 5], [1, 3], [1]];

        List<double> majors = [];
        foreach (var set in mantissaSets)
        {
            majors = Candidates(set, d0, d1, lo, hi, 1);
            if (majors.Count <= 9)
            {
                break;
            }
        }

        if (majors.Count > 9)
        {
            int decades = d1 - d0;
            int every = (int)Math.Ceiling(decades / 8.0);
            majors = Candidates([1], d0, d1, lo, hi, every);
        }

        if (majors.Count < 2)
        {
            // Less than a factor ~2 wide: evenly spaced values, placed by their logarithm.
            double vlo = Math.Pow(10, lo), vhi = Math.Pow(10, hi);
            double step = NiceStep((vhi - vlo) / 5);
            majors = [];
            for (double v = Math.Ceiling(vlo / step) * step; v <= vhi; v += step)
            {
                majors.Add(v);
            }
        }

        foreach (var v in majors)
        {
            ticks.Add(Tick.Major(Math.Log10(v), FormatValue(v)));
        }

        var minors = Candidates([1, 2, 3, 4, 5, 6, 7, 8, 9], d0, d1, lo, hi, 1);
        if (minors.Count <= 200)
        {
            foreach (var v in minors)
            {
                if (!majors.Contains(v))
                {
                    ticks.Add(Tick.Minor(Math.Log10(v)));
                }
            }
        }

        return ticks;
    }

    private static NumericManual Manual(List<Tick> ticks)
    {
        var manual = new NumericManual();
        foreach (var t in ticks)
        {
            manual.Add(t);
        }

        return manual;
    }

    private static List<double> Candidates(int[] mantissas, int d0, int d1, double lo, double hi, int everyDecade)
    {
        List<double> list = [];
        for (int d = d0; d <= d1; d++)
        {
            if (((d % everyDecade) + everyDecade) % everyDecade != 0)
            {
                continue;
            }

            foreach (int m in mantissas)
            {
                // Parse the decimal text so that 3e-3 is the double nearest 0.003, not 3·10^-3 rounded twice.
                double v = double.Parse($"{m}e{d}", CultureInfo.InvariantCulture);
                double c = Math.Log10(v);
                if (c >= lo - 1e-12 && c <= hi + 1e-12)
                {
                    list.Add(v);
                }
            }
        }

        return list;
    }

    private static double NiceStep(double raw)
    {
        if (!(raw > 0))
        {
            return 1;
        }

        double p = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double f = raw / p;
        return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * p;
    }
}
