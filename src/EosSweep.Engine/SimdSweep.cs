using EosSweep.Core.Results;
using EosSweep.Kernels.Execution;
using EosSweep.Kernels.Simd;

namespace EosSweep.Engine;

/// <summary>Runs a batch on the CPU SIMD path over every core: chunks of trajectories in parallel, each on one thread at the kernel's lanes.</summary>
public static class SimdSweep
{
    /// <summary>Most trajectories per parallel chunk.</summary>
    public const int Chunk = 256;

    /// <summary>Runs trajectories [args.Start, args.Start + args.Count) of a model that reads no shared data into <paramref name="batch"/>.</summary>
    public static void Run(ISimdKernel kernel, HostGrid grid, KernelArgs args, ResultBatch batch, int? threads = null) =>
        Run(kernel, grid, default, args, batch, threads);

    /// <summary>
    /// Trajectories per chunk: at most <see cref="Chunk"/>, but small batches are cut finer (down to two vectors of lanes)
    /// so that every worker gets about four chunks; a trajectory's result does not depend on its chunk.
    /// </summary>
    public static int ChunkOf(int count, int workers, int lanes) =>
        Math.Clamp(count / (4 * Math.Max(1, workers)), 2 * lanes, Chunk);

    /// <summary>
    /// Runs trajectories [args.Start, args.Start + args.Count) into <paramref name="batch"/>, handing the model's shared
    /// data (the sparse-coding training sets) to kernels that read it.
    /// </summary>
    public static void Run(ISimdKernel kernel, HostGrid grid, Kernels.Models.ModelData data, KernelArgs args, ResultBatch batch, int? threads = null)
    {
        int workers = threads ?? Environment.ProcessorCount;
        int chunk = ChunkOf(args.Count, workers, kernel.Width);
        int chunks = (args.Count + chunk - 1) / chunk;
        var options = new ParallelOptions { MaxDegreeOfParallelism = workers };
        Parallel.For(0, chunks, options, c => kernel.Run(grid, data, args, batch, c * chunk, Math.Min(args.Count, (c + 1) * chunk)));
        batch.Start = args.Start;
        batch.Count = args.Count;
    }
}
