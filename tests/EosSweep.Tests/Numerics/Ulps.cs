namespace EosSweep.Tests.Numerics;

/// <summary>Distances in units in the last place, counted as representable numbers between two values.</summary>
internal static class Ulps
{
    /// <summary>How many doubles lie between a and b (0 when equal, ±0 equal); NaN and ∞ give +∞ unless identical.</summary>
    public static double Between(double a, double b)
    {
        if (a == b || (double.IsNaN(a) && double.IsNaN(b)))
        {
            return 0.0;
        }

        if (!double.IsFinite(a) || !double.IsFinite(b))
        {
            return double.PositiveInfinity;
        }

        return (double)Int128.Abs((Int128)Ordered(a) - Ordered(b));
    }

    /// <summary>How many floats lie between a and b (0 when equal, ±0 equal); NaN and ∞ give +∞ unless identical.</summary>
    public static double Between(float a, float b)
    {
        if (a == b || (float.IsNaN(a) && float.IsNaN(b)))
        {
            return 0.0;
        }

        if (!float.IsFinite(a) || !float.IsFinite(b))
        {
            return double.PositiveInfinity;
        }

        return Math.Abs((long)Ordered(a) - Ordered(b));
    }

    private static long Ordered(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        return bits < 0 ? long.MinValue - bits : bits;
    }

    private static int Ordered(float x)
    {
        int bits = BitConverter.SingleToInt32Bits(x);
        return bits < 0 ? int.MinValue - bits : bits;
    }
}
