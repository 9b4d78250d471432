using System.Reflection;
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
/// OpenCL code generators, without a GPU (shared/notes/ilgpu.md §4), and returns the generated text.
/// A generic kernel must be passed closed (<see cref="MethodInfo.MakeGenericMethod"/>).
/// </summary>
/// <remarks>
/// Every call uses a fresh <see cref="Context"/>: a failed compile poisons a context's caches, and one
/// test's failure must not turn the following compiles into unrelated errors.
/// </remarks>
internal static class OfflineCompiler
{
    /// <summary>PTX for CUDA (SM_90 architecture, PTX ISA 8.0), with ILGPU.Algorithms enabled.</summary>
    public static string CompilePtx(MethodInfo kernel)
    {
        using var context = Context.Create(b => b.Default().EnableAlgorithms());
        // nvvmAPI is optional (documented "Optional NVVM API instance") but not annotated nullable; null
        // keeps LibDevice off, which is how the sweep runs on a GPU host without a CUDA toolkit.
        using var backend = new PTXBackend(context, CudaArchitecture.SM_90, CudaInstructionSet.ISA_80, nvvmAPI: null!);
        var compiled = backend.Compile(EntryPointDescription.FromImplicitlyGroupedKernel(kernel), default(KernelSpecialization));
        return ((PTXCompiledKernel)compiled).PTXAssembly;
    }

    /// <summary>OpenCL C 2.0 source for an NVIDIA device with every optional capability, with ILGPU.Algorithms enabled.</summary>
    public static string CompileOpenCl(MethodInfo kernel)
    {
        using var context = Context.Create(b => b.Default().EnableAlgorithms());
        var capabilities = new CLCapabilityContext(true, true, true, true, true);
        using var backend = new CLBackend(context, capabilities, CLDeviceVendor.Nvidia, CLCVersion.CL20);
        var compiled = backend.Compile(EntryPointDescription.FromImplicitlyGroupedKernel(kernel), default(KernelSpecialization));
        return ((CLCompiledKernel)compiled).Source;
    }
}
