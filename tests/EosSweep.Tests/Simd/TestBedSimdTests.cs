using System.Runtime.Intrinsics;
using EosSweep.Core;
using EosSweep.Kernels.Numerics;
using EosSweep.Tests.Engine;

namespace EosSweep.Tests.Simd;

/// <summary>
/// The SIMD twins of the quartic and cosine test beds equal the scalar driver and the ILGPU-compiled kernel on ILGPU's
/// CPU accelerator, bit for bit.
/// </summary>
public sealed class TestBedSimdTests
{
    [Theory]
    [InlineData("quartic", "additive")]
    [InlineData("cosine", "additive")]
    [InlineData("cosine", "multiplicative")]
    public void SimdLanes_EqualTheScalarDriverAndTheIlgpuKernel_BitForBit(string model, string form)
    {
        // 99 trajectories (not a multiple of 8) spanning converged, unconverged and diverged rows.
        var settings = model == "quartic"
            ? new SweepSettings { Model = model, Steps = 3000, Axes = new Dictionary<string, string> { ["eta"] = "lin:0.05:0.65:11", ["x0"] = "lin:0.2:2.4:9", ["y0"] = "0.45" } }
            : new SweepSettings
            {
                Model = model,
                Steps = 3000,
                Options = new Dictionary<string, string> { ["form"] = form },
                Axes = new Dictionary<string, string> { ["eta"] = "lin:0.1:1.6:11", ["x0"] = "lin:-2.5:2.5:9", ["delta"] = "0.2", ["lambda"] = "1.7" },
            };
        SimdTests.AssertSimdEqualsScalar(SweepHarness.Spec(settings), againstIlgpu: true);
    }

    [Fact]
    public void V8SinCos_EqualsR64SinCos_LaneByLane()
    {
        var rng = new Random(9);
        for (int i = 0; i < 2000; i++)
        {
            var x = new double[8];
            for (int l = 0; l < 8; l++)
            {
                x[l] = (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-3, 7));
            }

            PMath.SinCos(new F64x8(Vector512.Create(x)), out var s, out var c);
            for (int l = 0; l < 8; l++)
            {
                PMath.SinCos(new R64(x[l]), out var ss, out var cc);
                Assert.Equal(BitConverter.DoubleToInt64Bits(ss.V), BitConverter.DoubleToInt64Bits(s.V.GetElement(l)));
                Assert.Equal(BitConverter.DoubleToInt64Bits(cc.V), BitConverter.DoubleToInt64Bits(c.V.GetElement(l)));
            }
        }
    }
}
