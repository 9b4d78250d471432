using EosSweep.Core;
using EosSweep.Core.Models;
using EosSweep.Engine;
using EosSweep.Tests.Numerics;

namespace EosSweep.Tests.Kernels;

/// <summary>
/// Every sweep kernel (model × loss × precision) compiles with ILGPU's own PTX (sm_90) and OpenCL backends,
/// with no GPU: code that only the CPU accelerator tolerates is caught here. The PTX must hold no calls
/// and no local-memory stack: our math, not ILGPU's software CORDIC routines.
/// </summary>
public sealed class OfflineCompileTests
{
    public static TheoryData<string, string, string> Kernels()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (model, loss, precision, _) in ModelCatalog.AllKernels())
        {
            data.Add(model.Name, LossInfo.Of(loss).Name, SpecResolver.Name(precision));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void Kernel_CompilesToPtxAndOpenCl(string model, string loss, string precision)
    {
        var kernel = ModelCatalog.Kernel(ModelCatalog.Find(model), LossInfo.Parse(loss).Kind, SpecResolver.ParsePrecision(precision));
        string ptx = OfflineCompiler.CompilePtx(kernel.Method);
        Assert.Contains(".entry", ptx, StringComparison.Ordinal);
        Assert.DoesNotContain("call", ptx.Split('\n').Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)).Select(l => l.Trim().Split(' ')[0]));
        Assert.DoesNotContain(".local", ptx, StringComparison.Ordinal);
        string cl = OfflineCompiler.CompileOpenCl(kernel.Method);
        Assert.Contains("kernel", cl, StringComparison.Ordinal);
    }

    [Fact]
    public void SparseCodingDataKernel_CompilesToPtxAndOpenCl()
    {
        var method = typeof(EosSweep.Kernels.Models.SparseCodingData).GetMethod(nameof(EosSweep.Kernels.Models.SparseCodingData.Generate))!;
        string ptx = OfflineCompiler.CompilePtx(method);
        Assert.Contains(".entry", ptx, StringComparison.Ordinal);
        Assert.DoesNotContain(".local", ptx, StringComparison.Ordinal);
        Assert.Contains("kernel", OfflineCompiler.CompileOpenCl(method), StringComparison.Ordinal);
    }
}
