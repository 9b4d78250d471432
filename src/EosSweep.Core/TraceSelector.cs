using System.Globalization;
using EosSweep.Core.Grid;

namespace EosSweep.Core;

/// <summary>
/// Which trajectories <c>--trace</c> records step by step: <c>all</c>, explicit ids (<c>ids:3,17,42</c>), or
/// every k-th value along an axis (<c>every:eta:8</c>: positions 0, k, 2k, … of that axis, all values of the others).
/// </summary>
public sealed record TraceSelector
{
    private TraceSelector(string text, string? axis, int every, IReadOnlySet<long>? ids)
    {
        Text = text;
        Axis = axis;
        Every = every;
        Ids = ids;
    }

    /// <summary>The canonical text.</summary>
    public string Text { get; }

    /// <summary>The axis of an <c>every:</c> selector.</summary>
    public string? Axis { get; }

    /// <summary>k of an <c>every:</c> selector.</summary>
    public int Every { get; }

    /// <summary>The ids of an <c>ids:</c> selector.</summary>
    public IReadOnlySet<long>? Ids { get; }

    /// <summary>Parses a selector against a grid.</summary>
    /// <exception cref="SweepInputException">The selector is malformed or names what the grid lacks.</exception>
    public static TraceSelector Parse(string text, IReadOnlyList<AxisSpec> axes, long count)
    {
        var t = text.Trim();
        if (t.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return new TraceSelector("all", null, 1, null);
        }

        if (t.StartsWith("ids:", StringComparison.OrdinalIgnoreCase))
        {
            var ids = new SortedSet<long>();
            foreach (var item in t[4..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!long.TryParse(item, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) || id < 0 || id >= count)
                {
                    throw Bad(text, $"'{item}' is not a traj_id of this grid (0 to {count - 1})");
                }

                ids.Add(id);
            }

            if (ids.Count == 0)
            {
                throw Bad(text, "no ids given");
            }

            return new TraceSelector("ids:" + string.Join(",", ids), null, 1, ids);
        }

        if (t.StartsWith("every:", StringComparison.OrdinalIgnoreCase))
        {
            var parts = t.Split(':');
            if (parts.Length != 3 || !int.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var k) || k < 1)
            {
                throw Bad(text, "expected every:AXIS:K with K ≥ 1");
            }

            if (!axes.Any(a => a.Name == parts[1]))
            {
                throw Bad(text, $"'{parts[1]}' is not an axis of this sweep ({string.Join(", ", axes.Select(a => a.Name))})");
            }

            return new TraceSelector($"every:{parts[1]}:{k}", parts[1], k, null);
        }

        throw Bad(text, "expected all, ids:ID,ID,… or every:AXIS:K");
    }

    /// <summary>Whether trajectory <paramref name="index"/> is traced.</summary>
    public bool Selects(SweepGrid grid, long index)
    {
        if (Ids is not null)
        {
            return Ids.Contains(index);
        }

        if (Axis is null)
        {
            return true;
        }

        int k = IndexOf(grid, Axis);
        return grid.Digit(index, k) % Every == 0;
    }

    /// <summary>How many trajectories are traced.</summary>
    public long Count(SweepGrid grid)
    {
        if (Ids is not null)
        {
            return Ids.Count;
        }

        if (Axis is null)
        {
            return grid.Count;
        }

        int n = grid.Axes[IndexOf(grid, Axis)].Count;
        return grid.Count / n * ((n + Every - 1) / Every);
    }

    private static int IndexOf(SweepGrid grid, string axis)
    {
        for (int k = 0; k < grid.Axes.Count; k++)
        {
            if (grid.Axes[k].Name == axis)
            {
                return k;
            }
        }

        throw new KeyNotFoundException(axis);
    }

    private static SweepInputException Bad(string text, string why) => new($"--trace '{text}' is malformed: {why}");
}
