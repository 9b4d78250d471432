using DuckDB.NET.Data;

namespace EosSweep.Tests.Cli;

/// <summary>
/// Every row and column of Parquet files as DuckDB reads them, ordered by <c>traj_id</c>: a reader that shares no code
/// with EosSweep's own, for tests that compare what was written value for value.
/// </summary>
internal sealed record ParquetRows(string[] Columns, List<object[]> Rows)
{
    /// <summary>The rows of the Parquet file(s) matching <paramref name="pathOrGlob"/>.</summary>
    public static ParquetRows Read(string pathOrGlob)
    {
        using var con = new DuckDBConnection("Data Source=:memory:");
        con.Open();
        using var cmd = con.CreateCommand();
        cmd.CommandText = $"SELECT * FROM read_parquet('{pathOrGlob.Replace("'", "''", StringComparison.Ordinal)}') ORDER BY traj_id";
        using var reader = cmd.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(values);
        }

        return new ParquetRows(columns, rows);
    }

    /// <summary>One value by column name.</summary>
    public object Value(int row, string column)
    {
        int c = Array.IndexOf(Columns, column);
        Assert.True(c >= 0, $"no column '{column}' in [{string.Join(", ", Columns)}]");
        return Rows[row][c];
    }

    /// <summary>One column by name.</summary>
    public IEnumerable<object> Column(string column)
    {
        int c = Array.IndexOf(Columns, column);
        Assert.True(c >= 0, $"no column '{column}' in [{string.Join(", ", Columns)}]");
        return Rows.Select(r => r[c]);
    }

    /// <summary>
    /// The same columns in the same order and the same rows, every value equal — doubles bit for bit (a NaN equals a
    /// NaN: DuckDB need not keep a NaN's payload), everything else by <see cref="object.Equals(object)"/>.
    /// </summary>
    public static void AssertIdentical(ParquetRows expected, ParquetRows actual, string what)
    {
        Assert.Equal(expected.Columns, actual.Columns);
        Assert.True(expected.Rows.Count == actual.Rows.Count, $"{what}: {expected.Rows.Count} rows expected, {actual.Rows.Count} found");
        for (int r = 0; r < expected.Rows.Count; r++)
        {
            for (int c = 0; c < expected.Columns.Length; c++)
            {
                Assert.True(
                    Same(expected.Rows[r][c], actual.Rows[r][c]),
                    $"{what}: row {r}, column {expected.Columns[c]}: {Text(expected.Rows[r][c])} expected, {Text(actual.Rows[r][c])} found");
            }
        }
    }

    /// <summary>Two values equal as <see cref="AssertIdentical"/> judges them.</summary>
    public static bool Same(object? a, object? b) => (a, b) switch
    {
        (double x, double y) => double.IsNaN(x) ? double.IsNaN(y) : BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits(y),
        _ => Equals(a, b),
    };

    private static string Text(object? v) => v is double d ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : v?.ToString() ?? "null";
}
