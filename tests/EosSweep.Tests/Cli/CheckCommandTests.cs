using EosSweep.Engine;

namespace EosSweep.Tests.Cli;

/// <summary><c>eos-sweep check</c>, testable without a GPU as the CPU against itself (what scripts/gpu-check.sh runs on CUDA).</summary>
public sealed class CheckCommandTests
{
    [Fact]
    public void Check_CpuAgainstCpu_PassesEveryModel()
    {
        string json = Path.Combine(CliRunner.TempDir() + "-check.json");
        var r = CliRunner.Run("check", "--accelerator", "cpu", "--against", "cpu", "--trajectories", "16", "--steps", "20", "--json", json);
        Assert.True(r.ExitCode == 0, r.Stderr);
        foreach (var model in new[] { "xy/logistic/f64", "mean/logistic/f64", "sparse-coding/logistic1/f64", "quartic/square/f64", "cosine/square/f64", "uv/square/f64", "mlp/square/f64" })
        {
            Assert.Contains(r.Stdout.Split('\n'), l => l.StartsWith(model, StringComparison.Ordinal) && l.TrimEnd().EndsWith("pass", StringComparison.Ordinal));
        }

        Assert.Contains("\"passed\": true", File.ReadAllText(json), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_LibDeviceMathOnCpu_ComparesAgainstTheProjectMath()
    {
        // On the CPU the intrinsic math is .NET's libm: different last bits, so the check measures real differences.
        var r = CliRunner.Run("check", "--accelerator", "cpu", "--trajectories", "9", "--steps", "30", "--model", "xy", "--gpu-math", "libdevice");
        Assert.Contains(r.ExitCode, new[] { 0, 1 });
        Assert.Contains("math libdevice", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("xy/logistic/f64", r.Stdout, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Check_OnCuda_WithoutAGpu_IsOneClearLine()
    {
        using (var context = AcceleratorFactory.CreateContext())
        {
            Skip.If(AcceleratorFactory.List(context).Any(d => d.Kind == "cuda"), "a CUDA device is present");
        }

        var r = CliRunner.Run("check", "--accelerator", "cuda", "--trajectories", "4");
        Assert.Equal(2, r.ExitCode);
        var line = Assert.Single(r.ErrorLines);
        Assert.StartsWith("eos-sweep: error: no cuda accelerator is present", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--gpu-math", "fast")]
    [InlineData("--layout", "warp")]
    [InlineData("--trajectories", "0")]
    [InlineData("--tolerance", "-1")]
    [InlineData("--model", "nope")]
    public void Check_BadInput_IsOneClearLine(string flag, string value)
    {
        var r = CliRunner.Run("check", "--accelerator", "cpu", flag, value);
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("eos-sweep: error:", Assert.Single(r.ErrorLines), StringComparison.Ordinal);
    }
}
