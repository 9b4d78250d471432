using EosSweep.Core.Results;
using EosSweep.Kernels.Execution;
using EosSweep.Kernels.Simd;

namespace EosSweep.Engine;

/// <summary>Runs a batch on the CPU SIMD path over every core: chunks of trajectories in parallel, each on one thread at the kernel's lanes.</summary>
public static class SimdSweep
{
    /// <summary>Trajectories per parallel chunk.</summary>
    public const int Chunk = 256;

    /// <summary>Runs trajectories [args.Start, args.Start + args.Count) into <paramref name="batch"/>.</summary>
    public static void Run(ISimdKernel kernel, HostGrid grid, KernelArgs args, ResultBatch batch, int? threads = null)
    {
        int chunks = (args.Count + Chunk - 1) / Chunk;
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads ?? Environment.ProcessorCount };
        Parallel.For(0, chunks, options, c => kernel.Run(grid, args, batch, c * Chunk, Math.Min(args.Count, (c + 1) * Chunk)));
        batch.Start = args.Start;
        batch.Count = args.Count;
    }
}
