using System.Globalization;

namespace EosSweep.Core.Grid;

/// <summary>
/// A half-open range [<see cref="Start"/>, <see cref="End"/>) of trajectory indices. Every trajectory depends
/// only on its index, so any set of ranges can be computed in any order, by any process, with the same result.
/// </summary>
/// <param name="Start">First index in the range.</param>
/// <param name="End">One past the last index.</param>
public readonly record struct IndexRange(long Start, long End)
{
    /// <summary>Indices in the range.</summary>
    public long Count => End - Start;

    /// <summary>Whether the range holds no index.</summary>
    public bool IsEmpty => End <= Start;

    /// <summary>Whether <paramref name="index"/> lies in the range.</summary>
    public bool Contains(long index) => index >= Start && index < End;

    /// <summary>Whether the two ranges share an index.</summary>
    public bool Overlaps(IndexRange other) => Start < other.End && other.Start < End;

    /// <summary>The ranges of <paramref name="within"/> that none of <paramref name="covered"/> touches, in order.</summary>
    /// <param name="within">The range to cover.</param>
    /// <param name="covered">Ranges already covered, in any order; they may overlap each other or reach outside.</param>
    public static List<IndexRange> Missing(IndexRange within, IEnumerable<IndexRange> covered)
    {
        ArgumentNullException.ThrowIfNull(covered);
        var sorted = covered.Where(r => !r.IsEmpty && r.Overlaps(within)).OrderBy(r => r.Start).ToList();
        var missing = new List<IndexRange>();
        long at = within.Start;
        foreach (var r in sorted)
        {
            if (r.Start > at)
            {
                missing.Add(new IndexRange(at, Math.Min(r.Start, within.End)));
            }

            at = Math.Max(at, r.End);
            if (at >= within.End)
            {
                break;
            }
        }

        if (at < within.End)
        {
            missing.Add(new IndexRange(at, within.End));
        }

        return missing;
    }

    /// <summary>Indices in all of <paramref name="ranges"/> (assumed disjoint).</summary>
    public static long Total(IEnumerable<IndexRange> ranges) => ranges.Sum(r => r.Count);

    /// <summary>Inclusive form for people: <c>0..99</c> (one index: <c>7</c>).</summary>
    public override string ToString() => Count == 1
        ? Start.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Start}..{End - 1}");
}
