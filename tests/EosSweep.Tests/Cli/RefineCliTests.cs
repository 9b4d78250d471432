using EosSweep.Storage;

namespace EosSweep.Tests.Cli;

/// <summary><c>run --refine</c> through the CLI: the refined data set, its summary, resume and bad input.</summary>
public sealed class RefineCliTests
{
    private static readonly string[] Sweep =
        ["run", "--model", "xy", "--eta", "log:0.05:1:8", "--y0", "lin:0.5:16:8", "--steps", "300", "--accelerator", "cpu", "--refine", "2"];

    [Fact]
    public void RunRefine_WritesLevels_SummarizesTheFinestGrid_AndIsCompleteWhenRunAgain()
    {
        var dir = CliRunner.TempDir();
        var r = CliRunner.Run([.. Sweep, "--out", dir, "--summarize"]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var plan = RefinePlanFile.TryRead(dir);
        Assert.NotNull(plan);
        Assert.True(plan.Complete);
        Assert.Equal([29, 29], plan.Finest);
        Assert.Equal(3, plan.LevelRows.Count);
        Assert.Equal(64, plan.LevelRows[0]);
        Assert.Contains("refined 2 levels to 29 × 29", r.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir, "report", "regime.png")));

        var status = CliRunner.Run("status", dir);
        Assert.Equal(0, status.ExitCode);
        Assert.Contains("levels done 3 of 3", status.Stdout, StringComparison.Ordinal);
        var query = CliRunner.Run("query", dir, "select count(*) as n, max(level) as top from trajectories");
        Assert.True(query.ExitCode == 0, query.Stderr);
        Assert.Contains(plan.LevelRows.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture), query.Stdout, StringComparison.Ordinal);

        var again = CliRunner.Run(["run", "--resume", "--out", dir]);
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Contains("already complete", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void RunRefine_AfterALostLevel_ResumesAndRewritesOnlyThatLevel()
    {
        var dir = CliRunner.TempDir();
        Assert.Equal(0, CliRunner.Run([.. Sweep, "--out", dir]).ExitCode);
        var level1 = File.ReadAllBytes(Path.Combine(dir, RefinedDataSet.LevelFile(1)));
        var level2 = File.ReadAllBytes(Path.Combine(dir, RefinedDataSet.LevelFile(2)));

        // As if killed while level 2 computed: refine.json records levels 0 and 1 only.
        var plan = RefinePlanFile.TryRead(dir)!; // written by the run above
        (plan with { CompletedLevels = 2, LevelRows = plan.LevelRows.Take(2).ToArray() }).Write(dir);
        File.Delete(Path.Combine(dir, RefinedDataSet.LevelFile(2)));

        var r = CliRunner.Run(["run", "--resume", "--out", dir]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("resuming", r.Stderr, StringComparison.Ordinal);
        Assert.True(RefinePlanFile.TryRead(dir)!.Complete);
        Assert.Equal(level1, File.ReadAllBytes(Path.Combine(dir, RefinedDataSet.LevelFile(1))));
        Assert.Equal(level2.Length, File.ReadAllBytes(Path.Combine(dir, RefinedDataSet.LevelFile(2))).Length);
    }

    [Theory]
    [InlineData("--eta", "log:0.05:1:8", "2-axis grid")]
    [InlineData("--eta", "0.1,0.2,0.5", "2-axis grid")]
    public void RunRefine_OnAGridThatIsNot2D_IsOneLine(string flag, string value, string expected)
    {
        var r = CliRunner.Run("run", "--model", "xy", flag, value, "--refine", "2", "--out", CliRunner.TempDir());
        Assert.Equal(2, r.ExitCode);
        var line = Assert.Single(r.ErrorLines);
        Assert.StartsWith("eos-sweep: error:", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public void RunRefine_OnAListAxis_IsOneLine()
    {
        var r = CliRunner.Run("run", "--model", "xy", "--eta", "0.1,0.2,0.5", "--y0", "lin:1:4:4", "--refine", "2", "--out", CliRunner.TempDir());
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("is a list", Assert.Single(r.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void RunRefine_BeyondTheRefinementMap_IsOneLine_AndTouchesNoDirectory()
    {
        var dir = Path.Combine(CliRunner.TempDir(), "refined");
        var r = CliRunner.Run("run", "--model", "xy", "--eta", "log:0.01:1:4096", "--y0", "lin:0.5:12:4096", "--refine", "8", "--out", dir);
        Assert.Equal(2, r.ExitCode);
        var line = Assert.Single(r.ErrorLines);
        Assert.Contains("1,048,321 × 1,048,321", line, StringComparison.Ordinal);
        Assert.Contains("fewer levels", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
    }
}
