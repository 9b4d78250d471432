namespace EosSweep.Core;

/// <summary>Which ILGPU accelerator a sweep asks for.</summary>
public enum AcceleratorChoice
{
    /// <summary>A GPU when one is present (CUDA first, then OpenCL), else the CPU.</summary>
    Auto,

    /// <summary>The CPU: the SIMD path for models that have one (and no --trace), else ILGPU's CPU accelerator.</summary>
    Cpu,

    /// <summary>An NVIDIA GPU through ILGPU's CUDA backend.</summary>
    Cuda,

    /// <summary>An OpenCL device.</summary>
    OpenCL,

    /// <summary>ILGPU's CPU accelerator for every model (one scalar thread per trajectory; the reference engine).</summary>
    CpuIlgpu,
}
