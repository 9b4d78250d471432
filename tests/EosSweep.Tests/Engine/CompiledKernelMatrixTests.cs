using EosSweep.Benchmarks;
using EosSweep.Core;
using EosSweep.Core.Models;
using EosSweep.Core.Results;
using EosSweep.Engine;
using EosSweep.Kernels.Execution;
using EosSweep.Kernels.Simd;
using Xunit.Abstractions;

namespace EosSweep.Tests.Engine;

/// <summary>
/// Every compiled kernel of every built-in model — each loss, f64 and f32, one thread per trajectory and (where the
/// model has one) a group per trajectory — executed by ILGPU on its CPU accelerator (<c>cpu-ilgpu</c>) and compared
/// with the CPU SIMD lanes (<c>cpu</c>) and with the kernel's own C# run on the host (RunOnHost, not compiled by
/// ILGPU). Each side asserts the engine that ran it (the session's accelerator name and layout), so neither side can
/// silently take the other's path. The cases come from the catalog, so a new built-in model fails here until it is
/// given a grid and an entry in the engine table.
/// <para>
/// Bit for bit wherever the lanes promise it (<see cref="ISimdKernel.BitIdentical"/>) and always between the
/// thread-layout kernel and its host run (the same operations in the same order). Sparse-coding's lanes over samples
/// and the group kernel's tree reduction add the per-sample terms in another order: there steps and regimes must be
/// identical and every double within <see cref="ReassociatedF64"/> (f64) or <see cref="ReassociatedF32"/> (f32)
/// relative. uv has no lanes: its kernel is compared with its host run only, as are sparse-coding's f32 kernels
/// (the sample lanes are f64). The kernels against independent plain loops are in Kernels/KernelReferenceTests.cs.
/// </para>
/// </summary>
public sealed class CompiledKernelMatrixTests(ITestOutputHelper output)
{
    /// <summary>
    /// Reassociated f64 sums (lanes of 4 or 8 samples, a tree over a group): an ulp or so per sum (1e-16), which GD at
    /// the edge of stability does not damp. Measured ≤ 1.4e-13 over 30 steps on this grid; 1e-11 leaves room for another
    /// lane width or group size, while any real difference in the math (a wrong term, a missed sample) is far larger.
    /// </summary>
    private const double ReassociatedF64 = 1e-11;

    /// <summary>
    /// The same for f32 sums (the group kernel against the sequential loop): the same amplification (~1e3 over 30 steps)
    /// of an f32 ulp (6e-8) gives the measured 1.4e-4; 1e-3 is <c>eos-sweep check</c>'s f32 default.
    /// </summary>
    private const double ReassociatedF32 = 1e-3;

    /// <summary>The built-in models this matrix knows, in catalog order.</summary>
    private static readonly string[] Models = ["xy", "mean", "sparse-coding", "quartic", "cosine", "uv", "mlp"];

    /// <summary>(model, precision) pairs whose grid here runs on the SIMD lanes under <c>cpu</c>; every other pair keeps the kernel.</summary>
    private static readonly HashSet<string> WithLanes =
    [
        "xy/f64", "xy/f32", "mean/f64", "mean/f32", "sparse-coding/f64", "quartic/f64", "quartic/f32",
        "cosine/f64", "cosine/f32", "mlp/f64", "mlp/f32",
    ];

    /// <summary>Models with a group-per-trajectory kernel for their grid here.</summary>
    private static readonly HashSet<string> WithGroupKernel = ["sparse-coding"];

