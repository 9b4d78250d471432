using EosSweep.Core.Results;
using EosSweep.Kernels.Execution;

namespace EosSweep.Engine;

/// <summary>Computes one batch of trajectories into host rows: an ILGPU kernel launch, or the CPU SIMD path.</summary>
internal interface IBatchCompute
{
    /// <summary>Runs trajectories [args.Start, args.Start + args.Count) into rows 0 .. args.Count − 1 of <paramref name="batch"/> (and its traces).</summary>
    void Run(KernelArgs args, ResultBatch batch);
}
