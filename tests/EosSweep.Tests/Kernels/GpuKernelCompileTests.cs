using System.Text.RegularExpressions;
using EosSweep.Core;
using EosSweep.Core.Models;
using EosSweep.Engine;
using EosSweep.Tests.Engine;
using EosSweep.Tests.Numerics;

namespace EosSweep.Tests.Kernels;

/// <summary>
/// The GPU-only kernels compile with ILGPU's own PTX (sm_90) and OpenCL backends without a GPU: the sparse-coding
/// group-per-trajectory kernel (shared-memory reductions and barriers) and the kernels of <c>--gpu-math libdevice</c>.
/// </summary>
public sealed partial class GpuKernelCompileTests
{
    [Theory]
    [InlineData("f64")]
    [InlineData("f32")]
    public void SparseCodingGroupKernel_CompilesToPtxAndOpenCl(string precision)
    {
        var kernel = ModelCatalog.GroupKernel(GroupSpec(precision));
        Assert.NotNull(kernel);
        Assert.True(kernel.Grouped);
        string ptx = OfflineCompiler.CompilePtx(kernel.Method, explicitlyGrouped: true);
        Assert.Contains(".entry", ptx, StringComparison.Ordinal);
        Assert.Matches(Barrier(), ptx);                           // the group reductions meet at barriers
        Assert.Contains(".shared", ptx, StringComparison.Ordinal); // through shared memory
        Assert.DoesNotContain(".local", ptx, StringComparison.Ordinal);
        Assert.Matches(GroupCollective(), OfflineCompiler.CompileOpenCl(kernel.Method, explicitlyGrouped: true));
    }

    [Theory]
    [InlineData("xy", "logistic")]
    [InlineData("mean", "logistic")]
    [InlineData("sparse-coding", "logistic1")]
    public void IntrinsicMathKernels_CompileToPtx(string model, string loss)
    {
        // Without LibDevice, ILGPU's CUDA backend turns the intrinsic double exp/log/tanh into its software routines
        // (calls): this is the PTX a GPU host without the CUDA toolkit would run, and why project math is the default.
        var kernel = ModelCatalog.Kernel(ModelCatalog.Find(model), LossInfo.Parse(loss).Kind, Precision.F64, KernelMath.LibDevice);
        string ptx = OfflineCompiler.CompilePtx(kernel.Method);
        Assert.Contains(".entry", ptx, StringComparison.Ordinal);
        Assert.Matches(Call(), ptx);
    }

    [SkippableFact]
    public void IntrinsicMathKernel_CompilesWithLibDevice_WhereTheCudaToolkitIsInstalled()
    {
        var kernel = ModelCatalog.Kernel(ModelCatalog.Find("xy"), LossKind.Logistic, Precision.F64, KernelMath.LibDevice);
        string? ptx = OfflineCompiler.CompilePtxWithLibDevice(kernel.Method, out string reason);
        Skip.If(ptx is null, reason);
        Assert.Contains("__nv_", ptx, StringComparison.Ordinal);
    }

    [Fact]
    public void LibDeviceMath_ForF32_IsAnInputError()
    {
        var e = Assert.Throws<SweepInputException>(() =>
            ModelCatalog.Kernel(ModelCatalog.Find("xy"), LossKind.Logistic, Precision.F32, KernelMath.LibDevice));
        Assert.Contains("f64", e.Message, StringComparison.Ordinal);
    }

    private static SweepSpec GroupSpec(string precision) => SweepHarness.Spec(new SweepSettings
    {
        Model = "sparse-coding",
        Precision = precision,
        Steps = 10,
        Axes = new Dictionary<string, string> { ["eta"] = "0.001", ["n_test"] = "10" },
    });

    [GeneratedRegex(@"^\s*bar\.sync|^\s*barrier\.sync", RegexOptions.Multiline)]
    private static partial Regex Barrier();

    [GeneratedRegex(@"\bbarrier\s*\(|\bwork_group_(reduce|broadcast)")]
    private static partial Regex GroupCollective();

    [GeneratedRegex(@"^\s*call(\.uni)?\b", RegexOptions.Multiline)]
    private static partial Regex Call();
}
