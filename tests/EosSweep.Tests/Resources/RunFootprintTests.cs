using EosSweep.Core;
using EosSweep.Core.Resources;
using EosSweep.Engine;
using EosSweep.Tests.Cli;

namespace EosSweep.Tests.Resources;

/// <summary>The disk and memory estimate printed and checked before any work.</summary>
public sealed class RunFootprintTests
{
    private static SweepSpec Xy(string eta, string y0, string? trace = null) => SpecResolver.Resolve(
        new SweepSettings
        {
            Model = "xy",
            Axes = new Dictionary<string, string> { ["eta"] = eta, ["y0"] = y0 },
            Steps = 200,
            Trace = trace,
        },
        ModelCatalog.All);

    private static RunFootprint Estimate(SweepSpec spec, int batch = 1000, long data = 0, bool cpu = true, long deviceMemory = long.MaxValue) =>
        RunFootprint.Estimate(spec, ModelCatalog.Find(spec.Model), spec.Grid.Count, batch, data, cpu, deviceMemory);

    [Fact]
    public void OutputBytes_GrowLinearlyWithRows()
    {
        var spec = Xy("log:0.01:1:64", "lin:1:4:64");
        var model = ModelCatalog.Find("xy");
        var small = RunFootprint.Estimate(spec, model, 1_000, 100, 0, true, long.MaxValue);
        var large = RunFootprint.Estimate(spec, model, 1_000_000, 100, 0, true, long.MaxValue);

        Assert.Equal(1000 * (small.OutputBytes - RunFootprint.FixedOutputBytes), large.OutputBytes - RunFootprint.FixedOutputBytes, 1e-6);
        Assert.Equal(small.HostBytes, large.HostBytes);   // memory is flat in the grid size
    }

    [Fact]
    public void DeviceBuffers_CountAsHostMemoryOnlyOnTheCpuAccelerator()
    {
        var spec = Xy("log:0.01:1:64", "lin:1:4:64");
        var cpu = Estimate(spec, batch: 4096, data: 1 << 20, cpu: true);
        var gpu = Estimate(spec, batch: 4096, data: 1 << 20, cpu: false, deviceMemory: 1L << 34);

        Assert.Equal(cpu.DeviceBytes, gpu.DeviceBytes);
        Assert.True(gpu.DeviceBytes > 1 << 20, "model data belongs to the device");
        Assert.Equal(cpu.HostBytes, gpu.HostBytes + gpu.DeviceBytes, 1e-6);
    }

    [Fact]
    public void Traces_AddTheirRowsToDiskAndBuffersToMemory()
    {
        var plain = Estimate(Xy("0.1,0.2", "lin:1:4:8"));
        var traced = Xy("0.1,0.2", "lin:1:4:8", trace: "all");
        var withTrace = Estimate(traced);

        // 16 trajectories × (200 + 2) rows × (traj_id, step, loss, sharpness, ratio, x, y) doubles.
        Assert.Equal(16.0 * traced.TraceRows * 7 * 8, withTrace.TraceBytes);
        Assert.Equal(plain.OutputBytes + withTrace.TraceBytes, withTrace.DiskBytes);
        Assert.True(withTrace.HostBytes > plain.HostBytes);
    }

    [Fact]
    public void Refusal_NamesTheNumbers_OrIsNullWhenTheRunFits()
    {
        var f = Estimate(Xy("log:0.01:1:1000", "lin:1:4:1000"), cpu: false, deviceMemory: 1L << 30);
        Assert.Null(f.Refusal(1L << 40, "/data", 1L << 40));

        var disk = f.Refusal(1000, "/data", 1L << 40);
        Assert.NotNull(disk);
        Assert.Contains("1,000,000 trajectories need about", disk, StringComparison.Ordinal);
        Assert.Contains("'/data' has 1000 B free", disk, StringComparison.Ordinal);

        var host = f.Refusal(1L << 40, "/data", 1L << 20);
        Assert.NotNull(host);
        Assert.Contains("of host memory", host, StringComparison.Ordinal);
        Assert.Contains("1.00 MiB is available", host, StringComparison.Ordinal);

        var device = (f with { DeviceMemoryBytes = 1000 }).Refusal(1L << 40, "/data", 1L << 40);
        Assert.NotNull(device);
        Assert.Contains("the accelerator has 1000 B", device, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(1023, "1023 B")]
    [InlineData(1536, "1.50 KiB")]
    [InlineData(100L << 20, "100 MiB")]
    [InlineData(5L << 40, "5.00 TiB")]
    public void Size_UsesBinaryUnits(long bytes, string text) => Assert.Equal(text, RunFootprint.Size(bytes));

    /// <summary>
    /// The per-row figures against a data set really written: the estimate may be high (doubles are counted as
    /// incompressible) but never below what is on disk, and not more than twice it.
    /// </summary>
    [Fact]
    public void OutputEstimate_BoundsAWrittenDataSet()
    {
        var dir = CliRunner.TempDir();
        var r = CliRunner.Run("run", "--model", "xy", "--loss", "square", "--eta", "log:0.01:1:64", "--y0", "log:1:100:64", "--steps", "500", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Stderr);
        long written = Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        var spec = SpecResolver.Resolve(
            new SweepSettings { Model = "xy", Loss = "square", Axes = new Dictionary<string, string> { ["eta"] = "log:0.01:1:64", ["y0"] = "log:1:100:64" }, Steps = 500 },
            ModelCatalog.All);
        double estimate = Estimate(spec).OutputBytes;

        Assert.InRange(written, estimate / 2, estimate);
    }
}
