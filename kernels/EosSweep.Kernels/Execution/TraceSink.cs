using EosSweep.Core.Results;
using EosSweep.Kernels.Models;
using EosSweep.Kernels.Numerics;
using ILGPU;

namespace EosSweep.Kernels.Execution;

/// <summary>
/// Where a traced trajectory writes its rows in the layout of EosSweep.Core.Results.TraceLayout: step, loss, sharpness,
/// stability ratio, then the parameters (<c>Columns</c> = 4 + P doubles a row, <c>Rows</c> rows a slot). A row is written in two halves — the step
/// and θ_t before the GD step, the loss, sharpness and ratio at θ_t after it — so models whose parameters live
/// in device scratch are recorded correctly. Disabled sinks (untraced trajectories) do nothing.
/// </summary>
public struct TraceSink
{
    /// <summary>The batch's trace buffer.</summary>
    public ArrayView<double> Buffer;

    /// <summary>First double of this trajectory's slot.</summary>
    public long Offset;

    /// <summary>Steps between rows.</summary>
    public int Every;

    /// <summary>Rows a slot holds.</summary>
    public int Rows;

    /// <summary>Doubles a row holds.</summary>
    public int Columns;

    /// <summary>Rows written.</summary>
    public int Count;

    /// <summary>Whether this trajectory is traced.</summary>
    public bool Enabled;

    /// <summary>
    /// The sink of batch row <paramref name="i"/>: its slot in <paramref name="buffer"/> when tracing is on and the row
    /// has one (<paramref name="traceSlots"/>[i] ≥ 0), else a disabled sink.
    /// </summary>
    public static TraceSink ForRow(int i, ArrayView<int> traceSlots, ArrayView<double> buffer, int parameterCount, in KernelArgs args)
    {
        var trace = default(TraceSink);
        if (args.TraceEvery > 0 && traceSlots[i] >= 0)
        {
            trace.Buffer = buffer;
            trace.Columns = TraceLayout.ParameterSlot + parameterCount;
            trace.Rows = args.TraceRows;
            trace.Offset = (long)traceSlots[i] * args.TraceRows * trace.Columns;
            trace.Every = args.TraceEvery;
            trace.Enabled = true;
        }

        return trace;
    }

    /// <summary>Whether step <paramref name="t"/> gets a row.</summary>
    public readonly bool Due(int t) => Enabled && t % Every == 0 && Count < Rows;

    /// <summary>Starts row <see cref="Count"/>: the step and the parameters at it.</summary>
    public readonly void Begin<TModel, T>(int t, ref TModel model)
        where TModel : struct, IGdModel<TModel, T>
        where T : struct, IScalar<T>
    {
        long row = Offset + ((long)Count * Columns);
        Buffer[row + TraceLayout.StepSlot] = t;
        for (int k = 0; k < TModel.ParameterCount; k++)
        {
            Buffer[row + TraceLayout.ParameterSlot + k] = T.ToDouble(model.Parameter(k));
        }
    }

    /// <summary>Completes the row with the loss, sharpness and ratio, and moves to the next.</summary>
    public void End(double loss, double sharpness, double ratio)
    {
        long row = Offset + ((long)Count * Columns);
        Buffer[row + TraceLayout.LossSlot] = loss;
        Buffer[row + TraceLayout.SharpnessSlot] = sharpness;
        Buffer[row + TraceLayout.StabilityRatioSlot] = ratio;
        Count++;
    }
}
