using EosSweep.Core;
using EosSweep.Kernels.Numerics;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using ILGPU.Runtime.OpenCL;

namespace EosSweep.Engine;

/// <summary>
/// Creates the ILGPU context and the accelerator a sweep asks for. Algorithms are always enabled
/// (CUDA needs them for any math intrinsic, docs/backends.md), and so is the fused multiply-add the
/// project's math uses (<see cref="FusedMultiplyAddIntrinsics"/>: ILGPU 1.5.3 cannot compile it for CUDA or OpenCL alone).
/// </summary>
public static class AcceleratorFactory
{
    /// <summary>A context that sees every accelerator, with the CPU device sized for <paramref name="threads"/>.</summary>
    /// <param name="threads">CPU threads (rounded up to even, at least 2); null uses 4 threads per core.</param>
    /// <param name="libDevice">
    /// Also turn on ILGPU's LibDevice (CUDA math intrinsics from NVIDIA's libdevice, compiled by the toolkit's NVVM,
    /// found through CUDA_HOME or the usual install paths).
    /// </param>
    /// <exception cref="SweepInputException">LibDevice was asked for and the CUDA toolkit is not found.</exception>
    public static Context CreateContext(int? threads = null, bool libDevice = false)
    {
        try
        {
            return Context.Create(b =>
            {
                b.CPU(CpuDevice(threads)).Cuda().OpenCL().EnableAlgorithms().EnableFusedMultiplyAdd();
                if (libDevice)
                {
                    b.LibDevice();
                }
            });
        }
        catch (Exception e) when (libDevice && e is not OutOfMemoryException)
        {
            throw new SweepInputException(
                $"--gpu-math libdevice needs the CUDA toolkit's NVVM and libdevice (set CUDA_HOME): {e.Message.ReplaceLineEndings(" ")}");
        }
    }

    /// <summary>The CPU device: 4×1×cores by default (the best measured layout), else 2 threads per multiprocessor.</summary>
    public static CPUDevice CpuDevice(int? threads) => threads is { } t
        ? new CPUDevice(2, 1, Math.Max(1, (t + 1) / 2))
        : new CPUDevice(4, 1, Environment.ProcessorCount);

    /// <summary>The devices a context sees.</summary>
    public static IReadOnlyList<DeviceInfo> List(Context context) =>
        context.Devices.Select((d, i) => new DeviceInfo(
            i, d.Name, Kind(d.AcceleratorType), d.MemorySize, d.WarpSize, d.MaxNumThreadsPerGroup, d.NumMultiprocessors)).ToList();

    /// <summary>Creates the accelerator for a choice.</summary>
    /// <exception cref="SweepInputException">The requested kind is not present.</exception>
    public static Accelerator Create(Context context, AcceleratorChoice choice)
    {
        Device? device = choice switch
        {
            AcceleratorChoice.Cpu or AcceleratorChoice.CpuIlgpu => First(context, AcceleratorType.CPU),
            AcceleratorChoice.Cuda => First(context, AcceleratorType.Cuda),
            AcceleratorChoice.OpenCL => First(context, AcceleratorType.OpenCL),
            _ => First(context, AcceleratorType.Cuda) ?? First(context, AcceleratorType.OpenCL) ?? First(context, AcceleratorType.CPU),
        };
        if (device is null)
        {
            var seen = string.Join(", ", context.Devices.Select(d => $"{Kind(d.AcceleratorType)} '{d.Name}'"));
            throw new SweepInputException($"no {SpecResolver.Name(choice)} accelerator is present; ILGPU sees: {seen}");
        }

        return device is CPUDevice cpu
            ? cpu.CreateCPUAccelerator(context, CPUAcceleratorMode.Parallel)
            : device.CreateAccelerator(context);
    }

    /// <summary>cpu, cuda or opencl.</summary>
    public static string Kind(AcceleratorType type) => type switch
    {
        AcceleratorType.CPU => "cpu",
        AcceleratorType.Cuda => "cuda",
        AcceleratorType.OpenCL => "opencl",
        _ => type.ToString().ToLowerInvariant(),
    };

    private static Device? First(Context context, AcceleratorType type) =>
        context.Devices.FirstOrDefault(d => d.AcceleratorType == type);
}
