using System.Diagnostics;
using EosSweep.Core;
using EosSweep.Core.Grid;
using EosSweep.Core.Resources;
using EosSweep.Core.Results;
using EosSweep.Kernels.Execution;
using EosSweep.Kernels.Models;
using ILGPU;
using ILGPU.Runtime;

namespace EosSweep.Engine;

/// <summary>
/// A sweep ready to run: accelerator opened and kernel compiled, so every failure that is the user's
/// (no such accelerator) happens before any output is touched. <c>RunAsync</c> cuts the grid (or a list of index ranges) into
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
    private readonly SweepLaunch? _launch;
    private readonly ModelDataBuffers _data;
    private readonly Kernels.Simd.ISimdKernel? _simd;

    private SweepSession(SweepSpec spec, Context context, Accelerator accelerator, ITrajectoryKernel kernel, SweepLaunch? launch, ModelDataBuffers data, Kernels.Simd.ISimdKernel? simd)
    {
        _simd = simd;
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
    /// <param name="approve">Called with the run's estimated disk and memory footprint once the accelerator is
    /// open and the batch known, before the kernel compiles or any model data is generated; it may throw
    /// <see cref="SweepInputException"/> to refuse the run.</param>
    /// <param name="rows">Trajectories this run will compute, for the estimate (a shard's or a resume's remainder);
    /// null: the whole grid.</param>
    /// <param name="options">Kernel math and layout (default: the project's math, thread or group per trajectory by model and device).</param>
    /// <exception cref="SweepInputException">The accelerator asked for is not present, LibDevice is asked for and missing, or <paramref name="approve"/> refused.</exception>
    public static SweepSession Open(SweepSpec spec, Action<RunFootprint>? approve = null, long? rows = null, KernelOptions? options = null)
    {
        options ??= KernelOptions.Default;
        var kernel = ModelCatalog.Kernel(spec, options.Math);
        var context = AcceleratorFactory.CreateContext(spec.Threads, options.Math == KernelMath.LibDevice && spec.Accelerator is not (AcceleratorChoice.Cpu or AcceleratorChoice.CpuIlgpu));
        Accelerator? accelerator = null;
        try
        {
            accelerator = AcceleratorFactory.Create(context, spec.Accelerator);
            // On the CPU the SIMD path runs every model that has one, on the grids its lanes serve: bit-identical to the
            // kernel, except sparse-coding's lanes over samples (sums reassociated, within ~1e-14; BitIdentical says
            // which). cpu-ilgpu, traces and libdevice math keep the kernel.
            var model = ModelCatalog.Find(spec.Model);
            var simd = accelerator.AcceleratorType == AcceleratorType.CPU && spec.Accelerator != AcceleratorChoice.CpuIlgpu
                && spec.Trace is null && options.Math == KernelMath.Project
                ? ModelCatalog.Simd(model, spec.Loss, spec.Precision)
                : null;
            simd = simd is not null && simd.Serves(spec) ? simd : null;
            bool grouped = options.Layout == KernelLayout.Group
                || (options.Layout == KernelLayout.Auto && accelerator.AcceleratorType != AcceleratorType.CPU);
            kernel = (grouped ? ModelCatalog.GroupKernel(spec, options.Math) : null) ?? kernel;
            int batch = BatchOf(spec, accelerator, kernel);
            var provider = model as IModelDataProvider;
            approve?.Invoke(RunFootprint.Estimate(
                spec, model, rows ?? spec.Grid.Count, batch, provider?.DataBytes(spec, batch) ?? 0,
                accelerator.AcceleratorType == AcceleratorType.CPU, accelerator.MemorySize));
            var launch = simd is null ? SweepRunner.Load(context, accelerator, kernel) : null;
            var data = provider is not null
                ? provider.Prepare(spec, accelerator, batch)
                : ModelDataBuffers.Empty(accelerator);
            return new SweepSession(spec, context, accelerator, kernel, launch, data, simd);
        }
        catch
        {
            accelerator?.Dispose();
            context.Dispose();
            throw;
        }
    }

    /// <summary>Opens a sweep with explicit kernel math and layout (no footprint check).</summary>
    public static SweepSession Open(SweepSpec spec, KernelOptions options) => Open(spec, approve: null, rows: null, options);

    /// <summary>The accelerator's name.</summary>
    public string AcceleratorName => _simd is null ? _accelerator.Name : $"{_accelerator.Name}, SIMD {_simd.Lanes}";

    /// <summary>Whether the launches run a group of threads per trajectory.</summary>
    public bool Grouped => _kernel.Grouped;

    /// <summary>cpu, cuda or opencl.</summary>
    public string AcceleratorKind => AcceleratorFactory.Kind(_accelerator.AcceleratorType);

    /// <summary>Trajectories per launch.</summary>
    public int Batch { get; }

    /// <summary>The model's shared data on the accelerator (host-readable on the CPU accelerator).</summary>
    public ModelData Data => _data.Views;

    /// <summary>Runs the whole grid, handing each finished batch to <paramref name="consume"/> in index order.</summary>
    public Task<SweepOutcome> RunAsync(
        Func<ResultBatch, CancellationToken, Task> consume,
        IProgress<SweepProgress>? progress = null,
        CancellationToken ct = default) =>
        RunAsync([new IndexRange(0, _spec.Grid.Count)], consume, progress, ct);

    /// <summary>
    /// Runs the trajectories of <paramref name="ranges"/> (a resume's missing parts, a shard's block), range by range,
    /// each cut into batches from its start, handing each finished batch to <paramref name="consume"/> in that order.
    /// A batch never spans two ranges. Results do not depend on the ranges: a trajectory depends only on its index.
    /// </summary>
    public async Task<SweepOutcome> RunAsync(
        IReadOnlyList<IndexRange> ranges,
        Func<ResultBatch, CancellationToken, Task> consume,
        IProgress<SweepProgress>? progress = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        var spec = _spec;
        long total = IndexRange.Total(ranges);
        long done = 0;
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
        int columns = TraceLayout.Columns(p);
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

        IBatchCompute compute = _simd is not null
            ? new SimdBatchCompute(_simd, grid, data, spec.Threads)
            : new IlgpuBatchCompute(_accelerator, _launch!, values, meta, outD, outI, data, traceSlots, traceBuffer, slotHost); // _launch is loaded whenever _simd is null
        var counts = new long[RegimeRules.All.Count];
        long steps = 0;
        var clock = Stopwatch.StartNew();
        var ioWait = TimeSpan.Zero;   // compute loop blocked on the previous batch's write
        long writeTicks = 0;
        Task pending = Task.CompletedTask;
        int k = 0;
        foreach (var (start, count) in Batches(ranges, cap))
        {
            ct.ThrowIfCancellationRequested();
            var args = Args(spec, start, count, cap);
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

            compute.Run(args, batch);
            batch.Start = start;
            batch.Count = args.Count;
            Tally(batch, counts, ref steps);
            long waitFrom = Stopwatch.GetTimestamp();
            await pending.ConfigureAwait(false);
            ioWait += Stopwatch.GetElapsedTime(waitFrom);
            pending = Task.Run(() => Timed(consume, batch, ct), ct);
            done += args.Count;
            k++;
            progress?.Report(new SweepProgress(done, total, clock.Elapsed));
        }

        long lastFrom = Stopwatch.GetTimestamp();
        await pending.ConfigureAwait(false);
        ioWait += Stopwatch.GetElapsedTime(lastFrom);
        return new SweepOutcome(total, steps, clock.Elapsed, AcceleratorName, AcceleratorKind, cap, counts)
        {
            IoWait = ioWait,
            WriteTime = TimeSpan.FromTicks(Interlocked.Read(ref writeTicks)),
        };

        // The consumer's own time; consumers run one at a time, in order.
        async Task Timed(Func<ResultBatch, CancellationToken, Task> write, ResultBatch b, CancellationToken token)
        {
            long from = Stopwatch.GetTimestamp();
            await write(b, token).ConfigureAwait(false);
            Interlocked.Add(ref writeTicks, Stopwatch.GetElapsedTime(from).Ticks);
        }
    }

    /// <summary>The batches of <paramref name="ranges"/>: (start, count) with count ≤ <paramref name="cap"/>, never
    /// spanning two ranges.</summary>
    public static IEnumerable<(long Start, int Count)> Batches(IReadOnlyList<IndexRange> ranges, int cap)
    {
        foreach (var r in ranges)
        {
            for (long start = r.Start; start < r.End; start += cap)
            {
                yield return (start, (int)Math.Min(cap, r.End - start));
            }
        }
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
