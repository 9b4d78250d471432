using EosSweep.Kernels.Models;
using EosSweep.Kernels.Numerics;
using ILGPU;

namespace EosSweep.Kernels.Execution;

/// <summary>
/// The one GD kernel, generic over the model struct and number type; ILGPU specialises it per
/// (model, loss, precision). One thread per trajectory: decode the grid index to its point, run the
/// trajectory, write its row in the layout of EosSweep.Core.Results.ResultLayout. The host reference
/// (<see cref="TrajectoryKernel{TModel, T}.RunOnHost"/>) calls the same <see cref="Execute"/>.
/// </summary>
public static class SweepKernel
{
    /// <summary>The kernel entry point.</summary>
    public static void Run<TModel, T>(Index1D i, SweepViews views)
        where TModel : struct, IGdModel<TModel, T>
        where T : struct, IScalar<T>
    {
        var args = views.Args;
        if (i >= args.Count)
        {
            return;
        }

        var trace = TraceSink.ForRow(i, views.TraceSlots, views.TraceBuffer, TModel.ParameterCount, args);

        Execute<TModel, T, DeviceGrid, DeviceSink>(i, views.Grid, views.Data, args, views.Sink, ref trace);
        if (trace.Enabled)
        {
            views.TraceSlots[args.Capacity + i] = trace.Count;
        }
    }

    /// <summary>Runs trajectory <c>args.Start + i</c> and writes it to row <paramref name="i"/> of the sink.</summary>
    public static void Execute<TModel, T, TGrid, TSink>(int i, TGrid grid, ModelData data, KernelArgs args, TSink sink, ref TraceSink trace)
        where TModel : struct, IGdModel<TModel, T>
        where T : struct, IScalar<T>
        where TGrid : struct, IGridSource
        where TSink : struct, IResultSink
    {
        long index = args.Start + i;
        GridPoint<T> point = default;
        point.Index = index;
        point.Flags = args.ModelFlags;
        point.Row = i;
        for (int k = 0; k < args.AxisCount; k++)
        {
            double v = grid.Value(index, k);
            point.Set(k, T.C(v));
            if (k == args.SeedAxis)
            {
                point.Seed = (ulong)v;
            }
        }

        var model = TModel.Create(point, data);
        var o = Trajectory.Run<TModel, T>(ref model, args.Limits, ref trace);
        int p = TModel.ParameterCount;
        for (int k = 0; k < p; k++)
        {
            sink.SetDouble(k, i, T.ToDouble(model.Parameter(k)));
        }

        for (int e = 0; e < TModel.ExtraCount; e++)
        {
            sink.SetDouble(RowWriter.ExtraColumn(p, e), i, model.Extra(e));
        }

        RowWriter.Write(sink, p, i, o);
    }
}
