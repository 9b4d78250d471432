namespace EosSweep.Core.Results;

/// <summary>
/// Selected columns of a data set in memory, for summaries and theory checks: numeric columns as
/// doubles (int and bool columns converted), the regime as codes.
/// </summary>
public sealed class ResultTable
{
    private readonly Dictionary<string, double[]> _columns;

    /// <summary>Wraps columns of equal length.</summary>
    public ResultTable(Dictionary<string, double[]> columns, Regime[] regimes)
    {
        _columns = columns;
        Regimes = regimes;
        Count = regimes.Length;
        foreach (var (name, col) in columns)
        {
            if (col.Length != Count)
            {
                throw new ArgumentException($"column '{name}' has {col.Length} rows, expected {Count}");
            }
        }
    }

    /// <summary>Rows.</summary>
    public int Count { get; }

    /// <summary>Regime of every row.</summary>
    public Regime[] Regimes { get; }

    /// <summary>Names of the numeric columns present.</summary>
    public IEnumerable<string> Names => _columns.Keys;

    /// <summary>Whether a numeric column is present.</summary>
    public bool Has(string name) => _columns.ContainsKey(name);

    /// <summary>A numeric column.</summary>
    public double[] Column(string name) =>
        _columns.TryGetValue(name, out var c) ? c : throw new KeyNotFoundException($"column '{name}' is not loaded");
}
