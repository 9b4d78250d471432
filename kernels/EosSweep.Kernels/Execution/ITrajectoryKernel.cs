using System.Reflection;
using EosSweep.Core.Results;
using EosSweep.Kernels.Models;
using ILGPU.Runtime;

namespace EosSweep.Kernels.Execution;

/// <summary>A sweep kernel closed over one model struct and number type, ready to load or to run on the host.</summary>
public interface ITrajectoryKernel
{
    /// <summary>Trained parameters per trajectory.</summary>
    int ParameterCount { get; }

    /// <summary>Model-specific extra result columns.</summary>
    int ExtraCount { get; }

    /// <summary>Whether the kernel runs a group of threads per trajectory (explicitly grouped) rather than one thread.</summary>
    bool Grouped => false;

    /// <summary>The closed kernel method (for offline PTX/OpenCL compiles).</summary>
    MethodInfo Method { get; }

    /// <summary>Compiles and loads the kernel on an accelerator.</summary>
    SweepLaunch Load(Accelerator accelerator);

    /// <summary>
    /// Runs trajectories [batch.Start, batch.Start + count) on the calling thread with the same driver
    /// and model code: the scalar C# reference and benchmark baseline.
    /// </summary>
    void RunOnHost(HostGrid grid, ModelData data, KernelArgs args, ResultBatch batch);

    /// <summary>Like <see cref="RunOnHost"/>, writing trajectory args.Start + i to row <paramref name="firstRow"/> + i (for parallel chunks).</summary>
    void RunOnHostRows(HostGrid grid, ModelData data, KernelArgs args, ResultBatch batch, int firstRow);
}
