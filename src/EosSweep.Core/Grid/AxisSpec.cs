using System.Globalization;

namespace EosSweep.Core.Grid;

/// <summary>
/// One axis of a sweep grid as the user wrote it: <c>log:START:STOP:N</c>, <c>lin:START:STOP:N</c>,
/// or a list <c>v1,v2,…</c> (one value is a constant). The values are computed once on the host,
/// so every backend reads bit-identical grid points.
/// </summary>
public sealed record AxisSpec
{
    private AxisSpec(string name, AxisSpacing spacing, double[] values, string text)
    {
        Name = name;
        Spacing = spacing;
        Values = values;
        Text = text;
    }

    /// <summary>The axis name (snake_case, as in the data set's column).</summary>
    public string Name { get; }

    /// <summary>How the values were laid out.</summary>
    public AxisSpacing Spacing { get; }

    /// <summary>The values, in grid order.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>The canonical text form, which <see cref="Parse"/> reads back to the same values.</summary>
    public string Text { get; }

    /// <summary>Number of values on the axis.</summary>
    public int Count => Values.Count;

    /// <summary>True when the axis is log-spaced (plots use a log scale for it).</summary>
    public bool IsLog => Spacing == AxisSpacing.Log
        || (Spacing == AxisSpacing.List && Count > 2 && LooksGeometric(Values));

    /// <summary>Largest axis the engine accepts (the grid index is a 64-bit product).</summary>
    public const int MaxCount = 100_000_000;

    /// <summary>Parses an axis.</summary>
    /// <param name="name">The axis name, used in messages.</param>
    /// <param name="text">The axis text.</param>
    /// <param name="integer">Round values to integers (sizes and seeds) and refuse duplicates.</param>
    /// <exception cref="SweepInputException">The text is malformed or a value is not finite.</exception>
    public static AxisSpec Parse(string name, string text, bool integer = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (t.Length == 0)
        {
            throw Bad(name, text, "it is empty");
        }

        AxisSpacing spacing;
        double[] values;
        if (t.StartsWith("log:", StringComparison.OrdinalIgnoreCase) || t.StartsWith("lin:", StringComparison.OrdinalIgnoreCase))
        {
            var parts = t.Split(':');
            if (parts.Length != 4)
            {
                throw Bad(name, text, "expected log:START:STOP:N or lin:START:STOP:N");
            }

            var start = Number(name, text, parts[1]);
            var stop = Number(name, text, parts[2]);
            if (!int.TryParse(parts[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < 1 || n > MaxCount)
            {
                throw Bad(name, text, $"N must be an integer from 1 to {MaxCount}, got '{parts[3]}'");
            }

            bool log = parts[0].Equals("log", StringComparison.OrdinalIgnoreCase);
            spacing = log ? AxisSpacing.Log : AxisSpacing.Linear;
            if (log && (start <= 0 || stop <= 0))
            {
                throw Bad(name, text, "a log axis needs START > 0 and STOP > 0");
            }

            values = log ? LogSpace(start, stop, n) : LinSpace(start, stop, n);
        }
        else
        {
            spacing = AxisSpacing.List;
            var items = t.Split(',', StringSplitOptions.TrimEntries);
            values = new double[items.Length];
            for (int i = 0; i < items.Length; i++)
            {
                values[i] = Number(name, text, items[i]);
            }
        }

        if (integer)
        {
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = Math.Round(values[i], MidpointRounding.AwayFromZero);
            }

            if (values.Distinct().Count() != values.Length)
            {
                throw Bad(name, text, "integer values repeat after rounding; use fewer points or a list");
            }
        }

        return new AxisSpec(name, spacing, values, Canonical(spacing, t, values));
    }

    /// <summary>An axis holding one value.</summary>
    public static AxisSpec Constant(string name, double value) =>
        Parse(name, value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Evenly spaced values, ends exact.</summary>
    public static double[] LinSpace(double start, double stop, int n)
    {
        var v = new double[n];
        for (int i = 0; i < n; i++)
        {
            v[i] = n == 1 ? start : start + ((stop - start) * i / (n - 1));
        }

        if (n > 1)
        {
            v[n - 1] = stop;
        }

        return v;
    }

    /// <summary>Geometrically spaced values, ends exact.</summary>
    public static double[] LogSpace(double start, double stop, int n)
    {
        var v = new double[n];
        double a = Math.Log(start), b = Math.Log(stop);
        for (int i = 0; i < n; i++)
        {
            v[i] = n == 1 ? start : Math.Exp(a + ((b - a) * i / (n - 1)));
        }

        v[0] = start;
        if (n > 1)
        {
            v[n - 1] = stop;
        }

        return v;
    }

    private static string Canonical(AxisSpacing spacing, string text, double[] values) => spacing switch
    {
        AxisSpacing.List => string.Join(",", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))),
        _ => text.ToLowerInvariant(),
    };

    private static bool LooksGeometric(IReadOnlyList<double> v)
    {
        if (v.Any(x => x <= 0))
        {
            return false;
        }

        double r0 = v[1] / v[0];
        for (int i = 2; i < v.Count; i++)
        {
            if (Math.Abs((v[i] / v[i - 1]) - r0) > 1e-6 * Math.Abs(r0))
            {
                return false;
            }
        }

        return Math.Abs(r0 - 1) > 1e-9;
    }

    private static double Number(string name, string text, string token)
    {
        if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
        {
            throw Bad(name, text, $"'{token}' is not a number");
        }

        if (!double.IsFinite(v))
        {
            throw Bad(name, text, $"'{token}' is not finite");
        }

        return v;
    }

    private static SweepInputException Bad(string name, string text, string why) =>
        new($"axis --{name.Replace('_', '-')} '{text}' is malformed: {why} (forms: log:START:STOP:N, lin:START:STOP:N, v1,v2,...)");
}
