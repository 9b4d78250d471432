namespace EosSweep.Tests.Cli;

/// <summary>The informational commands print what they promise.</summary>
public sealed class InfoCommandTests
{
    [Fact]
    public void Devices_ListsTheCpuAccelerator()
    {
        var r = CliRunner.Run("devices");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains(r.Stdout.Split('\n'), l => l.Contains(" cpu ", StringComparison.Ordinal) && l.Contains("CPU", StringComparison.Ordinal));
    }

    [Fact]
    public void Models_ListsEveryModelWithAxesAndTheory()
    {
        var r = CliRunner.Run("models");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("xy: single-neuron linear network", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("mean: ", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("--a-plus0", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("y0² = 2/(η·ℓ''(0))", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("8π/d²", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void BenchQuick_PrintsAWellFormedTable()
    {
        // A smoke test only: it asserts the shape of the output, never a speed.
        var json = CliRunner.TempDir() + ".json";
        var r = CliRunner.Run("bench", "--quick", "--repeats", "1", "--json", json);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("workload", lines[0], StringComparison.Ordinal);
        Assert.Equal(4, lines.Count(l => l.StartsWith("xy/logistic/f64", StringComparison.Ordinal)));
        Assert.Equal(4, lines.Count(l => l.StartsWith("mean/logistic/f64", StringComparison.Ordinal)));
        Assert.Equal(2, lines.Count(l => l.Contains("ratio ilgpu / Parallel.For loop", StringComparison.Ordinal)));
        // sparse-coding: ilgpu, the scalar loop and the SIMD-over-samples loop (no Parallel.For runner).
        Assert.Equal(3, lines.Count(l => l.StartsWith("sparse-coding/logistic1/f64 ", StringComparison.Ordinal)));
        Assert.Equal(3, lines.Count(l => l.StartsWith("sparse-coding/logistic1/f64/step=direct", StringComparison.Ordinal)));
        Assert.Equal(4, lines.Count(l => l.Contains("ratio ilgpu / scalar loop", StringComparison.Ordinal)));
        Assert.Equal(4, lines.Count(l => l.Contains("ratio simd / scalar loop", StringComparison.Ordinal)));
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json));
        var results = doc.RootElement.GetProperty("results");
        Assert.Equal(lines.Count(l => l.Contains("/f64", StringComparison.Ordinal) && !l.Contains("ratio", StringComparison.Ordinal)), results.GetArrayLength());
        Assert.All(results.EnumerateArray(), e => Assert.True(e.GetProperty("steps_per_second").GetDouble() > 0));
    }
}
