using System.Reflection;
using EosSweep.Core.Results;
using EosSweep.Kernels.Models;
using EosSweep.Kernels.Numerics;
using ILGPU;
using ILGPU.Runtime;

namespace EosSweep.Kernels.Execution;

/// <summary>
/// <see cref="GroupSweepKernel"/> closed over one model struct (whose sample loop is group-aware) and number type.
/// The host runs go to the one-thread twin of the same model, since group intrinsics exist only in kernels.
/// </summary>
/// <typeparam name="TModel">The model struct, with a group-aware sample loop.</typeparam>
/// <typeparam name="T">The number type.</typeparam>
/// <param name="hostTwin">The same model with the sequential sample loop, for host reference runs.</param>
/// <param name="preferredGroupSize">Threads per trajectory wanted (clamped to the device's group limit at load).</param>
public sealed class GroupTrajectoryKernel<TModel, T>(ITrajectoryKernel hostTwin, int preferredGroupSize) : ITrajectoryKernel
    where TModel : struct, IGdModel<TModel, T>
    where T : struct, IScalar<T>
{
    /// <inheritdoc/>
    public int ParameterCount => TModel.ParameterCount;

    /// <inheritdoc/>
    public int ExtraCount => TModel.ExtraCount;

    /// <inheritdoc/>
    public bool Grouped => true;

    /// <inheritdoc/>
    public MethodInfo Method =>
        typeof(GroupSweepKernel).GetMethod(nameof(GroupSweepKernel.Run))!.MakeGenericMethod(typeof(TModel), typeof(T));

    /// <summary>Threads per trajectory on <paramref name="accelerator"/>: the preferred size within its group limit, in whole warps where it can.</summary>
    public int GroupSize(Accelerator accelerator)
    {
        int size = Math.Clamp(preferredGroupSize, 1, accelerator.MaxNumThreadsPerGroup);
        int warp = accelerator.WarpSize;
        return size >= warp ? size / warp * warp : size;
    }

    /// <inheritdoc/>
    public SweepLaunch Load(Accelerator accelerator)
    {
        var kernel = accelerator.LoadStreamKernel<SweepViews>(GroupSweepKernel.Run<TModel, T>);
        int group = GroupSize(accelerator);
        return new SweepLaunch((count, views) => kernel(new KernelConfig(count.X, group), views));
    }

    /// <inheritdoc/>
    public void RunOnHost(HostGrid grid, ModelData data, KernelArgs args, ResultBatch batch) =>
        hostTwin.RunOnHost(grid, data, args, batch);

    /// <inheritdoc/>
    public void RunOnHostRows(HostGrid grid, ModelData data, KernelArgs args, ResultBatch batch, int firstRow) =>
        hostTwin.RunOnHostRows(grid, data, args, batch, firstRow);
}
