using System.Diagnostics;
using EosSweep.Core;
using EosSweep.Core.Results;
using EosSweep.Kernels.Execution;
using EosSweep.Kernels.Models;
using ILGPU;
using ILGPU.Runtime;

namespace EosSweep.Engine;

/// <summary>
/// A sweep ready to run: accelerator opened and kernel compiled, so every failure that is the user's
/// (no such accelerator) happens before any output is touched. <see cref="RunAsync"/> cuts the grid into
/// batches of trajectory indices, launches one kernel per batch, and hands finished batches to a
/// consumer (the Parquet writer) while the next batch computes. Two host buffers are reused for the
/// whole run, so memory is flat in the grid size.
/// </summary>
public sealed class SweepSession : IDisposable
{
    private readonly SweepSpec _spec;
    private readonly Context _context;
    private readonly Accelerator _accelerator;
    private readonly ITrajectoryKernel _kernel;
    private readonly SweepLaunch _launch;
    private readonly ModelDataBuffers _data;

    private SweepSession(SweepSpec spec, Context context, Accelerator accelerator, ITrajectoryKernel kernel, SweepLaunch launch, ModelDataBuffers data)
    {
        _spec = spec;
        _context = context;
        _accelerator = accelerator;
        _kernel = kernel;
        _launch = launch;
        _data = data;
        Batch = BatchOf(spec, accelerator, kernel);
    }

    /// <summary>Opens the accelerator of <paramref name="spec"/> and compiles its kernel.</summary>
    /// <param name="spec">The sweep.</param>
    /// <param name="options">Kernel math and layout (default: the project's math, thread or group per trajectory by model and device).</param>
    /// <exception cref="SweepInputException">The accelerator asked for is not present, or LibDevice is asked for and missing.</exception>
    public static SweepSession Open(SweepSpec spec, KernelOptions? options = null)
    {
        options ??= KernelOptions.Default;
        var kernel = ModelCatalog.Kernel(spec, options.Math);
        var context = AcceleratorFactory.CreateContext(spec.Threads, options.Math == KernelMath.LibDevice && spec.Accelerator != AcceleratorChoice.Cpu);
        Accelerator? accelerator = null;
        try
        {
            accelerator = AcceleratorFactory.Create(context, spec.Accelerator);
            bool grouped = options.Layout == KernelLayout.Group
                || (options.Layout == KernelLayout.Auto && accelerator.AcceleratorType != AcceleratorType.CPU);
            kernel = (grouped ? ModelCatalog.GroupKernel(spec, options.Math) : null) ?? kernel;
            var launch = SweepRunner.Load(context, accelerator, kernel);
            int batch = BatchOf(spec, accelerator, kernel);
            var data = ModelCatalog.Find(spec.Model) is IModelDataProvider provider
                ? provider.Prepare(spec, accelerator, batch)
                : ModelDataBuffers.Empty(accelerator);
            return new SweepSession(spec, context, accelerator, kernel, launch, data);
        }
        catch
        {
            accelerator?.Dispose();
            context.Dispose();
            throw;
        }
    }

    /// <summary>The accelerator's name.</summary>
    public string AcceleratorName => _accelerator.Name;

    /// <summary>Whether the launches run a group of threads per trajectory.</summary>
    public bool Grouped => _kernel.Grouped;

    /// <summary>cpu, cuda or opencl.</summary>
    public string AcceleratorKind => AcceleratorFactory.Kind(_accelerator.AcceleratorType);

    /// <summary>Trajectories per launch.</summary>
    public int Batch { get; }

    /// <summary>The model's shared data on the accelerator (host-readable on the CPU accelerator).</summary>
    public ModelData Data => _data.Views;

