namespace EosSweep.Tests.Cli;

/// <summary>A data set without its manifest (a sweep that stopped) is named as incomplete; --allow-incomplete summarises it.</summary>
public sealed class IncompleteDataSetTests
{
    [Fact]
    public void Summarize_SaysIncompletePlainly_AndAllowIncompleteUsesTheParts()
    {
        var dir = CliRunner.TempDir();
        var r = CliRunner.Run("run", "--model", "xy", "--eta", "log:0.05:1:6", "--y0", "lin:0.5:6:5", "--steps", "2000", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Stderr);
        File.Delete(Path.Combine(dir, "_manifest.json"));

        var refused = CliRunner.Run("summarize", dir);
        Assert.Equal(2, refused.ExitCode);
        Assert.Single(refused.ErrorLines);
        Assert.Contains("is incomplete", refused.Stderr, StringComparison.Ordinal);

        var allowed = CliRunner.Run("summarize", dir, "--allow-incomplete");
        Assert.True(allowed.ExitCode == 0, allowed.Stderr);
        Assert.Contains("INCOMPLETE data set: 30 of 30 trajectories are present", allowed.Stdout, StringComparison.Ordinal);
    }
}
