using System.Runtime.CompilerServices;
using EosSweep.Core.Results;
using EosSweep.Kernels.Execution;
using EosSweep.Kernels.Losses;
using EosSweep.Kernels.Models;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Simd;

/// <summary>
/// The CPU SIMD twin of the sparse-coding kernel: one trajectory per thread, the same model struct and scalar driver,
/// with the per-sample loop in <typeparamref name="TV"/> lanes (<see cref="SimdSamples{TV, TMemory}"/>). Run with the
/// model's shared data (<see cref="ISimdKernel.Run(HostGrid, ModelData, KernelArgs, ResultBatch, int, int)"/>).
/// </summary>
/// <typeparam name="TLoss">The loss.</typeparam>
/// <typeparam name="TV">The f64 lanes the samples run in.</typeparam>
/// <typeparam name="TMemory">Loads, gathers and transposes at that width.</typeparam>
public sealed class SparseCodingSimdKernel<TLoss, TV, TMemory> : ISimdKernel
    where TLoss : struct, ILoss
    where TV : struct, ILanes<TV>
    where TMemory : struct, ILaneMemory<TV>
{
    /// <inheritdoc/>
    /// <remarks>Lanes run samples, not trajectories: a thread holds one trajectory at a time.</remarks>
    public int Width => 1;

    /// <inheritdoc/>
    public string Lanes => $"{TV.Width} sample lanes per trajectory";

    /// <inheritdoc/>
    /// <remarks>The per-sample sums are added in lane order, not sample order: within about 1e-14 of the kernel.</remarks>
    public bool BitIdentical => false;

    /// <inheritdoc/>
    public void Run(HostGrid grid, KernelArgs args, ResultBatch batch, int from, int to) =>
        throw new InvalidOperationException("the sparse-coding SIMD kernel reads the training sets: pass the model data");

    /// <inheritdoc/>
    /// <remarks>
    /// Trajectory <c>args.Start + row</c> runs with its batch row as its scratch row (the per-coordinate layer keeps
    /// its weights there), so parallel chunks never share scratch: the data must hold a row per trajectory of the batch.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(HostGrid grid, ModelData data, KernelArgs args, ResultBatch batch, int from, int to)
    {
        if (data.Scratch.Length > 1 && to > data.ScratchStride)
        {
            throw new InvalidOperationException($"the model data holds scratch for {data.ScratchStride} trajectories, not {to}");
        }

        var source = new HostGridSource(grid);
        var sink = new HostSink(batch);
        for (int row = from; row < to; row++)
        {
            var none = default(TraceSink);
            SweepKernel.Execute<SparseCodingModel<TLoss, R64, SimdSamples<TV, TMemory>>, R64, HostGridSource, HostSink>(row, source, data, args, sink, ref none);
        }
    }
}
