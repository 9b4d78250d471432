using System.Runtime.CompilerServices;
using EosSweep.Core.Results;
using EosSweep.Kernels.Execution;
using EosSweep.Kernels.Models;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Simd;

/// <summary>
/// <see cref="SimdDriver{TModel, T, TW}"/>'s rules for an <see cref="ISimdStatefulModel{TSelf, T, TW}"/>: one lane set
/// per thread whose model keeps its lanes' memory and data itself, so the driver neither copies nor blends the model
/// (a refill and a finish go through the model, lane-masked), and writes the model's extra columns. The per-step
/// bookkeeping (running min and max, diverged, converged, out of steps) and the rows are the scalar driver's,
/// lane by lane, as in SimdDriver.
/// </summary>
/// <typeparam name="TModel">The stateful model.</typeparam>
/// <typeparam name="T">The lane number type.</typeparam>
/// <typeparam name="TW">Double lanes of the same width, for the bookkeeping.</typeparam>
public sealed class SimdStatefulDriver<TModel, T, TW>
    where TModel : struct, ISimdStatefulModel<TModel, T, TW>
    where T : struct, ISimdReal<T, TW>
    where TW : struct, ILanes<TW>
{
    private readonly LaneFeed<T, TW> _feed;
    private readonly ulong[] _seeds = new ulong[T.Width];

    private SimdStatefulDriver(HostGrid grid, KernelArgs args, ResultBatch batch, int from, int to) =>
        _feed = new LaneFeed<T, TW>(grid, args, batch, from, to);

    /// <summary>Runs trajectories [args.Start + from, args.Start + to) of the batch, writing rows from .. to − 1.</summary>
    /// <param name="grid">The grid.</param>
    /// <param name="data">The model's shared data (host-readable).</param>
    /// <param name="args">The batch's arguments.</param>
    /// <param name="batch">Rows go here, at their row in the batch.</param>
    /// <param name="from">First row.</param>
    /// <param name="to">One past the last row.</param>
    public static void Run(HostGrid grid, ModelData data, KernelArgs args, ResultBatch batch, int from, int to)
    {
        if (from >= to)
        {
            return;
        }

        var run = new SimdStatefulDriver<TModel, T, TW>(grid, args, batch, from, to);
        var g = new LaneSet(T.Width) { Model = TModel.Open(data) };
        run.Refill(ref g, TW.C(1.0));
        var limits = new LaneLimits<TW>(args.Limits);
        while (TW.AnyNonZero(g.Book.Active))
        {
            Advance(ref g, limits, out var done, out var fin, out var conv);
            run.Finish(ref g, done, fin, conv);
        }
    }

    /// <summary>Steps the lane set until a lane finishes (one call per finished lane, not per step).</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Advance(ref LaneSet g, in LaneLimits<TW> limits, out TW done, out TW finite, out TW converged)
    {
        TW d, f, c;
        while (!g.Book.Track(g.Model.Step(), limits, out d, out f, out c))
        {
        }

        done = d;
        finite = f;
        converged = c;
    }

    /// <summary>Writes the rows of the lanes in <paramref name="done"/> (final point, regime, extras) and refills them.</summary>
    private void Finish(ref LaneSet g, TW done, TW finite, TW converged)
    {
        var last = g.Model.Evaluate(done);
        var batch = _feed.Batch;
        int cap = batch.Capacity, p = TModel.ParameterCount;
        for (int l = 0; l < T.Width; l++)
        {
            if (TW.Lane(done, l) != 0)
            {
                int row = g.Book.WriteRow(l, last, finite, converged, _feed.Args, batch, p);
                for (int k = 0; k < p; k++)
                {
                    batch.Doubles[(k * cap) + row] = T.Lane(g.Model.Parameter(k), l);
                }

                for (int e = 0; e < TModel.ExtraCount; e++)
                {
                    batch.Doubles[(RowWriter.ExtraColumn(p, e) * cap) + row] = TW.Lane(g.Model.Extra(e), l);
                }
            }
        }

        g.Book.Retire(done);
        Refill(ref g, done);
    }

    /// <summary>Starts the next trajectories in the free lanes of <paramref name="mask"/>; lanes with nothing left stay inactive.</summary>
    private void Refill(ref LaneSet g, TW mask)
    {
        if (!_feed.Claim(ref g.Book, mask))
        {
            return;
        }

        for (int l = 0; l < T.Width; l++)
        {
            _seeds[l] = _feed.Args.SeedAxis >= 0 ? (ulong)_feed.Value(l, _feed.Args.SeedAxis) : 0;
        }

        var point = _feed.Point();
        g.Model.Refill(point, _feed.Indices, _seeds, _feed.Flags);
        g.Book.Start(_feed.Flags, g.Model.StepSize, _feed.Args.Limits, _feed.Budgets);
    }

    /// <summary>The stateful model and its lanes' bookkeeping.</summary>
    private struct LaneSet(int width)
    {
        public TModel Model;
        public LaneLedger<T, TW> Book = new(width);
    }
}
