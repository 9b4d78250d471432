using System.Globalization;
using EosSweep.Core;

namespace EosSweep.Cli.Commands;

/// <summary>Number flags are read as text and parsed here, so a bad value is one clear line, not a help dump.</summary>
public static class OptionText
{
    /// <summary>An optional integer flag.</summary>
    public static int? Int(string? text, string flag)
    {
        if (text is null)
        {
            return null;
        }

        if (!long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
        {
            throw new SweepInputException($"{flag} must be an integer, got '{text}'");
        }

        if (v is > int.MaxValue or < int.MinValue)
        {
            throw new SweepInputException($"{flag} is out of range, got '{text}'");
        }

        return (int)v;
    }

    /// <summary>An optional 64-bit integer flag.</summary>
    public static long? Long(string? text, string flag)
    {
        if (text is null)
        {
            return null;
        }

        return long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new SweepInputException($"{flag} must be an integer, got '{text}'");
    }

    /// <summary>An optional finite number flag.</summary>
    public static double? Double(string? text, string flag)
    {
        if (text is null)
        {
            return null;
        }

        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
        {
            throw new SweepInputException($"{flag} must be a number, got '{text}'");
        }

        if (!double.IsFinite(v))
        {
            throw new SweepInputException($"{flag} must be finite, got '{text}'");
        }

        return v;
    }
}
