namespace EosSweep.Tests.Cli;

/// <summary>
/// The test beds of docs/models.md through the CLI: axis flags from their ModelInfo, a small sweep with
/// <c>--summarize</c>, and every theory check that applies passing in summary.csv.
/// </summary>
public sealed class TestBedEndToEndTests
{
    public static TheoryData<string, string[], string[]> Sweeps => new()
    {
        {
            "quartic",
            ["--eta", "lin:0.05:0.6:12", "--x0", "lin:0.3:2:8", "--y0", "0.4", "--steps", "20000"],
            ["flow_minimiser", "edge_final_ratio", "no_stable_minimiser"]
        },
        {
            "cosine",
            ["--eta", "lin:0.1:1.9:19", "--delta", "0,0.02,0.05", "--x0", "lin:-2:2:9", "--steps", "5000"],
            ["quadratic_limit", "smooth_converges", "nothing_stable"]
        },
        {
            "cosine",
            ["--form", "multiplicative", "--eta", "lin:0.1:1.5:15", "--delta", "0,0.25", "--lambda", "4", "--x0", "lin:-0.19:0.19:5", "--steps", "5000"],
            ["quadratic_limit", "origin_basin", "origin_unstable"]
        },
        {
            "uv",
            ["--eta", "log:0.1:4:16", "--init-scale", "lin:0.5:1.5:12", "--m", "500", "--steps", "3000"],
            ["lazy_phase", "catapult_phase", "divergent_phase", "boundary_distance_median"]
        },
    };

    [Theory]
    [MemberData(nameof(Sweeps))]
    public void RunWithSummarize_WritesReport_AndTheoryChecksPass(string model, string[] flags, string[] checks)
    {
        var dir = CliRunner.TempDir();
        var r = CliRunner.Run(["run", "--model", model, .. flags, "--out", dir, "--summarize"]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var report = Path.Combine(dir, "report");
        Assert.True(File.Exists(Path.Combine(report, "regime.png")));
        var csv = File.ReadAllLines(Path.Combine(report, "summary.csv"));
        foreach (var name in checks)
        {
            var line = csv.FirstOrDefault(l => l.StartsWith($"check,{name},", StringComparison.Ordinal));
            Assert.True(line is not null, $"{model}: no check '{name}' in summary.csv");
            Assert.True(line.Split(',')[4] == "true", $"{model}: {line}");
        }
    }

    [Fact]
    public void Uv1AxisSweep_DrawsCurvesWithPhaseMarkers()
    {
        var dir = CliRunner.TempDir();
        var r = CliRunner.Run("run", "--model", "uv", "--eta", "lin:0.1:3.2:32", "--steps", "3000", "--out", dir, "--summarize");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var report = Path.Combine(dir, "report");
        Assert.True(File.Exists(Path.Combine(report, "curve.png")));
        Assert.True(File.Exists(Path.Combine(report, "curve_sharpness_final.png")));
        Assert.Contains("η = 2/λ₀", File.ReadAllText(Path.Combine(report, "curve.svg")), StringComparison.Ordinal);
        Assert.Contains("check catapult_phase", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Models_ListsTheTestBeds()
    {
        var r = CliRunner.Run("models");
        Assert.Equal(0, r.ExitCode);
        foreach (var name in new[] { "quartic:", "cosine:", "uv:", "--init-scale", "--lambda", "--form" })
        {
            Assert.Contains(name, r.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Cosine_UnknownForm_IsOneClearError()
    {
        var r = CliRunner.Run("run", "--model", "cosine", "--form", "sideways", "--out", CliRunner.TempDir());
        Assert.NotEqual(0, r.ExitCode);
        Assert.Equal(["eos-sweep: error: --form must be one of additive|multiplicative, got 'sideways'"], r.ErrorLines);
    }
}
