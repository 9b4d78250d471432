using System.CommandLine;
using EosSweep.Analysis;
using EosSweep.Storage;

namespace EosSweep.Cli.Commands;

/// <summary><c>eos-sweep query DIR "SQL"</c>: SQL over the data set with embedded DuckDB.</summary>
public static class QueryCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var dir = new Argument<string>("DIR") { Description = "A data set written by 'eos-sweep run'" };
        var sql = new Argument<string>("SQL") { Description = "SQL over the views 'trajectories' (and 'traces' when recorded)" };
        var csv = new Option<string?>("--csv") { Description = "Write the result to a CSV file instead of printing it", HelpName = "FILE" };
        var parquet = new Option<string?>("--parquet") { Description = "Write the result to a Parquet file instead of printing it", HelpName = "FILE" };
        var cmd = new Command("query", "Run SQL over a data set (DuckDB): views 'trajectories' and 'traces'") { dir, sql, csv, parquet };
        cmd.SetAction(pr => CliAction.Guard(stderr, () =>
        {
            string d = pr.GetValue(dir)!, q = pr.GetValue(sql)!;
            if (!RefinedDataSet.Exists(d) && DataSetReader.StoredSweep(d) is { } sweep && DataSetLayout.EngineNote(sweep.EngineVersion) is { } note)
            {
                stderr.WriteLine($"eos-sweep: note: {note}");
            }

            if (pr.GetValue(csv) is { } csvPath)
            {
                SqlQuery.Export(d, q, csvPath, parquet: false);
                stdout.WriteLine($"wrote {csvPath}");
                return 0;
            }

            if (pr.GetValue(parquet) is { } parquetPath)
            {
                SqlQuery.Export(d, q, parquetPath, parquet: true);
                stdout.WriteLine($"wrote {parquetPath}");
                return 0;
            }

            Print(SqlQuery.Run(d, q), stdout);
            return 0;
        }));
        return cmd;
    }

    /// <summary>Prints a result as an aligned text table.</summary>
    public static void Print(QueryResult r, TextWriter stdout)
    {
        var cells = r.Rows.Select(row => row.Select(v => v ?? "NULL").ToArray()).ToList();
        var widths = r.Columns.Select((c, i) => Math.Max(c.Length, cells.Count == 0 ? 0 : cells.Max(row => row[i].Length))).ToArray();
        stdout.WriteLine(string.Join("  ", r.Columns.Select((c, i) => c.PadLeft(widths[i]))));
        stdout.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in cells)
        {
            stdout.WriteLine(string.Join("  ", row.Select((v, i) => v.PadLeft(widths[i]))));
        }

        stdout.WriteLine(r.Truncated > 0
            ? $"({cells.Count} rows shown, {r.Truncated} more; use LIMIT, --csv or --parquet)"
            : $"({cells.Count} row{(cells.Count == 1 ? string.Empty : "s")})");
    }
}
