using System.Globalization;
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
        // query sees every recorded level as `trajectories`: its count and top level, parsed from the printed table,
        // against refine.json and against the level files read by DuckDB directly.
        var query = CliRunner.Run("query", dir, "select count(*) as n, max(level) as top from trajectories");
        Assert.True(query.ExitCode == 0, query.Stderr);
        var lines = query.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(4, lines.Length);
        Assert.Equal(["n", "top"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("(1 row)", lines[3]);
        var levels = ParquetRows.Read(Path.Combine(dir, "level-*.parquet"));
        Assert.Equal(plan.LevelRows.Sum(), levels.Rows.Count);
        Assert.Equal([levels.Rows.Count.ToString(CultureInfo.InvariantCulture), "2"], lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries));

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
        var level2 = ParquetRows.Read(Path.Combine(dir, RefinedDataSet.LevelFile(2)));
        Assert.True(level2.Rows.Count > 0, "the boundary crosses the window, so level 2 computes points");

        // As if killed while level 2 computed: refine.json records levels 0 and 1 only.
        var plan = RefinePlanFile.TryRead(dir)!; // written by the run above
        (plan with { CompletedLevels = 2, LevelRows = plan.LevelRows.Take(2).ToArray() }).Write(dir);
        File.Delete(Path.Combine(dir, RefinedDataSet.LevelFile(2)));

        var r = CliRunner.Run(["run", "--resume", "--out", dir]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("resuming", r.Stderr, StringComparison.Ordinal);
        Assert.True(RefinePlanFile.TryRead(dir)!.Complete);
        Assert.Equal(level1, File.ReadAllBytes(Path.Combine(dir, RefinedDataSet.LevelFile(1))));
        ParquetRows.AssertIdentical(level2, ParquetRows.Read(Path.Combine(dir, RefinedDataSet.LevelFile(2))), "recomputed level 2");
    }

    [Fact]
    public void RunRefine_EveryRefinedRow_EqualsTheDenseFinestGridsRow_BitForBit_EveryColumn()
    {
        // The finest grid of the 8 × 8 sweep refined by 2 levels is 29 × 29 over the same ranges; its dense run, through
        // the CLI like the refined one, must hold every refined row (same traj_id) in every column of a dense data set.
        var dir = CliRunner.TempDir();
        Assert.Equal(0, CliRunner.Run([.. Sweep, "--out", dir]).ExitCode);
        var denseDir = CliRunner.TempDir();
        var dense = CliRunner.Run("run", "--model", "xy", "--eta", "log:0.05:1:29", "--y0", "lin:0.5:16:29", "--steps", "300", "--accelerator", "cpu", "--out", denseDir);
        Assert.True(dense.ExitCode == 0, dense.Stderr);

        var denseRows = ParquetRows.Read(Path.Combine(denseDir, "part-*.parquet"));
        var refined = ParquetRows.Read(Path.Combine(dir, "level-*.parquet"));
        Assert.Equal(29 * 29, denseRows.Rows.Count);
        Assert.Equal(RefinePlanFile.TryRead(dir)!.LevelRows.Sum(), refined.Rows.Count);
        Assert.Equal(3, refined.Column(RefinedDataSet.LevelColumn).Distinct().Count());
        Assert.Equal(["traj_id", RefinedDataSet.LevelColumn, RefinedDataSet.RowColumn, RefinedDataSet.ColumnColumn], refined.Columns[..4]);
        Assert.Equal(denseRows.Columns, refined.Columns.Where((_, c) => c is 0 or > 3));
        for (int r = 0; r < refined.Rows.Count; r++)
        {
            long id = (long)refined.Rows[r][0];
            var want = denseRows.Rows[(int)id];
            Assert.Equal(id, (long)want[0]);

            // i, j: the cell of the finest grid (η slowest, 29 values of y0 per η).
            Assert.Equal(id / 29, (long)(int)refined.Value(r, RefinedDataSet.RowColumn));
            Assert.Equal(id % 29, (long)(int)refined.Value(r, RefinedDataSet.ColumnColumn));
            for (int c = 1; c < denseRows.Columns.Length; c++)
            {
                var got = refined.Value(r, denseRows.Columns[c]);
                Assert.True(ParquetRows.Same(want[c], got), $"traj_id {id}, column {denseRows.Columns[c]}: {want[c]} dense, {got} refined");
            }
        }
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
