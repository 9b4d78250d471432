using EosSweep.Kernels.Models;
using ILGPU;

namespace EosSweep.Kernels.Execution;

/// <summary>
/// Everything one sweep-kernel launch reads and writes, as the kernels' single parameter: the grid's axis values and
/// meta, the batch's <see cref="KernelArgs"/>, the double and int result columns (layout of
/// EosSweep.Core.Results.ResultLayout), the model's shared data and scratch, and the trace slots and buffer.
/// </summary>
/// <param name="axisValues">The grid's axis values.</param>
/// <param name="axisMeta">The grid's axis meta.</param>
/// <param name="args">The batch's arguments.</param>
/// <param name="outD">Double result columns.</param>
/// <param name="outI">Int result columns.</param>
/// <param name="data">The model's shared data and per-trajectory scratch (its stride is the batch capacity).</param>
/// <param name="traceSlots">Trace slot per row, then the rows' trace counts.</param>
/// <param name="traceBuffer">The trace rows.</param>
public readonly struct SweepViews(
    ArrayView<double> axisValues,
    ArrayView<long> axisMeta,
    KernelArgs args,
    ArrayView<double> outD,
    ArrayView<int> outI,
    ModelData data,
    ArrayView<int> traceSlots,
    ArrayView<double> traceBuffer)
{
    /// <summary>The grid's axis values.</summary>
    public readonly ArrayView<double> AxisValues = axisValues;

    /// <summary>The grid's axis meta.</summary>
    public readonly ArrayView<long> AxisMeta = axisMeta;

    /// <summary>The batch's arguments.</summary>
    public readonly KernelArgs Args = args;

    /// <summary>Double result columns.</summary>
    public readonly ArrayView<double> OutD = outD;

    /// <summary>Int result columns.</summary>
    public readonly ArrayView<int> OutI = outI;

    /// <summary>The model's shared double data.</summary>
    public readonly ArrayView<double> DataD = data.Doubles;

    /// <summary>The model's shared int data.</summary>
    public readonly ArrayView<int> DataI = data.Ints;

    /// <summary>Per-trajectory scratch.</summary>
    public readonly ArrayView<double> Scratch = data.Scratch;

    /// <summary>Trace slot per row, then the rows' trace counts.</summary>
    public readonly ArrayView<int> TraceSlots = traceSlots;

    /// <summary>The trace rows.</summary>
    public readonly ArrayView<double> TraceBuffer = traceBuffer;

    /// <summary>The grid as the kernel reads it.</summary>
    public DeviceGrid Grid => new(AxisValues, AxisMeta);

    /// <summary>The model data as the kernel reads it: scratch strided by the batch capacity.</summary>
    public ModelData Data => new(DataD, DataI, Scratch, Args.Capacity);

    /// <summary>The result columns as the kernel writes them.</summary>
    public DeviceSink Sink => new(OutD, OutI, Args.Capacity);
}
