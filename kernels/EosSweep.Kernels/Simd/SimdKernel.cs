using EosSweep.Core.Results;
using EosSweep.Kernels.Execution;
using EosSweep.Kernels.Models;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Simd;

/// <summary><see cref="SimdDriver{TModel, T, TW}"/> closed over one model struct at <typeparamref name="T"/> lanes.</summary>
/// <typeparam name="TModel">The model struct.</typeparam>
/// <typeparam name="T">The lane number type.</typeparam>
/// <typeparam name="TW">Double lanes of the same width (bookkeeping).</typeparam>
/// <param name="interleave">Step two lane sets per loop iteration (see <see cref="SimdDriver{TModel, T, TW}"/>).</param>
public sealed class SimdKernel<TModel, T, TW>(bool interleave = true) : ISimdKernel
    where TModel : struct, IGdModel<TModel, T>
    where T : struct, ISimdReal<T, TW>
    where TW : struct, ILanes<TW>
{
    /// <inheritdoc/>
    public int Width => T.Width * (interleave ? 2 : 1);

    /// <inheritdoc/>
    public void Run(HostGrid grid, KernelArgs args, ResultBatch batch, int from, int to) =>
        SimdDriver<TModel, T, TW>.Run(grid, args, batch, from, to, interleave);
}
