using EosSweep.Benchmarks;
using EosSweep.Core;
using EosSweep.Core.Results;
using EosSweep.Engine;
using EosSweep.Kernels.Execution;
using EosSweep.Tests.Engine;

namespace EosSweep.Tests.SparseCoding;

/// <summary>
/// The group-per-trajectory kernel (GPU layout, executed here by ILGPU on its CPU accelerator, <c>cpu-ilgpu</c>: under
/// <c>cpu</c> the SIMD lanes would run instead, whatever the layout) and the CPU SIMD sample loop against the one-thread
/// scalar kernel. Both add the same per-sample terms in another order (a tree per group; eight lane
/// sums), so sums differ by a few ulps; GD carries that forward for 100 steps. Tolerance 1e-9 relative (the check's
/// f64 contract): measured ≤ 1e-12 on these sweeps, so it fails loudly on any real difference in the math while
/// allowing reassociation. Regimes and step counts must be identical.
/// </summary>
public sealed class SampleLoopTests
{
    private const double Tolerance = 1e-9;

    /// <summary>The paper's size (n·d = 60,000, well above the group threshold); n = 300 is not a multiple of 8, so the SIMD tail runs.</summary>
    private static SweepSpec Spec(string step = "fast", string layer = "shared", int n = 300, int steps = 100) => SweepHarness.Spec(new SweepSettings
    {
        Model = "sparse-coding",
        Steps = steps,
        Axes = new Dictionary<string, string> { ["eta"] = "log:1e-4:0.012:5", ["seed"] = "0,1", ["n"] = $"{n}", ["n_test"] = "200" },
        Options = new Dictionary<string, string> { ["step"] = step, ["second_layer"] = layer },
    });

    [Theory]
    [InlineData("fast")]
    [InlineData("direct")]
    public void GroupKernel_OnCpuAccelerator_MatchesScalarReference(string step)
    {
        var spec = Spec(step, steps: step == "fast" ? 100 : 30);
        var expected = RunOnIlgpu(spec, KernelLayout.Thread);
        var actual = RunOnIlgpu(spec, KernelLayout.Group);
        AssertClose(expected, actual);
    }

    [Fact]
    public void GroupKernel_RunTwice_IsBitIdentical()
    {
        var spec = Spec(steps: 40);
        var a = RunOnIlgpu(spec, KernelLayout.Group);
        var b = RunOnIlgpu(spec, KernelLayout.Group);
        Assert.Equal(a.Doubles, b.Doubles);
        Assert.Equal(a.Ints, b.Ints);
    }

    [Theory]
    [InlineData("per-coordinate", 300)]
    [InlineData("shared", 10)]
    public void GroupLayout_FallsBackToThreads_WhereGroupsDoNotFit(string layer, int n)
    {
        // Per-coordinate weights are updated in scratch from every sample (a group would race); n·d = 2,000 is small.
        var spec = SweepHarness.Spec(new SweepSettings
        {
            Model = "sparse-coding",
            Steps = 2,
            Axes = new Dictionary<string, string> { ["eta"] = "0.001", ["n"] = $"{n}", ["n_test"] = "10" },
            Options = new Dictionary<string, string> { ["second_layer"] = layer },
        });
        using var session = SweepSession.Open(spec with { Accelerator = AcceleratorChoice.CpuIlgpu }, new KernelOptions(Layout: KernelLayout.Group));
        Assert.False(session.Grouped);
        Assert.DoesNotContain("SIMD", session.AcceleratorName, StringComparison.Ordinal);
    }

