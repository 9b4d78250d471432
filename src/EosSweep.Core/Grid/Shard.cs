using System.Globalization;

namespace EosSweep.Core.Grid;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/> (0-based, so it matches <c>SLURM_ARRAY_TASK_ID</c> of
/// <c>--array=0-(N-1)</c>): the contiguous block [⌊K·T/N⌋, ⌊(K+1)·T/N⌋) of a grid of T trajectories. Blocks of
/// consecutive shards tile the grid, so N shards together compute every trajectory exactly once.
/// </summary>
/// <param name="Index">K, in [0, N).</param>
/// <param name="Count">N, at least 1.</param>
public readonly record struct Shard(int Index, int Count)
{
    /// <summary>The whole grid as one shard (0/1).</summary>
    public static Shard Whole { get; } = new(0, 1);

    /// <summary>The indices of this shard in a grid of <paramref name="total"/> trajectories.</summary>
    public IndexRange Range(long total) => new(Bound(Index, total), Bound(Index + 1, total));

    /// <summary>Parses <c>K/N</c> (0 ≤ K &lt; N).</summary>
    /// <exception cref="SweepInputException">The text is not of that form; the message says what is expected.</exception>
    public static Shard Parse(string text, string flag = "--shard")
    {
        ArgumentNullException.ThrowIfNull(text);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0
            || !int.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var k)
            || !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            throw new SweepInputException($"{flag} '{text}' is malformed: expected K/N with 0 <= K < N, for example 0/4");
        }

        if (n < 1 || k >= n)
        {
            throw new SweepInputException($"{flag} '{text}' is out of range: expected K/N with 0 <= K < N and N >= 1");
        }

        return new Shard(k, n);
    }

    /// <summary><c>K/N</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    private long Bound(int k, long total) => (long)((Int128)total * k / Count);
}
