using System.Globalization;
using EosSweep.Core.Models;
using EosSweep.Core.Results;

namespace EosSweep.Core.Resources;

/// <summary>
/// What a run will take, estimated before any work: bytes on disk for its data set and traces, and the peak
/// memory of the host and of the accelerator. <see cref="Estimate"/> is a pure function of the spec, the
/// batch and the model's shared data, so it can be printed, tested and compared with the machine's limits
/// (<see cref="Refusal"/>) before an output file is touched.
/// </summary>
/// <param name="Trajectories">Rows the run writes.</param>
/// <param name="OutputBytes">Data-set bytes on disk (part files plus sweep.json, manifest and footers).</param>
/// <param name="TraceBytes">Trace bytes on disk at most (every traced trajectory running its whole budget).</param>
/// <param name="HostBytes">Peak host memory (on the CPU accelerator this includes the device buffers).</param>
/// <param name="DeviceBytes">Peak accelerator memory: result, grid, trace and model-data buffers.</param>
/// <param name="DeviceIsHost">The accelerator is the CPU: its buffers live in host memory.</param>
/// <param name="DeviceMemoryBytes">The accelerator's memory (ILGPU's MemorySize), for the device check.</param>
public sealed record RunFootprint(
    long Trajectories, double OutputBytes, double TraceBytes, double HostBytes, double DeviceBytes, bool DeviceIsHost, long DeviceMemoryBytes)
{
    /// <summary>
    /// On-disk bytes per row for each measured double column (final parameters, the five measures, model extras).
    /// Calibration (Parquet.Net 6.1.0, zstd at its fastest level, one row group per batch; DuckDB's
    /// <c>parquet_metadata</c> of part files written by <c>eos-sweep run</c>): these columns hold the end state of a
    /// chaotic iteration and barely compress: 7.3–7.95 B/row each for xy with the square loss (65,536 rows,
    /// 2,000 steps) and for sparse-coding (64,000 rows), 1.8–7.7 B/row for logistic xy and mean runs of 200 steps (whole part files: 38–65 B/row against 61–78 B/row
    /// estimated, so the estimate runs up to 1.6× high on converging sweeps).
    /// 8 B (no compression) is the honest upper figure.
    /// </summary>
    public const double BytesPerMeasureColumn = 8;

    /// <summary>
    /// On-disk bytes per row for every other column (traj_id, axes, steps, diverged, diverged_step, regime,
    /// model, loss): dictionary- and run-length-encoded grid values and small integers, measured 0.02–0.97 B/row
    /// each in the same data sets (the largest: a fast-varying seed axis of 1,000 values).
    /// </summary>
    public const double BytesPerOtherColumn = 0.5;

    /// <summary>sweep.json, _manifest.json and the part files' footers (schema and spec, a few KiB each): a fixed
    /// allowance (a 1,600-row quickstart data set is 134 KB on disk; the estimate says 170 KiB).</summary>
    public const double FixedOutputBytes = 64 << 10;

    /// <summary>
    /// On-disk bytes of each column chunk of a row group (one row group per batch), beyond its values: page
    /// headers, dictionary pages and statistics, and its entry in the file footer. Calibration: a 4,096-row xy
    /// data set written in 32 row groups of 128 rows held 51.8 KB of non-double column chunks (≈ 150 B per chunk
    /// beyond 0.5 B/row) and a 45 KB footer (≈ 80 B per chunk); 256 B covers both.
    /// </summary>
    public const double BytesPerColumnChunk = 256;

    /// <summary>
    /// Host memory of the process before any sweep buffer: the .NET runtime, ILGPU, Parquet.Net and the CLI.
    /// Measured as the peak RSS of <c>eos-sweep run --model xy --eta 0.1 --steps 10</c>: 98 MB.
    /// </summary>
    public const double BaselineHostBytes = 96 << 20;

    /// <summary>
    /// Writer memory per batch row, as a multiple of the row's uncompressed size: its column buffers, Parquet.Net's
    /// encoded page and the compressed copy. Calibrated on xy: peak RSS grows by 564 B per row of --batch (batch
    /// 1,024 → 262,144: 111 → 255 MB); with this factor the estimate gives 699 B per row (result buffers 3 × 68 B,
    /// writer 3 × 165 B), about 25 % above the measurement.
    /// </summary>
    public const double WriterCopiesPerRow = 3;

    /// <summary>Estimates a run of <paramref name="rows"/> trajectories of <paramref name="spec"/>.</summary>
    /// <param name="spec">The resolved sweep.</param>
    /// <param name="model">Its model (columns and parameters).</param>
    /// <param name="rows">Trajectories this run computes (the grid, or a shard of it).</param>
    /// <param name="batch">Trajectories per launch (the rows of every batch buffer).</param>
    /// <param name="modelDataBytes">Bytes of the model's shared data and per-trajectory scratch on the accelerator.</param>
    /// <param name="deviceIsHost">The accelerator is the CPU, whose buffers are host memory.</param>
    /// <param name="deviceMemoryBytes">The accelerator's memory, kept for <see cref="Refusal"/>.</param>
    public static RunFootprint Estimate(
        SweepSpec spec, ModelInfo model, long rows, int batch, long modelDataBytes, bool deviceIsHost, long deviceMemoryBytes)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(model);
        int p = model.Parameters.Count;
        int measures = ResultLayout.DoubleCount(p, model.ExtraColumns.Count);
        int axes = spec.Axes.Count;
        const int otherColumns = 1 + 2 + 3 + 1;   // traj_id; model, loss; steps, diverged_step, regime; diverged
        int columns = measures + otherColumns + axes;
        double rowGroups = Math.Ceiling(rows / (double)Math.Max(1, batch));
        double output = FixedOutputBytes + (rowGroups * columns * BytesPerColumnChunk)
            + (rows * ((measures * BytesPerMeasureColumn) + ((otherColumns + axes) * BytesPerOtherColumn)));

        double resultRow = (measures * sizeof(double)) + (ResultLayout.IntCount * sizeof(int));
        double rawRow = resultRow + sizeof(long) + (axes * 2.0 * sizeof(double)) + (3 * IntPtr.Size) + sizeof(bool);
        long axisValues = 0;
        foreach (var a in spec.Axes)
        {
            axisValues += a.Count;
        }

        double gridHost = 3.0 * axisValues * sizeof(double);   // the axis specs, the kernel's flat copy, the writer's copy
        double gridDevice = (axisValues * sizeof(double)) + (3.0 * axes * sizeof(long));

        double traceDisk = 0, traceHost = 0, traceDevice = 2.0 * batch * sizeof(int);
        if (spec.Trace is { } trace)
        {
            long traced = trace.Count(spec.Grid);
            double perTrajectory = (double)spec.TraceRows * TraceLayout.Columns(p) * sizeof(double);
            traceDisk = traced * (double)spec.TraceRows * (5 + p) * sizeof(double);
            double slots = Math.Min(batch, traced);
            traceDevice += slots * perTrajectory;
            traceHost = 2 * slots * (perTrajectory + sizeof(long) + sizeof(int));
        }

        double device = (batch * resultRow) + gridDevice + traceDevice + modelDataBytes;
        double host = BaselineHostBytes + (2 * batch * resultRow) + (WriterCopiesPerRow * batch * rawRow) + gridHost + traceHost
            + (deviceIsHost ? device : 0);
        return new RunFootprint(rows, output, traceDisk, host, device, deviceIsHost, deviceMemoryBytes);
    }

    /// <summary>The bytes the output's file system must hold.</summary>
    public double DiskBytes => OutputBytes + TraceBytes;

    /// <summary>One line: trajectories, output on disk, host and device memory (and traces when any).</summary>
    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"{Trajectories:N0} {(Trajectories == 1 ? "trajectory" : "trajectories")}; output about {Size(OutputBytes)}{(TraceBytes > 0 ? $" plus traces up to {Size(TraceBytes)}" : "")}; " +
        $"host memory about {Size(HostBytes)}{(DeviceIsHost ? " (CPU accelerator included)" : $"; device memory about {Size(DeviceBytes)}")}");

    /// <summary>
    /// Why the run cannot fit, in one line with the numbers, or null when it fits.
    /// </summary>
    /// <param name="freeDiskBytes">Free bytes of the output's file system.</param>
    /// <param name="diskPath">The directory whose file system was measured.</param>
    /// <param name="availableHostBytes">Memory the process may use (the GC's total available memory).</param>
    public string? Refusal(long freeDiskBytes, string diskPath, long availableHostBytes)
    {
        var inv = CultureInfo.InvariantCulture;
        if (DiskBytes > freeDiskBytes)
        {
            return string.Create(inv,
                $"{Trajectories:N0} {(Trajectories == 1 ? "trajectory needs" : "trajectories need")} about {Size(DiskBytes)} on disk{(TraceBytes > 0 ? $" ({Size(OutputBytes)} data set + {Size(TraceBytes)} traces)" : "")}, " +
                $"but the file system of '{diskPath}' has {Size(freeDiskBytes)} free; use a smaller grid, --shard, or another --out");
        }

        if (HostBytes > availableHostBytes)
        {
            return string.Create(inv,
                $"the run needs about {Size(HostBytes)} of host memory{(DeviceIsHost && DeviceBytes > 0 ? $" ({Size(DeviceBytes)} of it the CPU accelerator's buffers)" : "")}, " +
                $"but {Size(availableHostBytes)} is available; use a smaller --batch, fewer axis values or a smaller model size");
        }

        if (!DeviceIsHost && DeviceBytes > DeviceMemoryBytes)
        {
            return string.Create(inv,
                $"the run needs about {Size(DeviceBytes)} of accelerator memory, but the accelerator has {Size(DeviceMemoryBytes)}; " +
                $"use a smaller --batch, fewer axis values or a smaller model size");
        }

        return null;
    }

    /// <summary>Bytes in binary units with three significant digits ("95.4 MiB").</summary>
    public static string Size(double bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
        int u = 0;
        while (Math.Abs(bytes) >= 1024 && u < units.Length - 1)
        {
            bytes /= 1024;
            u++;
        }

        string format = u == 0 || bytes >= 100 ? "0" : bytes >= 10 ? "0.0" : "0.00";
        return bytes.ToString(format, CultureInfo.InvariantCulture) + " " + units[u];
    }
}
