namespace EosSweep.Tests.Cli;

/// <summary>A one-axis sweep whose large step sizes diverge: its curves and summary carry no NaN.</summary>
public sealed class DivergedCurveTests
{
    [Fact]
    public void CurveSweepWithDivergedRows_SummaryAndCurvesHoldNoNaN()
    {
        var dir = CliRunner.TempDir();

        // Square loss, y0 = 3: y0² = 9 > 2/η for η > 0.22, where GD on ℓ(xy) = (xy)²/2 blows up.
        var r = CliRunner.Run("run", "--model", "xy", "--loss", "square", "--eta", "log:0.01:2:24", "--y0", "3", "--seed", "0,1",
            "--steps", "2000", "--out", dir, "--summarize");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("diverged: ", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("diverged: 0 ", r.Stdout + " ", StringComparison.Ordinal);

        var report = Path.Combine(dir, "report");
        Assert.True(File.Exists(Path.Combine(report, "curve.svg")), "a one-axis sweep draws curves");
        foreach (var file in new[] { "summary.csv", "report.md", "curve.svg", "stability_ratio_curve.svg" })
        {
            var text = File.ReadAllText(Path.Combine(report, file));
            Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
        }
    }
}
