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
        Table = DataSetReader.Open(Dir).ReadTableAsync([ResultColumns.TrajId, "eta", ResultColumns.StabilityRatio]).GetAwaiter().GetResult();
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
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var regime in RegimeRules.All)
        {
            int expected = data.Table.Regimes.Count(x => x == regime);
            var line = lines.FirstOrDefault(l => l.StartsWith(RegimeRules.Name(regime) + " ", StringComparison.Ordinal));
            if (expected == 0)
            {
                Assert.Null(line);
            }
            else
            {
                Assert.NotNull(line);
                Assert.Equal(expected, int.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture));
            }
        }

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
    public void ParquetExport_IsReadableByDuckDb()
    {
        var path = CliRunner.TempDir() + ".parquet";
        var r = CliRunner.Run("query", data.Dir, "SELECT traj_id, regime FROM trajectories WHERE regime = 'gf'", "--parquet", path);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var q = CliRunner.Run("query", data.Dir, $"SELECT count(*) AS n FROM read_parquet('{path}')");
        Assert.Contains(data.Table.Regimes.Count(x => x == Regime.Gf).ToString(CultureInfo.InvariantCulture), q.Stdout, StringComparison.Ordinal);
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
}
