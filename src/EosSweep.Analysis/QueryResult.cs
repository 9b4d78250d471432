namespace EosSweep.Analysis;

/// <summary>The answer to a SQL query: column names and rows of values as text.</summary>
/// <param name="Columns">Column names.</param>
/// <param name="Rows">Rows, each a value per column (null for SQL NULL).</param>
/// <param name="Truncated">Rows left out after the display limit.</param>
public sealed record QueryResult(IReadOnlyList<string> Columns, IReadOnlyList<string?[]> Rows, long Truncated);
