using EosSweep.Core;
using EosSweep.Core.Models;
using EosSweep.Tests.Engine;

namespace EosSweep.Tests.Kernels;

/// <summary>The ILGPU kernel on the CPU accelerator equals plain float64 loops of the same operations, bit for bit.</summary>
public sealed class KernelReferenceTests
{
    public static TheoryData<string> Losses => new() { "logistic", "sqrt", "logcosh", "square" };

    [Theory]
    [MemberData(nameof(Losses))]
    public void XyKernel_EqualsPlainLoop_BitForBit(string loss)
    {
        // η × y0 spans gf, eos and (for the square loss) divergence; x0 of both signs.
        var spec = SweepHarness.Spec(new SweepSettings
        {
            Model = "xy",
            Loss = loss,
            Steps = 3000,
            Accelerator = "cpu-ilgpu",
            Axes = new Dictionary<string, string> { ["eta"] = "log:0.02:0.8:7", ["x0"] = "-0.3,0.1", ["y0"] = "lin:0.5:14:9" },
        });
        var rows = SweepHarness.Run(spec);
        var kind = LossInfo.Parse(loss).Kind;
        Assert.Equal(spec.Grid.Count, rows.Count);
        foreach (var row in rows)
        {
            double eta = spec.Grid.Value(row.Index, 0), x0 = spec.Grid.Value(row.Index, 1), y0 = spec.Grid.Value(row.Index, 2);
            var r = PlainReference.Run(eta, [x0, y0], th =>
            {
                double x = th[0], y = th[1];
                var o = PlainReference.XyStep(kind, eta, ref x, ref y);
                th[0] = x;
                th[1] = y;
                return o;
            }, spec.Steps, spec.Tolerance, spec.DivergenceBound, 1 - spec.EosMargin);
            AssertSame(r, row);
        }

        Assert.Contains(rows, r => r.Regime == Regime.Gf);
        Assert.Contains(rows, r => r.Regime == Regime.Eos);
    }

    [Theory]
    [MemberData(nameof(Losses))]
    public void MeanKernel_EqualsPlainLoop_BitForBit(string loss)
    {
        var spec = SweepHarness.Spec(new SweepSettings
        {
            Model = "mean",
            Loss = loss,
            Steps = 3000,
            Accelerator = "cpu-ilgpu",
            Axes = new Dictionary<string, string> { ["eta"] = "log:1e-4:0.02:6", ["a_plus0"] = "0.05,0.3", ["b0"] = "0,-0.5", ["d"] = "50,200" },
        });
        var rows = SweepHarness.Run(spec);
        var kind = LossInfo.Parse(loss).Kind;
        foreach (var row in rows)
        {
            double eta = spec.Grid.Value(row.Index, 0), ap = spec.Grid.Value(row.Index, 1), am = spec.Grid.Value(row.Index, 2);
            double b0 = spec.Grid.Value(row.Index, 3), d = spec.Grid.Value(row.Index, 4);
            var r = PlainReference.Run(eta, [ap, am, b0], th =>
            {
                double a = th[0], m = th[1], b = th[2];
                var o = PlainReference.MeanStep(kind, eta, d, ref a, ref m, ref b);
                th[0] = a;
                th[1] = m;
                th[2] = b;
                return o;
            }, spec.Steps, spec.Tolerance, spec.DivergenceBound, 1 - spec.EosMargin);
            AssertSame(r, row);
        }
    }

    private static void AssertSame(PlainReference.Result r, SweepHarness.Row row)
    {
        for (int k = 0; k < r.Theta.Length; k++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(r.Theta[k]), BitConverter.DoubleToInt64Bits(row.Parameters[k]));
        }

        Assert.Equal(BitConverter.DoubleToInt64Bits(r.FinalLoss), BitConverter.DoubleToInt64Bits(row.FinalLoss));
        Assert.Equal(BitConverter.DoubleToInt64Bits(r.MinLoss), BitConverter.DoubleToInt64Bits(row.MinLoss));
        Assert.Equal(BitConverter.DoubleToInt64Bits(r.SharpFinal), BitConverter.DoubleToInt64Bits(row.SharpnessFinal));
        Assert.Equal(BitConverter.DoubleToInt64Bits(r.SharpMax), BitConverter.DoubleToInt64Bits(row.SharpnessMax));
        Assert.Equal(BitConverter.DoubleToInt64Bits(r.Ratio), BitConverter.DoubleToInt64Bits(row.Ratio));
        Assert.Equal(r.Steps, row.Steps);
        Assert.Equal(r.DivergedStep, row.DivergedStep);
        Assert.Equal(r.Regime, (int)row.Regime);
    }
}