    /// <summary>Runs the sweep, handing each finished batch to <paramref name="consume"/> in index order.</summary>
    public async Task<SweepOutcome> RunAsync(
        Func<ResultBatch, CancellationToken, Task> consume,
        IProgress<SweepProgress>? progress = null,
        CancellationToken ct = default)
    {
        var spec = _spec;
        long total = spec.Grid.Count;
        int p = _kernel.ParameterCount;
        int extras = _kernel.ExtraCount;
        int cap = Batch;
        var grid = new HostGrid(spec.Grid);
        using var values = _accelerator.Allocate1D(grid.Values);
        using var meta = _accelerator.Allocate1D(grid.Meta);
        using var outD = _accelerator.Allocate1D<double>((long)ResultLayout.DoubleCount(p, extras) * cap);
        using var outI = _accelerator.Allocate1D<int>((long)ResultLayout.IntCount * cap);
        var buffers = new[] { new ResultBatch(p, cap, extras), new ResultBatch(p, cap, extras) };
        var data = _data.Views;

        // Traces: a slot per traced trajectory of a batch; slot indices (−1 = untraced) and row counts travel in one int buffer.
        var trace = spec.Trace;
        int columns = 4 + p;
        int slotsPerBatch = trace is null ? 0 : (int)Math.Min(cap, trace.Count(spec.Grid));
        using var traceSlots = _accelerator.Allocate1D<int>(2L * cap);
        using var traceBuffer = _accelerator.Allocate1D<double>(Math.Max(1, (long)slotsPerBatch * spec.TraceRows * columns));
        var slotHost = new int[2 * cap];
        if (trace is not null)
        {
            foreach (var b in buffers)
            {
                b.Traces = new TraceBatch(slotsPerBatch, spec.TraceRows, columns);
            }
        }

        var counts = new long[RegimeRules.All.Count];
        long steps = 0;
        var clock = Stopwatch.StartNew();
        Task pending = Task.CompletedTask;
        int k = 0;
        for (long start = 0; start < total; start += cap, k++)
        {
            ct.ThrowIfCancellationRequested();
            var args = Args(spec, start, (int)Math.Min(cap, total - start), cap);
            // Buffer k % 2 was last written by batch k − 2, whose consumer finished before batch k − 1's started.
            var batch = buffers[k % 2];
            if (trace is not null && batch.Traces is { } tb)
            {
                Array.Fill(slotHost, -1);
                tb.Slots = 0;
                for (int i = 0; i < args.Count; i++)
                {
                    if (trace.Selects(spec.Grid, start + i))
                    {
                        tb.TrajIds[tb.Slots] = start + i;
                        slotHost[i] = tb.Slots++;
                    }
                }

                traceSlots.CopyFromCPU(slotHost);
            }

            _launch.Launch(args.Count, values.View, meta.View, args, outD.View, outI.View, data.Doubles, data.Ints, data.Scratch, traceSlots.View, traceBuffer.View);
            _accelerator.Synchronize();
            if (batch.Traces is { } traces)
            {
                traceSlots.CopyToCPU(slotHost);
                for (int i = 0; i < args.Count; i++)
                {
                    if (slotHost[i] >= 0)
                    {
                        traces.Counts[slotHost[i]] = slotHost[cap + i];
                    }
                }

                traceBuffer.CopyToCPU(traces.Buffer);
            }

            outD.CopyToCPU(batch.Doubles);
            outI.CopyToCPU(batch.Ints);
            batch.Start = start;
            batch.Count = args.Count;
            Tally(batch, counts, ref steps);
            await pending.ConfigureAwait(false);
            pending = Task.Run(() => consume(batch, ct), ct);
            progress?.Report(new SweepProgress(start + args.Count, total, clock.Elapsed));
        }

        await pending.ConfigureAwait(false);
        return new SweepOutcome(total, steps, clock.Elapsed, AcceleratorName, AcceleratorKind, cap, counts);
    }

    /// <summary>The kernel args for a host or device run of trajectories [start, start + count).</summary>
    public static KernelArgs Args(SweepSpec spec, long start, int count, int capacity) => new()
    {
        Start = start,
        Count = count,
        Capacity = capacity,
        AxisCount = spec.Axes.Count,
        TraceEvery = spec.Trace is null ? 0 : spec.TraceEvery,
        TraceRows = spec.TraceRows,
        SeedAxis = SeedAxis(spec),
        ModelFlags = ModelCatalog.Find(spec.Model).OptionFlags(spec.Options),
        Limits = new RunLimits
        {
            Steps = spec.Steps,
            Tau = spec.Tau ?? 0,
            Tolerance = spec.Tolerance,
            Bound = spec.DivergenceBound,
            EosThreshold = 1 - spec.EosMargin,
        },
    };

    /// <inheritdoc/>
    public void Dispose()
    {
        _data.Dispose();
        _accelerator.Dispose();
        _context.Dispose();
    }

    private static int BatchOf(SweepSpec spec, Accelerator accelerator, ITrajectoryKernel kernel) =>
        (int)Math.Min(spec.Grid.Count, spec.Batch ?? SweepRunner.DefaultBatch(accelerator, kernel.ParameterCount, spec.Grid.Count));

    private static int SeedAxis(SweepSpec spec)
    {
        for (int i = 0; i < spec.Axes.Count; i++)
        {
            if (spec.Axes[i].Name == "seed")
            {
                return i;
            }
        }

        return -1;
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
}