    public static TheoryData<string, string, string, string> Kernels()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var model in ModelCatalog.BuiltIn)
        {
            foreach (var loss in model.Losses)
            {
                foreach (var precision in new[] { "f64", "f32" })
                {
                    data.Add(model.Name, LossInfo.Of(loss).Name, precision, "thread");
                    if (ModelCatalog.GroupKernel(Spec(model.Name, LossInfo.Of(loss).Name, precision)) is not null)
                    {
                        data.Add(model.Name, LossInfo.Of(loss).Name, precision, "group");
                    }
                }
            }
        }

        return data;
    }

    [Fact]
    public void BuiltInModels_AreTheOnesTheMatrixCovers()
    {
        Assert.Equal(Models, ModelCatalog.BuiltIn.Select(m => m.Name));
        // Every compiled kernel is a case: one per (model, loss, precision) in the thread layout, plus the group ones.
        int kernels = ModelCatalog.BuiltIn.Sum(m => m.Losses.Count) * 2;
        Assert.Equal(kernels + (2 * WithGroupKernel.Count), Kernels().Count());
    }

    [Fact]
    public void EngineTable_LanesAndGroupKernels_AreTheOnesThisMatrixExpects()
    {
        foreach (var model in ModelCatalog.BuiltIn)
        {
            foreach (var precision in new[] { "f64", "f32" })
            {
                var spec = Spec(model.Name, null, precision);
                var lanes = ModelCatalog.Simd(model, spec.Loss, spec.Precision);
                Assert.True(WithLanes.Contains($"{model.Name}/{precision}") == (lanes is not null && lanes.Serves(spec)), $"{model.Name}/{precision}: lanes");
                Assert.True(WithGroupKernel.Contains(model.Name) == (ModelCatalog.GroupKernel(spec) is not null), $"{model.Name}/{precision}: group kernel");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void IlgpuKernelOnCpuAccelerator_EqualsTheLanesAndTheHostRun(string model, string loss, string precision, string layout)
    {
        bool grouped = layout == "group";
        var spec = Spec(model, loss, precision);
        int n = (int)spec.Grid.Count;
        spec = spec with { Batch = n };
        var kernel = ModelCatalog.Kernel(spec);
        var host = new ResultBatch(kernel.ParameterCount, n, kernel.ExtraCount) { Count = n };

        // (a) The ILGPU-compiled kernel on ILGPU's CPU accelerator; the host run reads the same model data.
        SweepHarness.EngineRun compiled;
        using (var session = SweepSession.Open(spec with { Accelerator = AcceleratorChoice.CpuIlgpu }, new KernelOptions(Layout: grouped ? KernelLayout.Group : KernelLayout.Thread)))
        {
            compiled = SweepHarness.RunEngine(session, spec, data => kernel.RunOnHost(new HostGrid(spec.Grid), data, SweepSession.Args(spec, 0, n, n), host));
        }

        SweepHarness.AssertIlgpuCpuKernel(compiled, grouped);
        var regimes = Enumerable.Range(0, n).Select(i => (Regime)compiled.Batch.Ints[(ResultLayout.RegimeColumn * n) + i]).Distinct().Order().ToList();
        output.WriteLine($"regimes: {string.Join(", ", regimes)}");
        Assert.True(regimes.Count >= 2, $"the grid should mix regimes; it has {string.Join(", ", regimes)}");

        // The thread kernel runs the host run's operations in the same order; the group kernel reassociates its sums.
        AssertRows(host, compiled.Batch, grouped ? Reassociated(spec) : 0, "host run", "ILGPU kernel");

        // (b) The SIMD lanes, where this model has them at this precision.
        var lanes = ModelCatalog.Simd(ModelCatalog.Find(model), spec.Loss, spec.Precision);
        if (!WithLanes.Contains($"{model}/{precision}"))
        {
            Assert.True(lanes is null || !lanes.Serves(spec), $"{model}/{precision} has lanes now: add it to the engine table");
            return;
        }

        Assert.NotNull(lanes);
        var simd = SweepHarness.RunEngine(spec with { Accelerator = AcceleratorChoice.Cpu });
        SweepHarness.AssertSimdLanes(simd, lanes);
        AssertRows(compiled.Batch, simd.Batch, grouped || !lanes.BitIdentical ? Reassociated(spec) : 0, "ILGPU kernel", "SIMD lanes");
    }

    /// <summary>A small grid through the model's regimes, short enough to keep the whole matrix in seconds.</summary>
    private static SweepSpec Spec(string model, string? loss, string precision)
    {
        var settings = model switch
        {
            // The paper's size (n·d = 60,000, above the group threshold; n = 300 leaves a SIMD tail), η from slow to unstable.
            "sparse-coding" => new SweepSettings
            {
                Model = model,
                Steps = 30,
                Precision = precision,
                Axes = new Dictionary<string, string> { ["eta"] = "log:1e-3:3:7", ["seed"] = "0,1", ["n"] = "300", ["n_test"] = "100" },
            },
            // Across the trainability boundary (ModelWorkloads' mlp grid stays inside it): lanes diverge at different steps.
            "mlp" => new SweepSettings
            {
                Model = model,
                Steps = 60,
                Precision = precision,
                Axes = new Dictionary<string, string> { ["eta1"] = "log:1:1000:7", ["eta2"] = "log:3:50:5", ["offset"] = "0.1", ["m"] = "4", ["d"] = "3" },
                Options = new Dictionary<string, string> { ["activation"] = "tanh", ["sharpness_every"] = "5" },
            },
            _ => ModelWorkloads.Grid(model, 12, 400, precision),
        };
        return SweepHarness.Spec(settings with { Loss = loss ?? settings.Loss });
    }

    private static double Reassociated(SweepSpec spec) => spec.Precision == Precision.F64 ? ReassociatedF64 : ReassociatedF32;

    /// <summary>
    /// Every int equal; every double equal bit for bit when <paramref name="tolerance"/> is 0, else within it relative
    /// (NaN equals NaN). Logs the largest relative difference.
    /// </summary>
    private void AssertRows(ResultBatch expected, ResultBatch actual, double tolerance, string expectedName, string actualName)
    {
        int n = expected.Count;
        Assert.Equal(n, actual.Count);
        for (int c = 0; c < ResultLayout.IntCount; c++)
        {
            for (int i = 0; i < n; i++)
            {
                int e = expected.Ints[(c * expected.Capacity) + i], a = actual.Ints[(c * actual.Capacity) + i];
                Assert.True(e == a, $"row {i}, int column {c}: {expectedName} {e}, {actualName} {a}");
            }
        }

        double worst = 0;
        for (int c = 0; c < ResultLayout.DoubleCount(expected.ParameterCount, expected.ExtraCount); c++)
        {
            for (int i = 0; i < n; i++)
            {
                double e = expected.Doubles[(c * expected.Capacity) + i], a = actual.Doubles[(c * actual.Capacity) + i];
                if (tolerance == 0)
                {
                    Assert.True(BitConverter.DoubleToInt64Bits(e) == BitConverter.DoubleToInt64Bits(a), $"row {i}, column {c}: {expectedName} {e:R}, {actualName} {a:R}");
                    continue;
                }

                double rel = BackendCheck.Relative(e, a);
                worst = Math.Max(worst, rel);
                Assert.True(rel <= tolerance, $"row {i}, column {c}: {expectedName} {e:R}, {actualName} {a:R} (relative {rel:G3} > {tolerance:G3})");
            }
        }

        output.WriteLine($"{actualName} against {expectedName}: {(tolerance == 0 ? "bit for bit" : $"max relative {worst:G3}")}");
    }
}
