using System.Xml.Linq;
using DuckDB.NET.Data;
using EosSweep.Storage;

namespace EosSweep.Tests.Cli;

/// <summary>A sweep through the CLI: data set, DuckDB view of it, report files.</summary>
[Collection(HeavyProcesses.Name)]
public sealed class EndToEndTests
{
    [Fact]
    public async Task Run2AxisSweepWithSummarize_WritesDataSetAndPhaseDiagrams()
    {
        var dir = CliRunner.TempDir();
        var r = CliRunner.Run("run", "--model", "xy", "--loss", "sqrt", "--eta", "log:0.05:1:12", "--y0", "lin:0.5:8:10",
            "--steps", "3000", "--batch", "37", "--out", dir, "--summarize");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("wrote 120 trajectories", r.Stdout, StringComparison.Ordinal);

        var reader = await DataSetReader.OpenAsync(dir);
        Assert.True(reader.Complete);
        Assert.Equal(120, reader.RowCount);
        using (var con = new DuckDBConnection("Data Source=:memory:"))
        {
            con.Open();
            using var cmd = con.CreateCommand();
            cmd.CommandText = $"SELECT count(*), count(DISTINCT traj_id), min(traj_id), max(traj_id) FROM read_parquet('{dir}/part-*.parquet')";
            using var q = cmd.ExecuteReader();
            Assert.True(q.Read());
            Assert.Equal(120L, q.GetInt64(0));
            Assert.Equal(120L, q.GetInt64(1));
            Assert.Equal(0L, q.GetInt64(2));
            Assert.Equal(119L, q.GetInt64(3));
        }

        var report = Path.Combine(dir, "report");
        foreach (var name in new[] { "stability_ratio", "regime" })
        {
            AssertPng(Path.Combine(report, name + ".png"));
            AssertSvg(Path.Combine(report, name + ".svg"));
        }

        var csv = File.ReadAllLines(Path.Combine(report, "summary.csv"));
        Assert.Contains(csv, l => l.StartsWith("check,boundary_agreement,", StringComparison.Ordinal));
    }

    [Fact]
    public void Run1AxisMeanSweep_DrawsCurveWithTheory()
    {
        var dir = CliRunner.TempDir();
        var r = CliRunner.Run("run", "--model", "mean", "--eta", "log:1e-4:4e-3:9", "--steps", "40000", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var s = CliRunner.Run("summarize", dir);
        Assert.True(s.ExitCode == 0, s.Stderr);
        AssertPng(Path.Combine(dir, "report", "curve.png"));
        AssertSvg(Path.Combine(dir, "report", "curve.svg"));
        Assert.Contains("check below_threshold_b", s.Stdout, StringComparison.Ordinal);
    }

    private static void AssertPng(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 1000, $"{path} is {bytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
    }

    private static void AssertSvg(string path)
    {
        var doc = XDocument.Load(path);
        Assert.Equal("svg", doc.Root!.Name.LocalName);
        Assert.Contains(doc.Descendants(), e => e.Name.LocalName == "text");
    }
}
