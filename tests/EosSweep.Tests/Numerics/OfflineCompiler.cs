using System.Reflection;
using EosSweep.Kernels.Numerics;
using ILGPU;
using ILGPU.Backends;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.OpenCL;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;
using ILGPU.Runtime.OpenCL;

namespace EosSweep.Tests.Numerics;

/// <summary>
/// Compiles an implicitly grouped kernel (first parameter <see cref="Index1D"/>) with ILGPU's PTX and
/// OpenCL code generators, without a GPU (docs/backends.md, "Offline compiles"), and returns the generated text. Contexts
/// are built as the engine builds them: ILGPU.Algorithms and the project's fused multiply-add intrinsics.
/// A generic kernel must be passed closed (<see cref="MethodInfo.MakeGenericMethod"/>).
/// </summary>
/// <remarks>
/// Every call uses a fresh <see cref="Context"/>: a failed compile poisons a context's caches, and one
/// test's failure must not turn the following compiles into unrelated errors.
/// </remarks>
internal static class OfflineCompiler
{
    /// <summary>PTX for CUDA (SM_90 architecture, PTX ISA 8.0), with ILGPU.Algorithms enabled.</summary>
    /// <param name="kernel">The closed kernel method.</param>
    /// <param name="explicitlyGrouped">The kernel takes no index parameter and reads Grid/Group (launched with a KernelConfig).</param>
    public static string CompilePtx(MethodInfo kernel, bool explicitlyGrouped = false)
    {
        using var context = Context.Create(b => b.Default().EnableAlgorithms().EnableFusedMultiplyAdd());
        // nvvmAPI is optional (documented "Optional NVVM API instance") but not annotated nullable; null
        // keeps LibDevice off, which is how the sweep runs on a GPU host without a CUDA toolkit.
        using var backend = new PTXBackend(context, CudaArchitecture.SM_90, CudaInstructionSet.ISA_80, nvvmAPI: null!);
        return Ptx(backend, kernel, explicitlyGrouped);
    }

    /// <summary>
    /// PTX with ILGPU's LibDevice on (math intrinsics from NVIDIA's libdevice, linked by the CUDA toolkit's NVVM), or
    /// null with the reason when no toolkit is found on this machine.
    /// </summary>
    public static string? CompilePtxWithLibDevice(MethodInfo kernel, out string reason)
    {
        Context context;
        try
        {
            context = Context.Create(b => b.Default().EnableAlgorithms().EnableFusedMultiplyAdd().LibDevice());
        }
        catch (Exception e)
        {
            reason = $"no CUDA toolkit (NVVM and libdevice) found: {e.Message}";
            return null;
        }

        using (context)
        {
            using var nvvm = NvvmAPI.Create(context.Properties.LibNvvmPath!, context.Properties.LibDevicePath!);
            using var backend = new PTXBackend(context, CudaArchitecture.SM_90, CudaInstructionSet.ISA_80, nvvm);
            reason = string.Empty;
            return Ptx(backend, kernel, explicitlyGrouped: false);
        }
    }

    private static string Ptx(PTXBackend backend, MethodInfo kernel, bool explicitlyGrouped)
    {
        var entry = explicitlyGrouped
            ? EntryPointDescription.FromExplicitlyGroupedKernel(kernel)
            : EntryPointDescription.FromImplicitlyGroupedKernel(kernel);
        var compiled = backend.Compile(entry, default(KernelSpecialization));
        return ((PTXCompiledKernel)compiled).PTXAssembly;
    }

    /// <summary>OpenCL C 2.0 source for an NVIDIA device with every optional capability, with ILGPU.Algorithms enabled.</summary>
    public static string CompileOpenCl(MethodInfo kernel, bool explicitlyGrouped = false)
    {
        using var context = Context.Create(b => b.Default().EnableAlgorithms().EnableFusedMultiplyAdd());
        var capabilities = new CLCapabilityContext(true, true, true, true, true);
        using var backend = new CLBackend(context, capabilities, CLDeviceVendor.Nvidia, CLCVersion.CL20);
        var entry = explicitlyGrouped
            ? EntryPointDescription.FromExplicitlyGroupedKernel(kernel)
            : EntryPointDescription.FromImplicitlyGroupedKernel(kernel);
        var compiled = backend.Compile(entry, default(KernelSpecialization));
        return ((CLCompiledKernel)compiled).Source;
    }
}
