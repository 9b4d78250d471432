namespace EosSweep.Engine;

/// <summary>Whose exp/log/tanh the f64 kernels use (<c>--gpu-math</c>).</summary>
public enum KernelMath
{
    /// <summary>The project's own portable math (PMath): the same bits on every backend. The default.</summary>
    Project,

    /// <summary>
    /// The backend's intrinsics (<see cref="Kernels.Numerics.R64Intrinsic"/>): NVIDIA libdevice on CUDA, compiled with
    /// ILGPU's <c>LibDevice()</c> (needs the CUDA toolkit's NVVM and libdevice on the GPU host); .NET's libm on the CPU.
    /// </summary>
    LibDevice,
}
