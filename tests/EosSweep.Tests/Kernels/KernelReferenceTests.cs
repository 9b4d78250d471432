using EosSweep.Core;
using EosSweep.Core.Models;
using EosSweep.Kernels.Models;
using EosSweep.Tests.Engine;

namespace EosSweep.Tests.Kernels;

/// <summary>
/// The ILGPU-compiled kernel, executed on ILGPU's CPU accelerator (<c>cpu-ilgpu</c>, asserted: under <c>cpu</c> the models
/// with SIMD lanes would run those instead), equals plain float64 loops of the same operations, bit for bit.
/// </summary>
public sealed class KernelReferenceTests
{
    public static TheoryData<string> Losses => new() { "logistic", "sqrt", "logcosh", "square" };

    [Theory]
    [MemberData(nameof(Losses))]
    public void XyKernel_EqualsPlainLoop_BitForBit(string loss)
    {
        // η × y0 spans gf, eos and (for the square loss) divergence; x0 of both signs.
        var spec = IlgpuSpec(new SweepSettings
        {
            Model = "xy",
            Loss = loss,
            Steps = 3000,
            Axes = new Dictionary<string, string> { ["eta"] = "log:0.02:0.8:7", ["x0"] = "-0.3,0.1", ["y0"] = "lin:0.5:14:9" },
        });
        var rows = RunOnIlgpu(spec, 7 * 2 * 9);
        var kind = LossInfo.Parse(loss).Kind;
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
        var spec = IlgpuSpec(new SweepSettings
        {
            Model = "mean",
            Loss = loss,
            Steps = 3000,
            Axes = new Dictionary<string, string> { ["eta"] = "log:1e-4:0.02:6", ["a_plus0"] = "0.05,0.3", ["b0"] = "0,-0.5", ["d"] = "50,200" },
        });
        var rows = RunOnIlgpu(spec, 6 * 2 * 2 * 2);
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

    [Fact]
    public void QuarticKernel_EqualsPlainLoop_BitForBit()
    {
        // η spans gf, the edge and η > ½ (no stable minimiser); starts inside and outside xy = ±1.
        var spec = IlgpuSpec(new SweepSettings
        {
            Model = "quartic",
            Steps = 4000,
            Axes = new Dictionary<string, string> { ["eta"] = "lin:0.05:0.7:8", ["x0"] = "-0.4,0.5,1.5,2.2", ["y0"] = "0.3,1.1" },
        });
        var rows = RunOnIlgpu(spec, 8 * 4 * 2);
        foreach (var row in rows)
        {
            double eta = spec.Grid.Value(row.Index, 0), x0 = spec.Grid.Value(row.Index, 1), y0 = spec.Grid.Value(row.Index, 2);
            var r = PlainReference.Run(eta, [x0, y0], th =>
            {
                double x = th[0], y = th[1];
                var o = PlainReference.QuarticStep(eta, ref x, ref y);
                th[0] = x;
                th[1] = y;
                return o;
            }, spec.Steps, spec.Tolerance, spec.DivergenceBound, 1 - spec.EosMargin);
            AssertSame(r, row);
        }

        Assert.Contains(rows, r => r.Regime == Regime.Gf);
        Assert.Contains(rows, r => r.Regime == Regime.Eos);
        Assert.Contains(rows, r => r.Regime is Regime.Diverged or Regime.Unconverged);
    }

    [Theory]
    [InlineData("additive")]
    [InlineData("multiplicative")]
    public void CosineKernel_EqualsPlainLoop_BitForBit(string form)
    {
        var spec = IlgpuSpec(new SweepSettings
        {
            Model = "cosine",
            Steps = 3000,
            Options = new Dictionary<string, string> { ["form"] = form },
            Axes = new Dictionary<string, string>
            {
                ["eta"] = "lin:0.1:1.4:8",
                ["delta"] = "0,0.05,0.3",
                ["lambda"] = "0.7,2",
                ["x0"] = "-1.3,0.4,2.5",
            },
        });
        var rows = RunOnIlgpu(spec, 8 * 3 * 2 * 3);
        bool multiplicative = form == "multiplicative";
        foreach (var row in rows)
        {
            double eta = spec.Grid.Value(row.Index, 0), delta = spec.Grid.Value(row.Index, 1);
            double k = 2 * Math.PI / spec.Grid.Value(row.Index, 2), x0 = spec.Grid.Value(row.Index, 3);
            var r = PlainReference.Run(eta, [x0], th =>
            {
                double x = th[0];
                var o = PlainReference.CosineStep(eta, delta, k, multiplicative, ref x);
                th[0] = x;
                return o;
            }, spec.Steps, spec.Tolerance, spec.DivergenceBound, 1 - spec.EosMargin);
            AssertSame(r, row);
        }

        Assert.Contains(rows, r => r.Regime == Regime.Gf);
        Assert.Contains(rows, r => r.Regime == Regime.Diverged);
    }

    [Fact]
    public void UvKernel_EqualsPlainLoop_BitForBit()
    {
        // η·λ₀ from ≈ 0.5 to ≈ 6 (λ₀ ≈ 2σ²): lazy, catapult and divergent; two widths, targets and seeds.
        var spec = IlgpuSpec(new SweepSettings
        {
            Model = "uv",
            Steps = 3000,
            Axes = new Dictionary<string, string>
            {
                ["eta"] = "lin:0.25:3:8",
                ["m"] = "7,400",
                ["y"] = "0,1.5",
                ["init_scale"] = "1",
                ["seed"] = "0,5",
            },
        });
        var rows = RunOnIlgpu(spec, 8 * 2 * 2 * 2);
        foreach (var row in rows)
        {
            double eta = spec.Grid.Value(row.Index, 0), m = spec.Grid.Value(row.Index, 1), y = spec.Grid.Value(row.Index, 2);
            double scale = spec.Grid.Value(row.Index, 3), seed = spec.Grid.Value(row.Index, 4);
            var (u, v) = UvInitialization.Vectors((int)m, scale, (ulong)seed);
            double a0 = 0, b0 = 0, c0 = 0;
            for (int i = 0; i < u.Length; i++)
            {
                a0 += u[i] * u[i];
                b0 += v[i] * v[i];
                c0 += u[i] * v[i];
            }

            double s = 1.0 / Math.Sqrt(m), invM = 1.0 / m;
            double e0 = (s * c0) - y;
            double loss0 = 0.5 * (e0 * e0);

            // The running maximum covers the losses at the start of the steps taken, not the final evaluation.
            var peaks = new List<double>();
            var r = PlainReference.Run(eta, [a0, b0, c0], th =>
            {
                double a = th[0], b = th[1], c = th[2];
                double peak = peaks.Count == 0 ? loss0 : peaks[^1];
                var o = PlainReference.UvStep(eta, s, invM, y, ref a, ref b, ref c, ref peak);
                th[0] = a;
                th[1] = b;
                th[2] = c;
                peaks.Add(peak);
                return o;
            }, spec.Steps, spec.Tolerance, spec.DivergenceBound, 1 - spec.EosMargin);
            double maxLoss = peaks[r.Steps - 1];
            AssertSame(r, row);
            double lambda0 = (a0 + b0) / m;
            Assert.Equal(BitConverter.DoubleToInt64Bits(lambda0), BitConverter.DoubleToInt64Bits(row.Extras[0]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(eta * lambda0), BitConverter.DoubleToInt64Bits(row.Extras[1]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(loss0), BitConverter.DoubleToInt64Bits(row.Extras[2]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(maxLoss / loss0), BitConverter.DoubleToInt64Bits(row.Extras[3]));
        }

        Assert.Contains(rows, r => r.Regime == Regime.Gf);
        Assert.Contains(rows, r => r.Regime == Regime.Eos);
        Assert.Contains(rows, r => r.Regime == Regime.Diverged);
    }

    /// <summary>The spec of <paramref name="settings"/> on ILGPU's CPU accelerator.</summary>
    private static SweepSpec IlgpuSpec(SweepSettings settings) => SweepHarness.Spec(settings with { Accelerator = "cpu-ilgpu" });

    /// <summary>
    /// Runs <paramref name="spec"/>, asserting that the compiled kernel (not the SIMD lanes) ran and that the grid's
    /// <paramref name="trajectories"/> rows came back, so no comparison loop can run over nothing.
    /// </summary>
    private static List<SweepHarness.Row> RunOnIlgpu(SweepSpec spec, int trajectories)
    {
        Assert.Equal(AcceleratorChoice.CpuIlgpu, spec.Accelerator);
        var rows = SweepHarness.Run(spec, out string accelerator);
        Assert.DoesNotContain("SIMD", accelerator, StringComparison.Ordinal);
        Assert.Equal(trajectories, spec.Grid.Count);
        Assert.Equal(trajectories, rows.Count);
        return rows;
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
