using System.Globalization;

namespace EosSweep.Core.Grid;

/// <summary>
/// Finds axes whose neighbouring values an f32 kernel cannot tell apart. The host computes every axis in
/// double; an f32 kernel reads each value rounded to float, so two grid points closer than a few float ulps
/// run (nearly) the same trajectory and a phase boundary sampled that finely is an artefact of the
/// rounding, not of the dynamics.
/// </summary>
public static class SinglePrecisionSpacing
{
    /// <summary>Neighbours this many float ulps apart or closer are reported (0 ulps: the points collapse).</summary>
    public const int UlpThreshold = 4;

    /// <summary>
    /// One warning line (without the "eos-sweep: warning:" prefix) per axis whose closest pair of distinct
    /// neighbouring values lies within <see cref="UlpThreshold"/> float ulps once rounded to float; empty
    /// when every axis is resolvable. Values are compared in sorted order, so a list axis in any order is
    /// judged the same way.
    /// </summary>
    public static IReadOnlyList<string> Warnings(IReadOnlyList<AxisSpec> axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        var lines = new List<string>();
        foreach (var axis in axes)
        {
            if (Closest(axis.Values) is { } c)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"--precision f32: axis --{axis.Name.Replace('_', '-')} has neighbouring values {c.A:G9} and {c.B:G9} (spacing {c.B - c.A:G3}) " +
                    $"{(c.Ulps == 0 ? "that round to the same float" : $"only {c.Ulps} float ulp{(c.Ulps == 1 ? "" : "s")} apart")} " +
                    $"(an f32 ulp there is {Ulp(c.A):G3}); those grid points collapse in f32 — use --precision f64 or a coarser axis"));
            }
        }

        return lines;
    }

    /// <summary>The distinct neighbouring pair with the fewest float ulps between them, when that is at most
    /// <see cref="UlpThreshold"/>.</summary>
    public static (double A, double B, long Ulps)? Closest(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count < 2)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        (double A, double B, long Ulps)? best = null;
        for (int i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] == sorted[i - 1])
            {
                continue;   // a repeated value is the user's choice, not a rounding artefact
            }

            long ulps = FloatUlpsBetween((float)sorted[i - 1], (float)sorted[i]);
            if (ulps <= UlpThreshold && (best is null || ulps < best.Value.Ulps))
            {
                best = (sorted[i - 1], sorted[i], ulps);
            }
        }

        return best;
    }

    /// <summary>Number of representable floats from <paramref name="a"/> to <paramref name="b"/> (0 when equal, ±0 alike).</summary>
    public static long FloatUlpsBetween(float a, float b) => Math.Abs(Ordered(b) - Ordered(a));

    private static long Ordered(float x)
    {
        int bits = BitConverter.SingleToInt32Bits(x);
        return bits >= 0 ? bits : (long)int.MinValue - bits;
    }

    private static double Ulp(double x)
    {
        float f = Math.Abs((float)x);
        return MathF.BitIncrement(f) - f;
    }
}
