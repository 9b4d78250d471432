using EosSweep.Core.Results;
using EosSweep.Kernels.Execution;
using EosSweep.Kernels.Simd;

namespace EosSweep.Engine;

/// <summary>A batch on the CPU SIMD path (<see cref="SimdSweep"/>): lanes on every core, rows straight into the host batch. No traces.</summary>
internal sealed class SimdBatchCompute(ISimdKernel kernel, HostGrid grid, Kernels.Models.ModelData data, int? threads) : IBatchCompute
{
    /// <inheritdoc/>
    public void Run(KernelArgs args, ResultBatch batch) => SimdSweep.Run(kernel, grid, data, args, batch, threads);
}
