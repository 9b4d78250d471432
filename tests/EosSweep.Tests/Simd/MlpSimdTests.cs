using EosSweep.Core;
using EosSweep.Core.Results;
using EosSweep.Engine;
using EosSweep.Kernels.Execution;
using EosSweep.Kernels.Models;
using EosSweep.Tests.Engine;

namespace EosSweep.Tests.Simd;

/// <summary>
/// The mlp network at SIMD lanes (one trajectory per lane, parameters in a lane-vector buffer) against the ILGPU-compiled
/// kernel executed on ILGPU's CPU accelerator: the same generic source, so every int and double of every row must be
/// equal bit for bit.
/// </summary>
public sealed class MlpSimdTests
{
    public static TheoryData<string, string, bool> Activations()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var activation in new[] { "tanh", "relu", "identity" })
        {
            foreach (var every in new[] { "5", "never" })
            {
                data.Add(activation, every, false);
            }
        }

        data.Add("tanh", "2", true);
        data.Add("tanh", "end", false);
        return data;
    }

    [Theory]
    [MemberData(nameof(Activations))]
    public void MlpLanes_EqualTheKernel_BitForBit(string activation, string every, bool wide)
    {
        // 7 × 5 = 35 trajectories (not a multiple of 4 or 8) across the trainability boundary: lanes diverge at
        // different steps and are refilled while their neighbours run on, so lanes sit at different step counts.
        // The linear (identity) net diverges at smaller step sizes.
        var spec = activation == "identity"
            ? Spec(activation, every, "log:0.1:30:7", "log:0.1:30:5", "0")
            : Spec(activation, every, "log:1:1000:7", "log:3:50:5", "0");
        var rows = AssertLanesEqualKernel(spec, wide);
        var diverged = Enumerable.Range(0, rows.Count)
            .Where(i => rows.Ints[(ResultLayout.RegimeColumn * rows.Capacity) + i] == (int)Regime.Diverged)
            .Select(i => rows.Ints[(ResultLayout.StepsColumn * rows.Capacity) + i]).Distinct().Count();
        Assert.True(diverged >= 3, $"only {diverged} distinct divergence steps");
    }

    [Fact]
    public void MlpLanes_MixedSeeds_EqualTheKernel_BitForBit()
    {
        // Neighbouring lanes train on different data sets and initial weights (each lane reads its own key's block).
        AssertLanesEqualKernel(Spec("tanh", "1", "log:1:1000:5", "log:3:50:3", "1,2,7"), wide: false);
    }

    [Fact]
    public void MlpLanes_F32_EqualTheKernel_BitForBit()
    {
        AssertLanesEqualKernel(SweepHarness.Spec(Settings("tanh", "5", "log:1:1000:7", "log:3:50:5", "0") with { Precision = "f32" }), wide: false);
    }

    [Fact]
    public void FractalTanh_RunsOnTheLanes_OnTheCpu()
    {
        using var session = SweepSession.Open(SweepHarness.Spec(Presets.Get("fractal-tanh", 4) with { Steps = 3 }));
        Assert.Contains("SIMD", session.AcceleratorName, StringComparison.Ordinal);
    }

    [Fact]
    public void MlpWithSeveralWidths_KeepsTheKernel()
    {
        var settings = Settings("tanh", "never", "1,10", "3", "0", m: "3,4");
        using var session = SweepSession.Open(SweepHarness.Spec(settings));
        Assert.DoesNotContain("SIMD", session.AcceleratorName, StringComparison.Ordinal);
    }

    private static SweepSettings Settings(string activation, string every, string eta1, string eta2, string seed, string m = "4") => new()
    {
        Model = "mlp",
        Steps = 60,
        Axes = new Dictionary<string, string>
        {
            ["eta1"] = eta1,
            ["eta2"] = eta2,
            ["offset"] = "0.1",
            ["m"] = m,
            ["d"] = "3",
            ["seed"] = seed,
        },
        Options = new Dictionary<string, string> { ["activation"] = activation, ["sharpness_every"] = every },
    };

    private static SweepSpec Spec(string activation, string every, string eta1, string eta2, string seed) =>
        SweepHarness.Spec(Settings(activation, every, eta1, eta2, seed));

    /// <summary>
    /// Runs the spec as the ILGPU-compiled kernel on ILGPU's CPU accelerator (asserted by its engine name) and on the
    /// lanes; every int and double must be equal bit for bit.
    /// </summary>
    private static ResultBatch AssertLanesEqualKernel(SweepSpec spec, bool wide)
    {
        var info = ModelCatalog.Find(spec.Model);
        var scalar = ModelCatalog.Kernel(info, spec.Loss, spec.Precision);
        var simd = ModelCatalog.Simd(info, spec.Loss, spec.Precision, wide)!;
        Assert.True(simd.Serves(spec) && simd.BitIdentical);
        var grid = new HostGrid(spec.Grid);
        int n = (int)spec.Grid.Count;
        var compiled = SweepHarness.RunEngine(spec with { Accelerator = AcceleratorChoice.CpuIlgpu });
        SweepHarness.AssertIlgpuCpuKernel(compiled, grouped: false);
        var expected = compiled.Batch;
        using var context = AcceleratorFactory.CreateContext();
        using var accelerator = AcceleratorFactory.Create(context, AcceleratorChoice.Cpu);
        using var data = MlpModelInfo.Instance.Prepare(spec, accelerator, n);
        var args = SweepSession.Args(spec, 0, n, n);
        var actual = new ResultBatch(scalar.ParameterCount, n, scalar.ExtraCount);
        SimdSweep.Run(simd, grid, data.Views, args, actual, threads: 2);
        SimdTests.AssertBitIdentical(expected, actual, n, "ILGPU kernel", "simd");
        var regimes = Enumerable.Range(0, n).Select(i => expected.Ints[(ResultLayout.RegimeColumn * n) + i]).Distinct().Count();
        Assert.True(regimes >= 2, "the grid should mix regimes");
        return actual;
    }
}
