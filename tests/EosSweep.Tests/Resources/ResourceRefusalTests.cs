using EosSweep.Tests.Cli;

namespace EosSweep.Tests.Resources;

/// <summary>A run that cannot fit is refused before any work, with the numbers, and writes nothing.</summary>
public sealed class ResourceRefusalTests
{
    [Fact]
    public void HugeGrid_IsRefusedWithTheNumbers_AndNothingIsWritten()
    {
        var dir = Path.Combine(CliRunner.TempDir(), "nested", "out");

        // 10^4 × 10^3 × 10^3 × 10^3 = 10^13 trajectories: hundreds of TiB of output.
        var r = CliRunner.Run("run", "--model", "xy", "--eta", "log:0.01:1:10000", "--x0", "lin:0.1:1:1000", "--y0", "lin:0.5:10:1000",
            "--seed", "lin:0:999:1000", "--steps", "10", "--out", dir);

        Assert.Equal(2, r.ExitCode);
        var error = Assert.Single(r.ErrorLines);
        Assert.StartsWith("eos-sweep: error:", error, StringComparison.Ordinal);
        Assert.Contains("10,000,000,000,000 trajectories need about", error, StringComparison.Ordinal);
        Assert.Contains("TiB on disk", error, StringComparison.Ordinal);
        Assert.Contains("free", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.GetDirectoryName(dir)), "nothing may be created for a refused run");
    }

    [Fact]
    public void ModelWithHugeData_IsRefusedOnMemory_AndNothingIsWritten()
    {
        var dir = CliRunner.TempDir();

        // One sparse-coding data set of 10^6 samples in d = 10^5: about 1.6 · 10^12 bytes.
        var r = CliRunner.Run("run", "--model", "sparse-coding", "--n", "1000000", "--d", "100000", "--eta", "0.001", "--steps", "1",
            "--accelerator", "cpu", "--out", dir);

        Assert.Equal(2, r.ExitCode);
        var error = Assert.Single(r.ErrorLines);
        Assert.StartsWith("eos-sweep: error:", error, StringComparison.Ordinal);
        Assert.Contains("TiB of host memory", error, StringComparison.Ordinal);
        Assert.Contains("is available", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void RunThatFits_PrintsTheEstimate_BeforeRunning()
    {
        var dir = CliRunner.TempDir();
        var r = CliRunner.Run("run", "--model", "xy", "--eta", "0.1,0.2", "--y0", "1,2", "--steps", "20", "--out", dir);

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("eos-sweep: 4 trajectories; output about", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("host memory about", r.Stderr, StringComparison.Ordinal);
    }
}
