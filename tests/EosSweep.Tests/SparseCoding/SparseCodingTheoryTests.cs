using System.Globalization;
using EosSweep.Core;
using EosSweep.Kernels.Models;
using EosSweep.Tests.Engine;

namespace EosSweep.Tests.SparseCoding;

/// <summary>The threshold-neuron transition of the paper, on a configuration small enough for the suite.</summary>
public sealed class SparseCodingTheoryTests
{
    [Fact]
    public void Transition_BiasDropsAndAccuracyRises_AboveEtaStar()
    {
        // d = 50, n = 100, λ = 3: η* = 8π/d² ≈ 0.01005; five seeds; T = round(10/η).
        double star = SparseCodingInfo.EtaStar(50);
        double[] factors = [0.2, 0.5, 3.0];
        var spec = SweepHarness.Spec(new SweepSettings
        {
            Model = "sparse-coding",
            Tau = 10,
            Axes = new Dictionary<string, string>
            {
                ["eta"] = string.Join(",", factors.Select(f => (f * star).ToString("R", CultureInfo.InvariantCulture))),
                ["d"] = "50",
                ["n"] = "100",
                ["lambda"] = "3",
                ["n_test"] = "2000",
                ["seed"] = "0,1,2,3,4",
            },
        });
        var rows = SweepHarness.Run(spec);
        Assert.Equal(15, rows.Count);

        // Rows are η-major: five seeds per η.
        double MeanB(int e) => rows.Skip(5 * e).Take(5).Average(r => r.Parameters[2]);
        double MeanAccuracy(int e) => rows.Skip(5 * e).Take(5).Average(r => r.Extras[0]);
        Assert.True(Math.Abs(MeanB(1) - MeanB(0)) <= 0.05, $"b at 0.5η* {MeanB(1)} vs 0.2η* {MeanB(0)}");
        Assert.True(MeanB(2) < MeanB(1) - 0.1, $"b at 3η* {MeanB(2)} vs 0.5η* {MeanB(1)}");
        Assert.True(MeanAccuracy(2) > MeanAccuracy(1), $"accuracy at 3η* {MeanAccuracy(2)} vs 0.5η* {MeanAccuracy(1)}");
        Assert.All(rows, r => Assert.Equal(SpecResolver.StepsForTau(10, AxisOf(r, spec)), r.Steps));
    }

    private static Core.Grid.AxisSpec AxisOf(SweepHarness.Row r, SweepSpec spec) =>
        Core.Grid.AxisSpec.Parse("eta", spec.Grid.Value(r.Index, 0).ToString("R", CultureInfo.InvariantCulture));
}
