using EosSweep.Core;
using EosSweep.Core.Results;
using EosSweep.Kernels.Execution;
using ILGPU;
using ILGPU.Runtime;

namespace EosSweep.Engine;

/// <summary>One-call form of <see cref="SweepSession"/>, plus the batch and kernel-loading policies.</summary>
public static class SweepRunner
{
    /// <summary>Largest default batch.</summary>
    public const int MaxDefaultBatch = 1 << 22;

    /// <summary>Default batch on the CPU accelerator: launch overhead (≈ 0.1 ms) is negligible, and smaller batches keep progress and overlapped writing smooth.</summary>
    public const int CpuDefaultBatch = 1 << 14;

    /// <summary>Runs <paramref name="spec"/>, handing each finished batch to <paramref name="consume"/> in index order.</summary>
    public static async Task<SweepOutcome> RunAsync(
        SweepSpec spec,
        Func<ResultBatch, CancellationToken, Task> consume,
        IProgress<SweepProgress>? progress = null,
        CancellationToken ct = default)
    {
        using var session = SweepSession.Open(spec);
        return await session.RunAsync(consume, progress, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The default batch. CPU: a 32nd of the grid, between 64 and <see cref="CpuDefaultBatch"/>, so progress shows
    /// even for a few hundred long trajectories; GPUs: as many as fit in an eighth of device memory.
    /// </summary>
    public static int DefaultBatch(Accelerator accelerator, int parameterCount, long total)
    {
        if (accelerator.AcceleratorType == AcceleratorType.CPU)
        {
            return (int)Math.Clamp(total / 32, 64, CpuDefaultBatch);
        }

        long perTrajectory = (ResultLayout.DoubleCount(parameterCount, 4) * sizeof(double)) + (ResultLayout.IntCount * sizeof(int));
        return (int)Math.Clamp(accelerator.MemorySize / 8 / perTrajectory, CpuDefaultBatch, MaxDefaultBatch);
    }

    /// <summary>Loads a kernel; a failed compile poisons ILGPU's context, so the cache is cleared first.</summary>
    public static SweepLaunch Load(
        Context context, Accelerator accelerator, ITrajectoryKernel kernel)
    {
        try
        {
            return kernel.Load(accelerator);
        }
        catch (Exception)
        {
            context.ClearCache(ClearCacheMode.Everything);
            throw;
        }
    }
}
