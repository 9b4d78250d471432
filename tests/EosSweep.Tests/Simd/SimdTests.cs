using System.Runtime.Intrinsics;
using EosSweep.Core;
using EosSweep.Core.Models;
using EosSweep.Core.Results;
using EosSweep.Engine;
using EosSweep.Kernels.Execution;
using EosSweep.Kernels.Numerics;
using EosSweep.Tests.Engine;

namespace EosSweep.Tests.Simd;

/// <summary>The CPU SIMD path (F64x8 lanes) equals the scalar driver bit for bit: same model struct, lane-wise twins of every operation.</summary>
public sealed class SimdTests
{
    public static TheoryData<string, string, string, bool> Workloads()
    {
        var data = new TheoryData<string, string, string, bool>();
        foreach (var model in new[] { "xy", "mean" })
        {
            foreach (var loss in new[] { "logistic", "sqrt", "logcosh", "square" })
            {
                foreach (var precision in new[] { "f64", "f32" })
                {
                    // Both lane widths (Vector256 and Vector512; the one the machine lacks runs in software, same bits).
                    data.Add(model, loss, precision, false);
                    data.Add(model, loss, precision, true);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Workloads))]
    public void SimdLanes_EqualTheScalarDriver_BitForBit(string model, string loss, string precision, bool wide)
    {
        // 11 × 9 = 99 trajectories (not a multiple of any lane width), spanning gf, eos, unconverged and, for the
        // square loss, divergence at different steps in neighbouring lanes.
        var axes = model == "xy"
            ? new Dictionary<string, string> { ["eta"] = "log:0.02:0.9:11", ["y0"] = "lin:0.5:14:9", ["x0"] = "-0.2" }
            : new Dictionary<string, string> { ["eta"] = "log:1e-4:0.03:11", ["a_plus0"] = "lin:-0.3:0.3:9" };
        AssertSimdEqualsScalar(SweepHarness.Spec(new SweepSettings { Model = model, Loss = loss, Precision = precision, Steps = 1500, Axes = axes }), wide);
    }

    [Fact]
    public void SimdLanes_DivergeAtDifferentSteps_EqualTheScalarDriver()
    {
        // The square loss diverges above y0² = 2/η, sooner the further above: lanes of one vector leave at many steps.
        var spec = SweepHarness.Spec(new SweepSettings
        {
            Model = "xy",
            Loss = "square",
            Steps = 400,
            Axes = new Dictionary<string, string> { ["eta"] = "lin:0.1:0.9:23", ["y0"] = "lin:3:9:7", ["x0"] = "0.05" },
        });
        var rows = AssertSimdEqualsScalar(spec, wide: false);
        var divergedSteps = Enumerable.Range(0, rows.Count)
            .Where(i => rows.Ints[(ResultLayout.RegimeColumn * rows.Capacity) + i] == (int)Regime.Diverged)
            .Select(i => rows.Ints[(ResultLayout.StepsColumn * rows.Capacity) + i]).Distinct().Count();
        Assert.True(divergedSteps >= 5, $"only {divergedSteps} distinct divergence steps");
    }

    [Theory]
    [InlineData("f64")]
    [InlineData("f32")]
    public void SimdSweep_IsTheSameAcrossBatchesAndThreads(string precision)
    {
        var spec = SweepHarness.Spec(new SweepSettings
        {
            Model = "xy",
            Precision = precision,
            Steps = 800,
            Axes = new Dictionary<string, string> { ["eta"] = "log:0.02:0.9:29", ["y0"] = "lin:0.5:14:23" },
        });
        var info = ModelCatalog.Find(spec.Model);
        var simd = ModelCatalog.Simd(info, spec.Loss, spec.Precision)!;
        var grid = new HostGrid(spec.Grid);
        int n = (int)spec.Grid.Count;
        var whole = new ResultBatch(2, n);
        SimdSweep.Run(simd, grid, SweepSession.Args(spec, 0, n, n), whole, threads: 2);

        foreach (var (batchSize, threads) in new[] { (n, 1), (97, 2), (5, 1), (300, 2) })
        {
            var rows = SweepHarness.Rows(whole).ToList();
            for (long start = 0; start < n; start += batchSize)
            {
                int count = (int)Math.Min(batchSize, n - start);
                var part = new ResultBatch(2, batchSize);
                SimdSweep.Run(simd, grid, SweepSession.Args(spec, start, count, batchSize), part, threads);
                foreach (var r in SweepHarness.Rows(part))
                {
                    var w = rows[(int)r.Index];
                    Assert.Equal(w with { Parameters = [], Extras = [] }, r with { Parameters = [], Extras = [] });
                    Assert.Equal(w.Parameters, r.Parameters);
                }
            }
        }
    }

    [Fact]
    public void SimdLanes_EqualTheScalarDriver_WithTau()
    {
        AssertSimdEqualsScalar(SweepHarness.Spec(new SweepSettings
        {
            Model = "xy",
            Tau = 60,
            Axes = new Dictionary<string, string> { ["eta"] = "log:0.05:0.9:13", ["y0"] = "lin:1:8:5" },
        }));
    }

    [Fact]
    public void V8Math_EqualsR64Math_LaneByLane()
    {
        var rng = new Random(5);
        for (int i = 0; i < 2000; i++)
        {
            var x = new double[8];
            for (int l = 0; l < 8; l++)
            {
                x[l] = (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-3, 4));
            }

            var v = new F64x8(Vector512.Create(x));
            var outs = new[] { PMath.Exp(v), PMath.Log(F64x8.Abs(v)), PMath.Log1p(F64x8.Abs(v)), PMath.Tanh(v), PMath.NormalCdf(v), PMath.Erfc(v), PMath.ExpNeg(F64x8.Abs(v), out var m, out var iv), m, iv };
            for (int l = 0; l < 8; l++)
            {
                var s = new R64(x[l]);
                var scalar = new[] { PMath.Exp(s), PMath.Log(R64.Abs(s)), PMath.Log1p(R64.Abs(s)), PMath.Tanh(s), PMath.NormalCdf(s), PMath.Erfc(s), PMath.ExpNeg(R64.Abs(s), out var ms, out var ivs), ms, ivs };
                for (int f = 0; f < outs.Length; f++)
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(scalar[f].V), BitConverter.DoubleToInt64Bits(outs[f].V.GetElement(l)));
                }
            }
        }
    }

    /// <summary>
    /// Runs the spec on the scalar driver (the kernel's C# on the host) and on SIMD lanes, and with
    /// <paramref name="againstIlgpu"/> also as the ILGPU-compiled kernel on ILGPU's CPU accelerator (asserted by its
    /// engine name); every int and double must be equal bit for bit, over a grid that mixes regimes.
    /// </summary>
    internal static ResultBatch AssertSimdEqualsScalar(SweepSpec spec, bool? wide = null, bool againstIlgpu = false)
    {
        var info = ModelCatalog.Find(spec.Model);
        var scalar = ModelCatalog.Kernel(info, spec.Loss, spec.Precision);
        var simd = ModelCatalog.Simd(info, spec.Loss, spec.Precision, wide)!;
        var grid = new HostGrid(spec.Grid);
        int n = (int)spec.Grid.Count;
        var args = SweepSession.Args(spec, 0, n, n);
        var expected = new ResultBatch(scalar.ParameterCount, n);
        scalar.RunOnHost(grid, default, args, expected);
        var actual = new ResultBatch(scalar.ParameterCount, n);
        SimdSweep.Run(simd, grid, args, actual);
        Assert.Equal(expected.Ints, actual.Ints);
        for (int i = 0; i < expected.Doubles.Length; i++)
        {
            Assert.True(BitConverter.DoubleToInt64Bits(expected.Doubles[i]) == BitConverter.DoubleToInt64Bits(actual.Doubles[i]),
                $"double {i} (column {i / n}, row {i % n}): scalar {expected.Doubles[i]:R}, simd {actual.Doubles[i]:R}");
        }

        var regimes = Enumerable.Range(0, n).Select(i => expected.Ints[(ResultLayout.RegimeColumn * n) + i]).Distinct().Count();
        Assert.True(regimes >= 2, "the grid should mix regimes");
        if (againstIlgpu)
        {
            var compiled = SweepHarness.RunEngine(spec with { Accelerator = AcceleratorChoice.CpuIlgpu });
            SweepHarness.AssertIlgpuCpuKernel(compiled, grouped: false);
            AssertBitIdentical(compiled.Batch, actual, n, "ILGPU kernel", "simd");
        }

        return actual;
    }

    /// <summary>Every int and every double of two batches of <paramref name="n"/> rows (capacity n) equal bit for bit.</summary>
    internal static void AssertBitIdentical(ResultBatch expected, ResultBatch actual, int n, string expectedName, string actualName)
    {
        Assert.Equal(n, expected.Capacity);
        Assert.Equal(n, actual.Capacity);
        Assert.Equal(expected.Doubles.Length, actual.Doubles.Length);
        Assert.Equal(expected.Ints, actual.Ints);
        for (int i = 0; i < expected.Doubles.Length; i++)
        {
            Assert.True(BitConverter.DoubleToInt64Bits(expected.Doubles[i]) == BitConverter.DoubleToInt64Bits(actual.Doubles[i]),
                $"double {i} (column {i / n}, row {i % n}): {expectedName} {expected.Doubles[i]:R}, {actualName} {actual.Doubles[i]:R}");
        }
    }
}
