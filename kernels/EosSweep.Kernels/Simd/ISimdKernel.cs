using EosSweep.Core.Results;
using EosSweep.Kernels.Execution;

namespace EosSweep.Kernels.Simd;

/// <summary>A model closed over a loss at SIMD lanes: the CPU SIMD twin of a sweep kernel.</summary>
public interface ISimdKernel
{
    /// <summary>Trajectories in flight per thread (lanes × interleaved lane sets); a chunk of rows should be a few times this.</summary>
    int Width => 8;

    /// <summary>What the lanes hold, for reports: "8 lanes per thread" unless the kernel vectorises something else.</summary>
    string Lanes => $"{Width} lanes per thread";

    /// <summary>
    /// Whether every row equals the scalar kernel's bit for bit (lanes over trajectories, the same operations in the
    /// same order); false for a kernel that reassociates sums (sparse-coding's lanes over samples: within about 1e-14
    /// relative). Runs take the SIMD path either way; tests hold each kernel to its promise.
    /// </summary>
    bool BitIdentical => true;

    /// <summary>Whether the lanes can run <paramref name="spec"/> (for example one (m, d, n) per lane set); else the run keeps the kernel.</summary>
    bool Serves(Core.SweepSpec spec) => true;

    /// <summary>Runs rows [from, to) of the batch (trajectories args.Start + row) on the calling thread.</summary>
    void Run(HostGrid grid, KernelArgs args, ResultBatch batch, int from, int to);

    /// <summary>
    /// Like <see cref="Run(HostGrid, KernelArgs, ResultBatch, int, int)"/>, for models that read shared data (the
    /// sparse-coding training sets); models without data ignore it.
    /// </summary>
    void Run(HostGrid grid, Models.ModelData data, KernelArgs args, ResultBatch batch, int from, int to) => Run(grid, args, batch, from, to);
}
