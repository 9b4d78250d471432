using System.Reflection;
using System.Runtime.CompilerServices;
using EosSweep.Core.Results;
using EosSweep.Kernels.Models;
using EosSweep.Kernels.Numerics;
using ILGPU;
using ILGPU.Runtime;

namespace EosSweep.Kernels.Execution;

/// <summary><see cref="SweepKernel"/> closed over one model struct and number type.</summary>
/// <typeparam name="TModel">The model struct.</typeparam>
/// <typeparam name="T">The number type.</typeparam>
public sealed class TrajectoryKernel<TModel, T> : ITrajectoryKernel
    where TModel : struct, IGdModel<TModel, T>
    where T : struct, IScalar<T>
{
    /// <inheritdoc/>
    public int ParameterCount => TModel.ParameterCount;

    /// <inheritdoc/>
    public int ExtraCount => TModel.ExtraCount;

    /// <inheritdoc/>
    public MethodInfo Method =>
        typeof(SweepKernel).GetMethod(nameof(SweepKernel.Run))!.MakeGenericMethod(typeof(TModel), typeof(T));

    /// <inheritdoc/>
    public SweepLaunch Load(Accelerator accelerator) =>
        new(accelerator.LoadAutoGroupedStreamKernel<Index1D, SweepViews>(SweepKernel.Run<TModel, T>));

    /// <inheritdoc/>
    public void RunOnHost(HostGrid grid, ModelData data, KernelArgs args, ResultBatch batch)
    {
        RunOnHostRows(grid, data, args, batch, 0);
        batch.Start = args.Start;
        batch.Count = args.Count;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void RunOnHostRows(HostGrid grid, ModelData data, KernelArgs args, ResultBatch batch, int firstRow)
    {
        var source = new HostGridSource(grid);
        var sink = new HostSink(batch, firstRow);
        for (int i = 0; i < args.Count; i++)
        {
            var none = default(TraceSink);
            SweepKernel.Execute<TModel, T, HostGridSource, HostSink>(i, source, data, args, sink, ref none);
        }
    }
}
