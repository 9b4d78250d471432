using EosSweep.Core.Results;
using EosSweep.Kernels.Execution;
using EosSweep.Kernels.Models;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Simd;

/// <summary><see cref="SimdDriver"/> closed over one model struct at <see cref="V8"/> lanes.</summary>
/// <typeparam name="TModel">The model struct.</typeparam>
public sealed class SimdKernel<TModel> : ISimdKernel
    where TModel : struct, IGdModel<TModel, V8>
{
    /// <inheritdoc/>
    public void Run(HostGrid grid, KernelArgs args, ResultBatch batch, int from, int to) =>
        SimdDriver.Run<TModel>(grid, args, batch, from, to);
}
