using EosSweep.Core;

namespace EosSweep.Tests.Engine;

/// <summary>
/// A trajectory depends only on (spec, index): batch size and thread count change no bit, on the SIMD lanes (<c>cpu</c>)
/// and on the ILGPU-compiled kernel on ILGPU's CPU accelerator (<c>cpu-ilgpu</c>), each run asserting its engine.
/// </summary>
public sealed class InvarianceTests
{
    [Theory]
    [InlineData("xy", "logistic", "cpu")]
    [InlineData("mean", "logistic", "cpu")]
    [InlineData("xy", "square", "cpu")]
    [InlineData("xy", "logistic", "cpu-ilgpu")]
    [InlineData("mean", "logistic", "cpu-ilgpu")]
    [InlineData("xy", "square", "cpu-ilgpu")]
    public void Results_DoNotDependOnBatchOrThreads(string model, string loss, string accelerator)
    {
        var axes = model == "xy"
            ? new Dictionary<string, string> { ["eta"] = "log:0.02:1:13", ["y0"] = "lin:0.5:12:11" }
            : new Dictionary<string, string> { ["eta"] = "log:1e-4:0.02:13", ["a_plus0"] = "lin:-0.2:0.2:11" };
        // The compiled kernel on ILGPU's CPU accelerator is several times slower than the lanes: fewer steps there.
        int steps = accelerator == "cpu" ? 2000 : 500;
        var baseline = Run(new SweepSettings { Model = model, Loss = loss, Steps = steps, Axes = axes, Accelerator = accelerator });
        foreach (var (batch, threads) in new (int?, int?)[] { (7, 2), (64, 1), (1000, 6), (null, null) })
        {
            var rows = Run(new SweepSettings { Model = model, Loss = loss, Steps = steps, Axes = axes, Batch = batch, Threads = threads, Accelerator = accelerator });
            Assert.Equal(baseline.Count, rows.Count);
            for (int i = 0; i < rows.Count; i++)
            {
                Assert.Equal(baseline[i].Index, rows[i].Index);
                Assert.Equal(baseline[i].Steps, rows[i].Steps);
                Assert.Equal(baseline[i].Regime, rows[i].Regime);
                for (int k = 0; k < rows[i].Parameters.Length; k++)
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(baseline[i].Parameters[k]), BitConverter.DoubleToInt64Bits(rows[i].Parameters[k]));
                }

                Assert.Equal(BitConverter.DoubleToInt64Bits(baseline[i].SharpnessMax), BitConverter.DoubleToInt64Bits(rows[i].SharpnessMax));
                Assert.Equal(BitConverter.DoubleToInt64Bits(baseline[i].MinLoss), BitConverter.DoubleToInt64Bits(rows[i].MinLoss));
            }
        }
    }

    /// <summary>Runs <paramref name="settings"/>, asserting the engine its accelerator names: the lanes for cpu, the compiled kernel for cpu-ilgpu.</summary>
    private static List<SweepHarness.Row> Run(SweepSettings settings)
    {
        var rows = SweepHarness.Run(SweepHarness.Spec(settings), out string engine);
        Assert.Equal(settings.Accelerator == "cpu", engine.Contains(", SIMD ", StringComparison.Ordinal));
        Assert.NotEmpty(rows);
        return rows;
    }
}
