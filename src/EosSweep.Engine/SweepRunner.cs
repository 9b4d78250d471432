using System.Diagnostics;
using EosSweep.Core;
using EosSweep.Core.Results;
using EosSweep.Kernels.Execution;
using ILGPU;
using ILGPU.Runtime;

namespace EosSweep.Engine;

/// <summary>
/// Runs a sweep on an accelerator: the grid is cut into batches of trajectory indices, each batch is one
/// kernel launch, and finished batches are handed to a consumer (the Parquet writer) while the next
/// batch computes. Two host buffers are reused for the whole run, so memory is flat in the grid size.
/// </summary>
public static class SweepRunner
{
    /// <summary>Largest default batch.</summary>
    public const int MaxDefaultBatch = 1 << 22;

    /// <summary>Default batch on the CPU accelerator (launch overhead ≈ 0.1 ms is negligible there).</summary>
    public const int CpuDefaultBatch = 1 << 16;

    /// <summary>Runs <paramref name="spec"/>, handing each finished batch to <paramref name="consume"/> in index order.</summary>
    public static async Task<SweepOutcome> RunAsync(
        SweepSpec spec,
        Func<ResultBatch, CancellationToken, Task> consume,
        IProgress<SweepProgress>? progress = null,
        CancellationToken ct = default)
    {
        var kernelInfo = ModelCatalog.Kernel(spec);
        var model = ModelCatalog.Find(spec.Model);
        using var context = AcceleratorFactory.CreateContext(spec.Threads);
        using var accelerator = AcceleratorFactory.Create(context, spec.Accelerator);
        var kernel = Load(context, accelerator, kernelInfo);

        long total = spec.Grid.Count;
        int p = kernelInfo.ParameterCount;
        int cap = (int)Math.Min(total, spec.Batch ?? DefaultBatch(accelerator, p));
        var grid = new HostGrid(spec.Grid);
        using var values = accelerator.Allocate1D(grid.Values);
        using var meta = accelerator.Allocate1D(grid.Meta);
        using var outD = accelerator.Allocate1D<double>((long)ResultLayout.DoubleCount(p) * cap);
        using var outI = accelerator.Allocate1D<int>((long)ResultLayout.IntCount * cap);
        var buffers = new[] { new ResultBatch(p, cap), new ResultBatch(p, cap) };
        int seedAxis = IndexOf(model.Axes.Select(a => a.Name).ToList(), "seed");

        var counts = new long[RegimeRules.All.Count];
        long steps = 0;
        var clock = Stopwatch.StartNew();
        Task pending = Task.CompletedTask;
        int k = 0;
        for (long start = 0; start < total; start += cap, k++)
        {
            ct.ThrowIfCancellationRequested();
            var args = new KernelArgs
            {
                Start = start,
                Count = (int)Math.Min(cap, total - start),
                Capacity = cap,
                AxisCount = grid.AxisCount,
                SeedAxis = seedAxis,
                Limits = new RunLimits { Steps = spec.Steps, Tolerance = spec.Tolerance, Bound = spec.DivergenceBound, EosThreshold = 1 - spec.EosMargin },
            };
            kernel(args.Count, values.View, meta.View, args, outD.View, outI.View);
            accelerator.Synchronize();

            var batch = buffers[k % 2];
            await pending.ConfigureAwait(false);
            outD.CopyToCPU(batch.Doubles);
            outI.CopyToCPU(batch.Ints);
            batch.Start = start;
            batch.Count = args.Count;
            Tally(batch, counts, ref steps);
            pending = Task.Run(() => consume(batch, ct), ct);
            progress?.Report(new SweepProgress(start + args.Count, total, clock.Elapsed));
        }

        await pending.ConfigureAwait(false);
        return new SweepOutcome(
            total, steps, clock.Elapsed, accelerator.Name, AcceleratorFactory.Kind(accelerator.AcceleratorType), cap, counts);
    }

    /// <summary>The default batch: CPU a fixed size; GPUs as many as fit in an eighth of device memory.</summary>
    public static int DefaultBatch(Accelerator accelerator, int parameterCount)
    {
        if (accelerator.AcceleratorType == AcceleratorType.CPU)
        {
            return CpuDefaultBatch;
        }

        long perTrajectory = (ResultLayout.DoubleCount(parameterCount) * sizeof(double)) + (ResultLayout.IntCount * sizeof(int));
        return (int)Math.Clamp(accelerator.MemorySize / 8 / perTrajectory, CpuDefaultBatch, MaxDefaultBatch);
    }

    /// <summary>Loads a kernel; a failed compile poisons ILGPU's context, so the cache is cleared first.</summary>
    public static Action<Index1D, ArrayView<double>, ArrayView<long>, KernelArgs, ArrayView<double>, ArrayView<int>> Load(
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

    private static void Tally(ResultBatch batch, long[] counts, ref long steps)
    {
        var ints = batch.Ints;
        int cap = batch.Capacity;
        for (int i = 0; i < batch.Count; i++)
        {
            steps += ints[(ResultLayout.StepsColumn * cap) + i];
            counts[ints[(ResultLayout.RegimeColumn * cap) + i]]++;
        }
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}
