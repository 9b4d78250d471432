using EosSweep.Core;

namespace EosSweep.Tests.Engine;

/// <summary>A trajectory depends only on (spec, index): batch size and thread count change no bit.</summary>
public sealed class InvarianceTests
{
    [Theory]
    [InlineData("xy", "logistic")]
    [InlineData("mean", "logistic")]
    [InlineData("xy", "square")]
    public void Results_DoNotDependOnBatchOrThreads(string model, string loss)
    {
        var axes = model == "xy"
            ? new Dictionary<string, string> { ["eta"] = "log:0.02:1:13", ["y0"] = "lin:0.5:12:11" }
            : new Dictionary<string, string> { ["eta"] = "log:1e-4:0.02:13", ["a_plus0"] = "lin:-0.2:0.2:11" };
        var baseline = SweepHarness.Run(new SweepSettings { Model = model, Loss = loss, Steps = 2000, Axes = axes });
        foreach (var (batch, threads) in new (int?, int?)[] { (7, 2), (64, 1), (1000, 6), (null, null) })
        {
            var rows = SweepHarness.Run(new SweepSettings { Model = model, Loss = loss, Steps = 2000, Axes = axes, Batch = batch, Threads = threads });
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
}
