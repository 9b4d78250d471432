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

        // The CPU engine line comes from the catalog: which models have lanes, which are not bit-identical.
        var engines = Assert.Single(r.Stdout.Split('\n'), l => l.StartsWith("cpu engines:", StringComparison.Ordinal));
        Assert.Contains("runs xy, mean, sparse-coding, quartic, cosine, mlp on the SIMD path", engines, StringComparison.Ordinal);
        Assert.Contains("except sparse-coding within ~1e-14", engines, StringComparison.Ordinal);
        Assert.Contains("uv and --trace on ILGPU's CPU accelerator", engines, StringComparison.Ordinal);
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
    public void BenchQuick_PrintsAWellFormedTableAndJson()
    {
        // A smoke test only: it asserts the shape of the output, never a speed; numpy may be present or skipped.
        var json = CliRunner.TempDir() + ".json";
        var r = CliRunner.Run("bench", "--quick", "--repeats", "1", "--model", "xy,mean", "--json", json);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("fma peak f64: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("fma peak f32: ", StringComparison.Ordinal));
        foreach (var w in new[] { "xy/logistic/f64", "mean/logistic/f64", "xy/logistic/f32", "mean/logistic/f32" })
        {
            var mine = lines.Where(l => l.StartsWith(w + " ", StringComparison.Ordinal)).ToList();
            Assert.Contains(mine, l => l.Contains("ilgpu cpu", StringComparison.Ordinal));
            Assert.Contains(mine, l => l.Contains("scalar C# loop (1 thread)", StringComparison.Ordinal));
            Assert.Contains(mine, l => l.Contains("Parallel.For", StringComparison.Ordinal));
            Assert.Contains(mine, l => l.Contains("floor: FMA peak /", StringComparison.Ordinal));
            Assert.Contains(mine, l => l.Contains("ratio ilgpu cpu", StringComparison.Ordinal) && l.Contains("of floor", StringComparison.Ordinal));
            Assert.Contains(mine, l => l.Contains("numpy", StringComparison.Ordinal));   // measured, or a note saying why not
        }

        Assert.Contains(lines, l => l.StartsWith("divergence pair (xy/square/f64", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("divergence ilgpu cpu", StringComparison.Ordinal) && l.Contains("× faster", StringComparison.Ordinal));

        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json));
        var root = doc.RootElement;
        Assert.True(root.GetProperty("fma_peak").GetProperty("f64").GetProperty("flops_per_second").GetDouble() > 0);
        var workloads = root.GetProperty("workloads");
        Assert.Equal(4, workloads.GetArrayLength());
        foreach (var w in workloads.EnumerateArray())
        {
            Assert.True(w.GetProperty("floor_steps_per_second").GetDouble() > 0);
            Assert.All(w.GetProperty("results").EnumerateArray(), e => Assert.True(e.GetProperty("steps_per_second").GetDouble() > 0));
            var engines = w.GetProperty("results").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "engine").ToList();
            Assert.NotEmpty(engines);
            Assert.All(engines, e => Assert.True(e.GetProperty("vs_scalar").GetDouble() > 0 && e.GetProperty("share_of_floor").GetDouble() > 0));
        }

        var divergence = root.GetProperty("divergence");
        Assert.True(divergence.GetArrayLength() >= 3);
        Assert.All(divergence.EnumerateArray(), d => Assert.True(d.GetProperty("diverged_share_high").GetDouble() > d.GetProperty("diverged_share_low").GetDouble()));
    }

    [Fact]
    public void BenchOnAnUnknownAccelerator_IsOneClearLine()
    {
        var r = CliRunner.Run("bench", "--quick", "--accelerator", "tpu");

        Assert.Equal(2, r.ExitCode);
        var line = Assert.Single(r.ErrorLines);
        Assert.StartsWith("eos-sweep: error: ", line, StringComparison.Ordinal);
        Assert.Contains("tpu", line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, r.Stdout);
    }

    [Theory]
    [InlineData("cuda")]
    [InlineData("opencl")]
    public void BenchOnAGpu_AbsentIsOneClearLine_PresentMeasuresIt(string kind)
    {
        if (!GpuHost.Has(kind))
        {
            // Refused before anything is measured.
            var refused = CliRunner.Run("bench", "--quick", "--accelerator", kind);
            Assert.Equal(2, refused.ExitCode);
            var line = Assert.Single(refused.ErrorLines);
            Assert.StartsWith($"eos-sweep: error: --accelerator {kind}: no such device here", line, StringComparison.Ordinal);
            Assert.Equal(string.Empty, refused.Stdout);
            return;
        }

        // Present: the smallest bench runs and measures that device among the engines.
        var r = CliRunner.Run("bench", "--quick", "--repeats", "1", "--model", "xy", "--precision", "f64", "--no-divergence", "--accelerator", kind);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains(r.Stdout.Split('\n'), l => l.StartsWith("xy/logistic/f64 ", StringComparison.Ordinal) && l.Contains($"ilgpu {kind}", StringComparison.Ordinal));
    }
}
