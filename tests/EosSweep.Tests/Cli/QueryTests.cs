using System.Globalization;
using EosSweep.Core;
using EosSweep.Core.Results;
using EosSweep.Storage;

namespace EosSweep.Tests.Cli;

/// <summary>A small 2-axis sweep (two part files) shared by the query tests.</summary>
public sealed class QueryFixture
{
    public QueryFixture()
    {
        Dir = CliRunner.TempDir();
        var r = CliRunner.Run("run", "--model", "xy", "--loss", "square", "--eta", "log:0.05:1:10", "--y0", "lin:0.5:6:9",
            "--steps", "2000", "--batch", "40", "--out", Dir);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Table = DataSetReader.OpenAsync(Dir).GetAwaiter().GetResult().ReadTableAsync([ResultColumns.TrajId, "eta", ResultColumns.StabilityRatio]).GetAwaiter().GetResult();
    }

    public string Dir { get; }

    public ResultTable Table { get; }
}

/// <summary><c>eos-sweep query</c> answers what our reader sees, exports CSV and Parquet, and reports bad SQL in one line.</summary>
public sealed class QueryTests(QueryFixture data) : IClassFixture<QueryFixture>
{
    [Fact]
    public void CountsPerRegime_MatchTheReader()
    {
        var r = CliRunner.Run("query", data.Dir, "SELECT regime, count(*) AS n FROM trajectories GROUP BY regime ORDER BY regime");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var (header, rows) = PrintedTable(r.Stdout);
        Assert.Equal(["regime", "n"], header);
        var expected = RegimeRules.All.Select(x => (Name: RegimeRules.Name(x), N: data.Table.Regimes.Count(y => y == x)))
            .Where(x => x.N > 0).OrderBy(x => x.Name, StringComparer.Ordinal).Select(x => $"{x.Name} {x.N}");
        Assert.Equal(expected, rows.Select(row => $"{row[0]} {int.Parse(row[1], CultureInfo.InvariantCulture)}"));
        Assert.Contains(data.Table.Regimes, x => x == Regime.Diverged);
    }

    [Fact]
    public void Aggregates_MatchTheReader()
    {
        var path = Path.Combine(CliRunner.TempDir() + ".csv");
        var r = CliRunner.Run("query", data.Dir,
            "SELECT count(*) AS n, sum(traj_id) AS ids, sum(eta) AS eta, sum(stability_ratio) FILTER (WHERE NOT diverged) AS ratio FROM trajectories",
            "--csv", path);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var row = File.ReadAllLines(path)[1].Split(',');
        Assert.Equal(data.Table.Count, int.Parse(row[0], CultureInfo.InvariantCulture));
        Assert.Equal(data.Table.Column(ResultColumns.TrajId).Sum(), double.Parse(row[1], CultureInfo.InvariantCulture));
        Assert.Equal(data.Table.Column("eta").Sum(), double.Parse(row[2], CultureInfo.InvariantCulture), 12);
        double ratio = Enumerable.Range(0, data.Table.Count).Where(i => data.Table.Regimes[i] != Regime.Diverged)
            .Sum(i => data.Table.Column(ResultColumns.StabilityRatio)[i]);
        Assert.Equal(ratio, double.Parse(row[3], CultureInfo.InvariantCulture), 9);
    }

    [Fact]
    public void ParquetExport_HoldsExactlyTheSelectedRows_AndQueryCountsThem()
    {
        var path = CliRunner.TempDir() + ".parquet";
        var r = CliRunner.Run("query", data.Dir, "SELECT traj_id, regime FROM trajectories WHERE regime = 'gf'", "--parquet", path);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal($"wrote {path}", r.Stdout.Trim());

        // The export read by DuckDB directly, against the gf ids our own reader finds in the data set.
        var ids = data.Table.Column(ResultColumns.TrajId);
        var gf = Enumerable.Range(0, data.Table.Count).Where(i => data.Table.Regimes[i] == Regime.Gf).Select(i => (long)ids[i]).Order().ToArray();
        Assert.True(gf.Length > 0 && gf.Length < data.Table.Count, "the sweep holds gf rows and others, so the filter selects");
        var exported = ParquetRows.Read(path);
        Assert.Equal(["traj_id", "regime"], exported.Columns);
        Assert.Equal(gf, exported.Column("traj_id").Cast<long>().ToArray());
        Assert.All(exported.Column("regime"), v => Assert.Equal("gf", v));

        // The same count through the CLI's table output, parsed cell by cell.
        var q = CliRunner.Run("query", data.Dir, $"SELECT count(*) AS n FROM read_parquet('{path}')");
        Assert.True(q.ExitCode == 0, q.Stderr);
        var (header, rows) = PrintedTable(q.Stdout);
        Assert.Equal(["n"], header);
        var row = Assert.Single(rows);
        Assert.Equal(gf.Length, long.Parse(Assert.Single(row), CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("SELECT nope FROM trajectories")]
    [InlineData("SELEKT 1")]
    [InlineData("SELECT * FROM traces")]
    public void BadSql_OneLineOnStderr(string sql)
    {
        var r = CliRunner.Run("query", data.Dir, sql);
        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.ErrorLines);
        Assert.StartsWith("eos-sweep: error: query failed:", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingDataSet_OneLineOnStderr()
    {
        var r = CliRunner.Run("query", "/nonexistent/eos-data", "SELECT 1");
        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.ErrorLines);
    }

    /// <summary>The header and rows of the aligned table <c>query</c> prints (header, dashes, rows, "(N rows)").</summary>
    private static (string[] Header, string[][] Rows) PrintedTable(string stdout)
    {
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length >= 3, stdout);
        var header = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries), d => Assert.Matches("^-+$", d));
        var rows = lines[2..^1].Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        Assert.All(rows, row => Assert.Equal(header.Length, row.Length));
        Assert.Equal(rows.Length == 1 ? "(1 row)" : $"({rows.Length} rows)", lines[^1]);
        return (header, rows);
    }
}