    /// <summary>
    /// Both lane widths (F64x8 computed in software where Vector512 is not in hardware). n = 300 spans two chunks of 256 and
    /// leaves 4 samples to the scalar tail at width 8, none at 4; 301 leaves 1 and 5; 5 and 13 are shorter than a
    /// chunk's first groups (all tail at width 8 for 5).
    /// </summary>
    [Theory]
    [InlineData("fast", 300, false)]
    [InlineData("fast", 300, true)]
    [InlineData("direct", 300, false)]
    [InlineData("direct", 300, true)]
    [InlineData("fast", 301, false)]
    [InlineData("direct", 301, true)]
    [InlineData("fast", 5, false)]
    [InlineData("fast", 5, true)]
    [InlineData("direct", 13, false)]
    public void SimdSampleLoop_MatchesScalarReference(string step, int n, bool wide)
    {
        var spec = Spec(step, n: n, steps: step == "fast" ? 100 : 30);
        var info = ModelCatalog.Find(spec.Model);
        var scalar = ModelCatalog.Kernel(spec);
        var simd = ModelCatalog.Simd(info, spec.Loss, spec.Precision, wide);
        Assert.NotNull(simd);
        Assert.Equal($"{(wide ? 8 : 4)} sample lanes per trajectory", simd.Lanes);
        using var session = SweepSession.Open(spec);
        var grid = new HostGrid(spec.Grid);
        int count = (int)spec.Grid.Count;
        var args = SweepSession.Args(spec, 0, count, count);
        var expected = new ResultBatch(scalar.ParameterCount, count, scalar.ExtraCount);
        scalar.RunOnHost(grid, session.Data, args, expected);
        var actual = new ResultBatch(scalar.ParameterCount, count, scalar.ExtraCount);
        SimdSweep.Run(simd, grid, session.Data, args, actual);
        AssertClose(expected, actual);
    }

    [Fact]
    public void SimdSampleLoop_PerCoordinate_IsBitIdentical()
    {
        // The per-coordinate layer keeps its own scalar loops on the SIMD path.
        var spec = Spec(layer: "per-coordinate", n: 40, steps: 5);
        var scalar = ModelCatalog.Kernel(spec);
        var simd = ModelCatalog.Simd(ModelCatalog.Find(spec.Model), spec.Loss, spec.Precision)!;
        using var session = SweepSession.Open(spec);
        var grid = new HostGrid(spec.Grid);
        int count = (int)spec.Grid.Count;
        var args = SweepSession.Args(spec, 0, count, count);
        var expected = new ResultBatch(scalar.ParameterCount, count, scalar.ExtraCount);
        scalar.RunOnHost(grid, session.Data, args, expected);
        var actual = new ResultBatch(scalar.ParameterCount, count, scalar.ExtraCount);
        SimdSweep.Run(simd, grid, session.Data, args, actual);
        Assert.Equal(expected.Doubles, actual.Doubles);
        Assert.Equal(expected.Ints, actual.Ints);
    }

    /// <summary>Runs the ILGPU-compiled kernel of <paramref name="layout"/> on ILGPU's CPU accelerator, asserting that it did.</summary>
    private static ResultBatch RunOnIlgpu(SweepSpec spec, KernelLayout layout)
    {
        var run = SweepHarness.RunEngine(spec with { Accelerator = AcceleratorChoice.CpuIlgpu }, new KernelOptions(Layout: layout));
        SweepHarness.AssertIlgpuCpuKernel(run, grouped: layout == KernelLayout.Group);
        return run.Batch;
    }

    private static void AssertClose(ResultBatch expected, ResultBatch actual)
    {
        int n = expected.Count, cap = expected.Capacity;
        var regimes = new HashSet<int>();
        for (int i = 0; i < n; i++)
        {
            for (int c = 0; c < ResultLayout.IntCount; c++)
            {
                Assert.Equal(expected.Ints[(c * cap) + i], actual.Ints[(c * actual.Capacity) + i]);
            }

            regimes.Add(expected.Ints[(ResultLayout.RegimeColumn * cap) + i]);
            for (int c = 0; c < ResultLayout.DoubleCount(expected.ParameterCount, expected.ExtraCount); c++)
            {
                double e = expected.Doubles[(c * cap) + i], a = actual.Doubles[(c * actual.Capacity) + i];
                double rel = BackendCheck.Relative(e, a);
                Assert.True(rel <= Tolerance, $"row {i}, column {c}: scalar {e:R}, other {a:R} (relative {rel:G3})");
            }
        }
    }
}
