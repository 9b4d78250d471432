using System.Globalization;
using EosSweep.Core;
using Xunit.Abstractions;

namespace EosSweep.Tests.Engine;

public sealed class ExploreTests(ITestOutputHelper output)
{
    [Fact]
    public void Explore()
    {
        foreach (var loss in new[] { "logistic", "sqrt", "logcosh", "square" })
        {
            double c = loss == "logistic" ? 0.25 : 1;
            foreach (var eta in new[] { 0.02, 0.1 })
            {
                var ys = new[] { 0.3, 0.85, 1.05, 1.25, 1.5, 1.8 }.Select(r => Math.Sqrt(2 * r / (eta * c)).ToString("R", CultureInfo.InvariantCulture));
                var rows = SweepHarness.Run(new SweepSettings { Model = "xy", Loss = loss, Steps = (int)(4000 / eta),
                    Axes = new Dictionary<string, string> { ["eta"] = eta.ToString("R", CultureInfo.InvariantCulture), ["x0"] = "0.1", ["y0"] = string.Join(",", ys) } });
                foreach (var r in rows)
                {
                    output.WriteLine($"{loss} eta={eta} x={r.Parameters[0]:G4} y={r.Parameters[1]:G6} ratio={r.Ratio:G4} steps={r.Steps} regime={r.Regime} smax={r.SharpnessMax:G4} loss={r.FinalLoss:G6}");
                }
            }
        }

        double star = 8 * Math.PI / 40000;
        var m = SweepHarness.Run(new SweepSettings { Model = "mean", Steps = 400000,
            Axes = new Dictionary<string, string> { ["eta"] = string.Join(",", new[] { 0.2, 0.5, 0.9, 1.1, 1.5, 2, 4, 10, 20 }.Select(f => (f * star).ToString("R", CultureInfo.InvariantCulture))) } });
        foreach (var r in m)
        {
            output.WriteLine($"mean a+={r.Parameters[0]:G4} a-={r.Parameters[1]:G4} b={r.Parameters[2]:G6} ratio={r.Ratio:G4} steps={r.Steps} regime={r.Regime} smax={r.SharpnessMax:G4}");
        }
    }
}
