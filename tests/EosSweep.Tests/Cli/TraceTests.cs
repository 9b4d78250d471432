using EosSweep.Analysis;
using EosSweep.Core.Results;
using EosSweep.Storage;

namespace EosSweep.Tests.Cli;

/// <summary>--trace: rows per step for selected trajectories, ending at each trajectory's own final values.</summary>
public sealed class TraceTests
{
    [Fact]
    public async Task Traces_EndAtTheTrajectorysFinalValues_AndFollowTraceEvery()
    {
        var dir = CliRunner.TempDir();
        var r = CliRunner.Run("run", "--model", "xy", "--loss", "sqrt", "--eta", "0.05,0.2", "--y0", "lin:1:6:6", "--steps", "4000",
            "--trace", "every:y0:2", "--trace-every", "7", "--batch", "5", "--out", dir, "--summarize");
        Assert.True(r.ExitCode == 0, r.Stderr);

        var traces = TraceTable.Load(dir)!;
        var table = await (await DataSetReader.OpenAsync(dir)).ReadTableAsync(
            [ResultColumns.TrajId, ResultColumns.Steps, ResultColumns.FinalLoss, ResultColumns.SharpnessFinal, "y0"]);
        var ids = traces.TrajIds.Distinct().ToList();

        // every:y0:2 over 6 values of y0 and 2 of η: y0 positions 0, 2, 4 → 6 trajectories.
        Assert.Equal(6, ids.Count);
        var y0Values = new[] { 1.0, 2.0, 3.0, 4.0, 5.0, 6.0 };
        foreach (var id in ids)
        {
            int row = Array.IndexOf(table.Column(ResultColumns.TrajId), (double)id);
            Assert.Contains(Array.IndexOf(y0Values, table.Column("y0")[row]), new[] { 0, 2, 4 });
            var mine = Enumerable.Range(0, traces.TrajIds.Length).Where(i => traces.TrajIds[i] == id).ToList();
            int steps = (int)table.Column(ResultColumns.Steps)[row];

            // Rows at steps 0, 7, 14, … before the budget, then the final point at the step count.
            var expected = Enumerable.Range(0, ((steps - 1) / 7) + 1).Select(k => 7L * k).Append(steps).ToList();
            Assert.Equal(expected, mine.Select(i => traces.Steps[i]));
            int last = mine[^1];
            Assert.Equal(table.Column(ResultColumns.FinalLoss)[row], traces.Loss[last]);
            Assert.Equal(table.Column(ResultColumns.SharpnessFinal)[row], traces.Sharpness[last]);
        }

        var report = Path.Combine(dir, "report");
        Assert.NotEmpty(Directory.GetFiles(report, "trace_*.png"));
        Assert.NotEmpty(Directory.GetFiles(report, "trace_*.svg"));
    }

    [Fact]
    public void TraceParameters_StartAtTheGridPoint()
    {
        var dir = CliRunner.TempDir();
        var r = CliRunner.Run("run", "--model", "xy", "--eta", "0.1", "--x0", "0.25", "--y0", "3", "--steps", "50", "--trace", "all", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var q = CliRunner.Run("query", dir, "SELECT count(*) FILTER (WHERE x = 0.25 AND y = 3) AS ok, count(*) AS n FROM traces WHERE step = 0");
        Assert.True(q.ExitCode == 0, q.Stderr);
        var values = q.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[2].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["1", "1"], values);
    }

    [Fact]
    public void TraceOverBudget_IsRefusedBeforeAnyWork_WithTheNumbers()
    {
        var dir = CliRunner.TempDir();
        var r = CliRunner.Run("run", "--model", "xy", "--eta", "log:0.01:1:100", "--y0", "lin:1:10:100", "--steps", "100000",
            "--trace", "all", "--out", dir);
        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.ErrorLines);
        Assert.Contains("--trace all would record 10,000 trajectories × up to 100,002 rows", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("over --max-trace-bytes 1,073,741,824", r.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
    }

    [Theory]
    [InlineData("some", "expected all, ids:ID,ID,… or every:AXIS:K")]
    [InlineData("ids:1,99999", "'99999' is not a traj_id of this grid")]
    [InlineData("every:y0:0", "expected every:AXIS:K with K ≥ 1")]
    [InlineData("every:b0:2", "'b0' is not an axis of this sweep")]
    public void BadSelector_OneLine(string selector, string expected)
    {
        var r = CliRunner.Run("run", "--model", "xy", "--eta", "0.1,0.2", "--trace", selector, "--out", CliRunner.TempDir());
        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.ErrorLines);
        Assert.Contains(expected, r.Stderr, StringComparison.Ordinal);
    }
}
