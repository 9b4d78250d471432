using EosSweep.Kernels.Models;
using EosSweep.Kernels.Numerics;
using ILGPU;

namespace EosSweep.Kernels.Execution;

/// <summary>
/// The sweep kernel with a group of threads per trajectory, for models whose step sums over a per-trajectory data set
/// (sparse-coding's n samples) through a group-aware sample loop (<see cref="GroupSamples"/>). Group g runs trajectory
/// <c>args.Start + g</c>: every thread of the group runs the same driver and model (<see cref="SweepKernel.Execute"/>)
/// on the same reduced totals, so all take identical decisions and meet at every barrier; thread 0 alone writes the
/// row and the trace.
/// </summary>
public static class GroupSweepKernel
{
    /// <summary>The kernel entry point: launch with one group per trajectory of the batch.</summary>
    public static void Run<TModel, T>(SweepViews views)
        where TModel : struct, IGdModel<TModel, T>
        where T : struct, IScalar<T>
    {
        var args = views.Args;
        int i = Grid.IdxX;
        if (i >= args.Count)
        {
            return;
        }

        bool leader = Group.IdxX == 0;
        // Only the leader records the trace; the other threads of the group hold the same values.
        var trace = leader ? TraceSink.ForRow(i, views.TraceSlots, views.TraceBuffer, TModel.ParameterCount, args) : default;

        SweepKernel.Execute<TModel, T, DeviceGrid, LeaderSink>(i, views.Grid, views.Data, args, new LeaderSink(views.Sink, leader), ref trace);
        if (trace.Enabled)
        {
            views.TraceSlots[args.Capacity + i] = trace.Count;
        }
    }

    /// <summary>A sink that writes only from the group's first thread (the others hold the same values).</summary>
    private readonly struct LeaderSink(DeviceSink sink, bool leader) : IResultSink
    {
        private readonly DeviceSink _sink = sink;
        private readonly bool _leader = leader;

        public void SetDouble(int c, int i, double v)
        {
            if (_leader)
            {
                _sink.SetDouble(c, i, v);
            }
        }

        public void SetInt(int c, int i, int v)
        {
            if (_leader)
            {
                _sink.SetInt(c, i, v);
            }
        }
    }
}
