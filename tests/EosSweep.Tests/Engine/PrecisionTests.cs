using EosSweep.Core;

namespace EosSweep.Tests.Engine;

/// <summary>--precision f32 runs the same models in binary32 and agrees with f64 away from the phase boundary.</summary>
public sealed class PrecisionTests
{
    [Theory]
    [InlineData("xy", "logistic")]
    [InlineData("xy", "sqrt")]
    [InlineData("mean", "logistic")]
    public void F32_AgreesWithF64_AwayFromTheBoundary(string model, string loss)
    {
        var axes = model == "xy"
            ? new Dictionary<string, string> { ["eta"] = "log:0.05:0.5:6", ["y0"] = "lin:0.5:1.5:6" }
            : new Dictionary<string, string> { ["eta"] = "log:5e-5:3e-4:6" };
        var f64 = SweepHarness.Run(new SweepSettings { Model = model, Loss = loss, Steps = 20_000, Axes = axes });
        var f32 = SweepHarness.Run(new SweepSettings { Model = model, Loss = loss, Steps = 20_000, Axes = axes, Precision = "f32" });
        Assert.Equal(f64.Count, f32.Count);
        for (int i = 0; i < f64.Count; i++)
        {
            // These grids lie well inside the gf phase (start ratio ≤ 0.6), where both precisions converge.
            Assert.Equal(Regime.Gf, f64[i].Regime);
            Assert.Equal(Regime.Gf, f32[i].Regime);
            // f32 stops at a looser tolerance (relative move 1e-6 against 1e-10), so a coordinate contracting by
            // 1 − ηλ ≈ 0.997 per step stops near tol/(ηλ) ≈ 5e-4 instead of 5e-8: compare to 1e-3.
            for (int k = 0; k < f64[i].Parameters.Length; k++)
            {
                Assert.True(Math.Abs(f64[i].Parameters[k] - f32[i].Parameters[k]) <= 1e-3 * Math.Max(1, Math.Abs(f64[i].Parameters[k])),
                    $"row {i} param {k}: f64 {f64[i].Parameters[k]} f32 {f32[i].Parameters[k]}");
            }

            Assert.True(Math.Abs(f64[i].Ratio - f32[i].Ratio) <= 1e-4, $"row {i}: ratio f64 {f64[i].Ratio} f32 {f32[i].Ratio}");
        }
    }
}
