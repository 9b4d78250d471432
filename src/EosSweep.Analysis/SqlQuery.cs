using System.Globalization;
using DuckDB.NET.Data;
using EosSweep.Core;
using EosSweep.Storage;

namespace EosSweep.Analysis;

/// <summary>
/// SQL over a data set with embedded DuckDB: the view <c>trajectories</c> reads every part file, and
/// <c>traces</c> the trace tables when the sweep recorded any. Results print as a table or go to a CSV or
/// Parquet file through DuckDB's own COPY.
/// </summary>
public static class SqlQuery
{
    /// <summary>Rows printed at most (the rest are counted).</summary>
    public const int DisplayLimit = 1000;

    /// <summary>Runs <paramref name="sql"/> and returns up to <see cref="DisplayLimit"/> rows.</summary>
    /// <exception cref="SweepInputException">The data set cannot be opened or the SQL fails; the message is one line.</exception>
    public static QueryResult Run(string dir, string sql)
    {
        using var connection = Open(dir);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        try
        {
            using var reader = command.ExecuteReader();
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
            var rows = new List<string?[]>();
            long more = 0;
            while (reader.Read())
            {
                if (rows.Count >= DisplayLimit)
                {
                    more++;
                    continue;
                }

                var row = new string?[columns.Count];
                for (int c = 0; c < row.Length; c++)
                {
                    row[c] = reader.IsDBNull(c) ? null : Format(reader.GetValue(c));
                }

                rows.Add(row);
            }

            return new QueryResult(columns, rows, more);
        }
        catch (DuckDBException e)
        {
            throw Failed(e);
        }
    }

    /// <summary>Writes the result of <paramref name="sql"/> to a CSV (header included) or Parquet file.</summary>
    public static void Export(string dir, string sql, string path, bool parquet)
    {
        using var connection = Open(dir);
        using var command = connection.CreateCommand();
        var format = parquet ? "(FORMAT parquet)" : "(FORMAT csv, HEADER true)";
        command.CommandText = $"COPY ({sql.Trim().TrimEnd(';')}) TO {Literal(Path.GetFullPath(path))} {format}";
        try
        {
            command.ExecuteNonQuery();
        }
        catch (DuckDBException e)
        {
            throw Failed(e);
        }
    }

    /// <summary>An in-memory DuckDB with the data set's views defined.</summary>
    public static DuckDBConnection Open(string dir)
    {
        if (RefinePlanFile.TryRead(dir) is { } plan)
        {
            // A refined sweep: its recorded level files (rows carry level, i, j), complete or not.
            var levels = Enumerable.Range(0, plan.CompletedLevels).Select(k => Literal(Path.GetFullPath(Path.Combine(dir, RefinedDataSet.LevelFile(k)))));
            var refined = new DuckDBConnection("Data Source=:memory:");
            refined.Open();
            using var view = refined.CreateCommand();
            view.CommandText = $"CREATE VIEW trajectories AS SELECT * FROM read_parquet([{string.Join(", ", levels)}])";
            view.ExecuteNonQuery();
            return refined;
        }

        var reader = DataSetReader.OpenAsync(dir).GetAwaiter().GetResult();
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        // The checked part files by name, not a glob: a stray or damaged file never joins the view.
        command.CommandText =
            $"CREATE VIEW trajectories AS SELECT * FROM read_parquet([{string.Join(", ", reader.PartFiles.Select(Literal))}])";
        command.ExecuteNonQuery();
        var traces = Path.Combine(reader.Directory, DataSetLayout.TracesDirectory);
        if (Directory.Exists(traces) && Directory.EnumerateFiles(traces, "*.parquet").Any())
        {
            command.CommandText = $"CREATE VIEW traces AS SELECT * FROM read_parquet({Literal(Path.Combine(traces, "*.parquet"))})";
            command.ExecuteNonQuery();
        }

        return connection;
    }

    private static SweepInputException Failed(DuckDBException e) =>
        new($"query failed: {e.Message.ReplaceLineEndings(" ").Trim()}");

    private static string Literal(string s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Format(object value) => value switch
    {
        double d => d.ToString("G10", CultureInfo.InvariantCulture),
        float f => f.ToString("G7", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
