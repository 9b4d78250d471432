using System.Text.Json;
using EosSweep.Engine;

namespace EosSweep.Tests.Cli;

/// <summary>
/// <c>eos-sweep check</c>, testable without a GPU as two different CPU engines: the ILGPU-compiled kernel on ILGPU's CPU
/// accelerator (<c>--accelerator cpu-ilgpu</c>) against the SIMD lanes (<c>--against cpu</c>), which is what
/// scripts/gpu-check.sh runs with CUDA as the tested side. Each test asserts the engine each side reports.
/// </summary>
public sealed class CheckCommandTests
{
    /// <summary>Every workload of the check, in its order.</summary>
    private static readonly string[] Workloads =
        ["xy/logistic/f64", "mean/logistic/f64", "sparse-coding/logistic1/f64", "quartic/square/f64", "cosine/square/f64", "uv/square/f64", "mlp/square/f64"];

    [Fact]
    public void Check_IlgpuKernelAgainstTheLanes_PassesEveryModel()
    {
        var (r, results) = Check("--trajectories", "8", "--steps", "20");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(Workloads, results.Select(x => x.Workload));
        foreach (var x in results)
        {
            Assert.Contains(r.Stdout.Split('\n'), l => l.StartsWith(x.Workload, StringComparison.Ordinal) && l.TrimEnd().EndsWith("pass", StringComparison.Ordinal));
            Assert.True(x.Passed, x.Workload);
            AssertTestedIsTheCompiledKernel(x, grouped: false);
            // uv has no lanes: under cpu its reference is the same compiled kernel, so its row only checks repeatability.
            if (x.Workload.StartsWith("uv/", StringComparison.Ordinal))
            {
                Assert.Equal(x.Tested.Replace(", math project", string.Empty, StringComparison.Ordinal), x.Reference);
            }
            else
            {
                AssertReferenceIsTheLanes(x);
            }
        }
    }

    [Fact]
    public void Check_SparseCodingGroupKernelAgainstTheSampleLanes_Passes()
    {
        // The group layout's tree reduction against the lanes' 4- or 8-sample sums: within the f64 default 1e-9.
        var (r, results) = Check("--trajectories", "8", "--steps", "20", "--model", "sparse-coding", "--layout", "group");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var x = Assert.Single(results);
        Assert.Equal("sparse-coding/logistic1/f64", x.Workload);
        AssertTestedIsTheCompiledKernel(x, grouped: true);
        AssertReferenceIsTheLanes(x);
        Assert.True(x.MaxRelative > 0, "the reassociated sums should differ in the last bits");
    }

    [Fact]
    public void Check_DifferenceBeyondTheTolerance_ExitsOne()
    {
        // The sample lanes reassociate sparse-coding's sums (BitIdentical is false): with tolerance 0 the check must fail.
        var (r, results) = Check("--trajectories", "8", "--steps", "20", "--model", "sparse-coding", "--layout", "thread", "--tolerance", "0");
        Assert.Equal(1, r.ExitCode);
        var x = Assert.Single(results);
        Assert.False(x.Passed);
        Assert.True(x.MaxRelative > 0);
        AssertTestedIsTheCompiledKernel(x, grouped: false);
        AssertReferenceIsTheLanes(x);
        Assert.Equal("eos-sweep: check failed: sparse-coding/logistic1/f64 differ beyond the tolerance or in regime", Assert.Single(r.ErrorLines));
    }

    [Fact]
    public void Check_LibDeviceMathOnCpu_ComparesAgainstTheProjectMath()
    {
        // On the CPU the intrinsic math is .NET's libm: at most a few ulps from the project's, far inside 1e-9 after 30 steps.
        var (r, results) = Check("--trajectories", "9", "--steps", "30", "--model", "xy", "--gpu-math", "libdevice");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var x = Assert.Single(results);
        Assert.Equal("xy/logistic/f64", x.Workload);
        Assert.EndsWith(", math libdevice", x.Tested, StringComparison.Ordinal);
        AssertReferenceIsTheLanes(x);
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

    /// <summary>One workload's line of the check's JSON.</summary>
    private sealed record Row(string Workload, string Tested, string Reference, double MaxRelative, bool Passed);

    /// <summary>Runs <c>check --accelerator cpu-ilgpu --against cpu</c> with <paramref name="args"/> and reads its JSON.</summary>
    private static (CliRunner.Result Result, List<Row> Rows) Check(params string[] args)
    {
        string json = CliRunner.TempDir() + "-check.json";
        var r = CliRunner.Run(["check", "--accelerator", "cpu-ilgpu", "--against", "cpu", "--json", json, .. args]);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var rows = doc.RootElement.GetProperty("results").EnumerateArray().Select(e => new Row(
            e.GetProperty("workload").GetString()!, e.GetProperty("tested").GetString()!, e.GetProperty("reference").GetString()!,
            e.GetProperty("max_relative").GetDouble(), e.GetProperty("passed").GetBoolean())).ToList();
        foreach (var x in rows)
        {
            Assert.Contains($"tested: {x.Tested}; reference: {x.Reference}", r.Stdout, StringComparison.Ordinal);
        }

        return (r, rows);
    }

    /// <summary>The tested side ran the ILGPU-compiled kernel on the CPU accelerator, not the lanes, in the given layout.</summary>
    private static void AssertTestedIsTheCompiledKernel(Row x, bool grouped)
    {
        Assert.StartsWith("cpu (", x.Tested, StringComparison.Ordinal);
        Assert.DoesNotContain("SIMD", x.Tested, StringComparison.Ordinal);
        Assert.Equal(grouped, x.Tested.Contains(", group per trajectory", StringComparison.Ordinal));
    }

    /// <summary>The reference side ran the CPU SIMD lanes.</summary>
    private static void AssertReferenceIsTheLanes(Row x)
    {
        Assert.StartsWith("cpu (", x.Reference, StringComparison.Ordinal);
        Assert.Contains(", SIMD ", x.Reference, StringComparison.Ordinal);
        Assert.DoesNotContain("group", x.Reference, StringComparison.Ordinal);
    }
}
