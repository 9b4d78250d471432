using System.Runtime.Intrinsics;
using EosSweep.Core;
using EosSweep.Core.Models;
using EosSweep.Core.Results;
using EosSweep.Engine;
using EosSweep.Kernels.Execution;
using EosSweep.Kernels.Numerics;
using EosSweep.Tests.Engine;

namespace EosSweep.Tests.Simd;

/// <summary>The CPU SIMD path (V8 lanes) equals the scalar driver bit for bit: same model struct, lane-wise twins of every operation.</summary>
public sealed class SimdTests
{
    public static TheoryData<string, string> Workloads => new()
    {
        { "xy", "logistic" }, { "xy", "sqrt" }, { "xy", "logcosh" }, { "xy", "square" },
        { "mean", "logistic" }, { "mean", "sqrt" }, { "mean", "logcosh" }, { "mean", "square" },
    };

    [Theory]
    [MemberData(nameof(Workloads))]
    public void SimdLanes_EqualTheScalarDriver_BitForBit(string model, string loss)
    {
        // 11 × 9 = 99 trajectories (not a multiple of 8), spanning gf, eos, unconverged and, for the square loss, divergence.
        var axes = model == "xy"
            ? new Dictionary<string, string> { ["eta"] = "log:0.02:0.9:11", ["y0"] = "lin:0.5:14:9", ["x0"] = "-0.2" }
            : new Dictionary<string, string> { ["eta"] = "log:1e-4:0.03:11", ["a_plus0"] = "lin:-0.3:0.3:9" };
        AssertSimdEqualsScalar(SweepHarness.Spec(new SweepSettings { Model = model, Loss = loss, Steps = 1500, Axes = axes }));
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

            var v = new V8(Vector512.Create(x));
            var outs = new[] { PMath.Exp(v), PMath.Log(V8.Abs(v)), PMath.Log1p(V8.Abs(v)), PMath.Tanh(v), PMath.NormalCdf(v), PMath.Erfc(v) };
            for (int l = 0; l < 8; l++)
            {
                var s = new R64(x[l]);
                var scalar = new[] { PMath.Exp(s), PMath.Log(R64.Abs(s)), PMath.Log1p(R64.Abs(s)), PMath.Tanh(s), PMath.NormalCdf(s), PMath.Erfc(s) };
                for (int f = 0; f < outs.Length; f++)
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(scalar[f].V), BitConverter.DoubleToInt64Bits(outs[f].V.GetElement(l)));
                }
            }
        }
    }

    private static void AssertSimdEqualsScalar(SweepSpec spec)
    {
        var info = ModelCatalog.Find(spec.Model);
        var scalar = ModelCatalog.Kernel(info, spec.Loss, spec.Precision);
        var simd = ModelCatalog.Simd(info, spec.Loss, spec.Precision)!;
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
    }
}
