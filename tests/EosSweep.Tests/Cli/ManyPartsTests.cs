using System.Globalization;

namespace EosSweep.Tests.Cli;

/// <summary>Summaries and queries over a data set of many part files with diverged rows: no NaN reaches an aggregate.</summary>
public sealed class ManyPartsTests
{
    [Fact]
    public void ManyPartsWithDivergedRows_SummariseWithoutNaN()
    {
        var dir = CliRunner.TempDir();
        var r = CliRunner.Run("run", "--model", "xy", "--loss", "square", "--eta", "log:0.05:1:12", "--y0", "lin:0.5:6:10",
            "--steps", "3000", "--batch", "16", "--rows-per-part", "16", "--out", dir, "--summarize");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.True(Directory.GetFiles(dir, "part-*.parquet").Length >= 7, "expected many part files");

        var q = CliRunner.Run("query", dir, "SELECT count(*) AS n, count(*) FILTER (WHERE diverged) AS d FROM trajectories");
        var values = q.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[2].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("120", values[0]);
        Assert.True(int.Parse(values[1], CultureInfo.InvariantCulture) > 0, "the grid should hold diverged rows");

        var csv = File.ReadAllText(Path.Combine(dir, "report", "summary.csv"));
        Assert.DoesNotContain("NaN", csv, StringComparison.OrdinalIgnoreCase);
        var html = System.Text.RegularExpressions.Regex.Replace(
            File.ReadAllText(Path.Combine(dir, "report", "index.html")), "data:image/png;base64,[A-Za-z0-9+/=]*", string.Empty);
        Assert.DoesNotContain("NaN", html, StringComparison.Ordinal);
    }
}
