using EosSweep.Core.Results;
using EosSweep.Kernels.Execution;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Simd;

/// <summary><see cref="SimdStatefulDriver{TModel, T, TW}"/> closed over one stateful model at <typeparamref name="T"/> lanes.</summary>
/// <typeparam name="TModel">The stateful model.</typeparam>
/// <typeparam name="T">The lane number type.</typeparam>
/// <typeparam name="TW">Double lanes of the same width (bookkeeping).</typeparam>
public sealed class SimdStatefulKernel<TModel, T, TW> : ISimdKernel
    where TModel : struct, ISimdStatefulModel<TModel, T, TW>
    where T : struct, ISimdReal<T, TW>
    where TW : struct, ILanes<TW>
{
    /// <inheritdoc/>
    public int Width => T.Width;

    /// <inheritdoc/>
    public bool Serves(Core.SweepSpec spec) => TModel.Serves(spec);

    /// <inheritdoc/>
    public void Run(HostGrid grid, KernelArgs args, ResultBatch batch, int from, int to) =>
        throw new InvalidOperationException($"{typeof(TModel).Name} reads shared data; run it with the model data");

    /// <inheritdoc/>
    public void Run(HostGrid grid, Models.ModelData data, KernelArgs args, ResultBatch batch, int from, int to) =>
        SimdStatefulDriver<TModel, T, TW>.Run(grid, data, args, batch, from, to);
}
