using System.Runtime.CompilerServices;
using EosSweep.Core.Results;
using EosSweep.Kernels.Execution;
using EosSweep.Kernels.Models;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Simd;

/// <summary>
/// <see cref="SimdDriver{TModel, T, TW}"/>'s rules for an <see cref="ISimdGroupModel{TSelf, T, TW}"/>: one lane group
/// per thread whose model keeps its lanes' memory and data itself, so the driver neither copies nor blends the model
/// (a refill and a finish go through the model, lane-masked), and writes the model's extra columns. The per-step
/// bookkeeping (running min and max, diverged, converged, out of steps) and the rows are the scalar driver's,
/// lane by lane, as in SimdDriver.
/// </summary>
/// <typeparam name="TModel">The group model.</typeparam>
/// <typeparam name="T">The lane number type.</typeparam>
/// <typeparam name="TW">Double lanes of the same width, for the bookkeeping.</typeparam>
public sealed class SimdGroupDriver<TModel, T, TW>
    where TModel : struct, ISimdGroupModel<TModel, T, TW>
    where T : struct, ISimdReal<T, TW>
    where TW : struct, ILanes<TW>
{
    private const int RegimeGf = 0;
    private const int RegimeEos = 1;
    private const int RegimeDiverged = 2;
    private const int RegimeUnconverged = 3;

    private readonly HostGridSource _source;
    private readonly KernelArgs _args;
    private readonly ResultBatch _batch;
    private readonly int _to;
    private readonly double[] _values = new double[T.Width];
    private readonly double[] _flags = new double[T.Width];
    private readonly double[] _budgets = new double[T.Width];
    private readonly ulong[] _seeds = new ulong[T.Width];
    private readonly long[] _indices = new long[T.Width];
    private int _next;

    private SimdGroupDriver(HostGrid grid, KernelArgs args, ResultBatch batch, int from, int to)
    {
        _source = new HostGridSource(grid);
        _args = args;
        _batch = batch;
        _next = from;
        _to = to;
    }

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

        var run = new SimdGroupDriver<TModel, T, TW>(grid, args, batch, from, to);
        var g = new Group(T.Width) { Model = TModel.Open(data) };
        run.Refill(ref g, TW.C(1.0));
        var limits = new Limits(args.Limits);
        while (TW.AnyNonZero(g.Active))
        {
            Advance(ref g, limits, out var done, out var fin, out var conv);
            run.Finish(ref g, done, fin, conv);
        }
    }

    /// <summary>Steps the group until a lane finishes (one call per finished lane, not per step).</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Advance(ref Group g, in Limits limits, out TW done, out TW finite, out TW converged)
    {
        TW d, f, c;
        while (!Track(ref g, g.Model.Step(), limits, out d, out f, out c))
        {
        }

        done = d;
        finite = f;
        converged = c;
    }

    /// <summary>SimdDriver's per-step rules, lane-wise (the scalar driver's, in double lanes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Track(ref Group g, in StepInfo<T> info, in Limits lim, out TW done, out TW finite, out TW converged)
    {
        TW one = TW.C(1.0), zero = TW.C(0.0);
        var loss = T.Widen(info.Loss);
        var sharp = T.Widen(info.Sharpness);
        var size = T.Widen(info.Size);
        var move = T.Widen(info.Move);
        g.Steps = g.Steps + one;
        var ratio = g.HalfEta * sharp;
        g.MinLoss = TW.SelectLess(loss, g.MinLoss, loss, g.MinLoss);
        g.MaxSharp = TW.SelectLess(g.MaxSharp, sharp, sharp, g.MaxSharp);
        g.MaxRatio = TW.SelectLess(g.MaxRatio, ratio, ratio, g.MaxRatio);
        finite = TW.SelectLessEqual(TW.Abs(loss), lim.Max, TW.SelectLessEqual(size, lim.Bound, one, zero), zero);
        converged = TW.SelectLessEqual(move, lim.Tolerance * (one + size), TW.SelectLess(ratio, one, finite, zero), zero);
        var end = TW.SelectLess(g.Steps, g.Budget, converged, one);
        end = TW.SelectEqual(finite, one, end, one);
        done = TW.SelectEqual(g.Active, one, end, zero);
        return TW.AnyNonZero(done);
    }

    /// <summary>Writes the rows of the lanes in <paramref name="done"/> (final point, regime, extras) and refills them.</summary>
    private void Finish(ref Group g, TW done, TW finite, TW converged)
    {
        var last = g.Model.Evaluate(done);
        var batch = _batch;
        int cap = batch.Capacity, p = TModel.ParameterCount;
        for (int l = 0; l < T.Width; l++)
        {
            if (TW.Lane(done, l) == 0)
            {
                continue;
            }

            int regime = TW.Lane(finite, l) == 0 ? RegimeDiverged : TW.Lane(converged, l) != 0 ? RegimeGf : RegimeUnconverged;
            double finalLoss = T.Lane(last.Loss, l);
            double finalSharp = T.Lane(last.Sharpness, l);
            double finalRatio = TW.Lane(g.HalfEta, l) * finalSharp;
            double ml = TW.Lane(g.MinLoss, l), ms = TW.Lane(g.MaxSharp, l), mr = TW.Lane(g.MaxRatio, l);
            ml = finalLoss < ml ? finalLoss : ml;
            ms = finalSharp > ms ? finalSharp : ms;
            mr = finalRatio > mr ? finalRatio : mr;
            if (regime == RegimeGf && mr >= _args.Limits.EosThreshold)
            {
                regime = RegimeEos;
            }

            int row = (int)(g.Ids[l] - _args.Start);
            for (int k = 0; k < p; k++)
            {
                batch.Doubles[(k * cap) + row] = T.Lane(g.Model.Parameter(k), l);
            }

            int steps = (int)TW.Lane(g.Steps, l);
            batch.Doubles[(p * cap) + row] = finalLoss;
            batch.Doubles[((p + 1) * cap) + row] = ml;
            batch.Doubles[((p + 2) * cap) + row] = finalSharp;
            batch.Doubles[((p + 3) * cap) + row] = ms;
            batch.Doubles[((p + 4) * cap) + row] = finalRatio;
            for (int e = 0; e < TModel.ExtraCount; e++)
            {
                batch.Doubles[((p + 5 + e) * cap) + row] = TW.Lane(g.Model.Extra(e), l);
            }

            batch.Ints[row] = steps;
            batch.Ints[cap + row] = regime == RegimeDiverged ? steps : -1;
            batch.Ints[(2 * cap) + row] = regime;
            g.Ids[l] = -1;
        }

        g.Active = TW.SelectEqual(done, TW.C(1.0), TW.C(0.0), g.Active);
        Refill(ref g, done);
    }

    /// <summary>Starts the next trajectories in the free lanes of <paramref name="mask"/>; lanes with nothing left stay inactive.</summary>
    private void Refill(ref Group g, TW mask)
    {
        bool any = false;
        long fallback = -1;
        for (int l = 0; l < T.Width; l++)
        {
            _flags[l] = 0.0;
            if (TW.Lane(mask, l) != 0 && g.Ids[l] < 0 && _next < _to)
            {
                g.Ids[l] = _args.Start + _next++;
                _flags[l] = 1.0;
                any = true;
            }

            fallback = fallback < 0 && g.Ids[l] >= 0 ? g.Ids[l] : fallback;
        }

        if (!any)
        {
            return;
        }

        var point = default(GridPoint<T>);
        point.Flags = _args.ModelFlags;
        var limits = _args.Limits;
        for (int l = 0; l < T.Width; l++)
        {
            _indices[l] = g.Ids[l] >= 0 ? g.Ids[l] : fallback;
            _seeds[l] = _args.SeedAxis >= 0 ? (ulong)_source.Value(_indices[l], _args.SeedAxis) : 0;
        }

        for (int k = 0; k < _args.AxisCount; k++)
        {
            for (int l = 0; l < T.Width; l++)
            {
                _values[l] = _source.Value(_indices[l], k);
            }

            point.Set(k, T.FromDoubles(_values));
        }

        g.Model.Refill(point, _indices, _seeds, _flags);
        var fill = TW.FromDoubles(_flags);
        var halfEta = TW.C(0.5) * T.Widen(g.Model.StepSize);
        for (int l = 0; l < T.Width; l++)
        {
            _budgets[l] = limits.Tau > 0 ? Trajectory.StepsForTau(limits.Tau, 2 * TW.Lane(halfEta, l)) : limits.Steps;
        }

        TW one = TW.C(1.0), zero = TW.C(0.0);
        g.HalfEta = TW.SelectEqual(fill, one, halfEta, g.HalfEta);
        g.MinLoss = TW.SelectEqual(fill, one, TW.C(double.PositiveInfinity), g.MinLoss);
        g.MaxSharp = TW.SelectEqual(fill, one, zero, g.MaxSharp);
        g.MaxRatio = TW.SelectEqual(fill, one, zero, g.MaxRatio);
        g.Steps = TW.SelectEqual(fill, one, zero, g.Steps);
        g.Budget = TW.SelectEqual(fill, one, TW.FromDoubles(_budgets), g.Budget);
        g.Active = TW.SelectEqual(fill, one, one, g.Active);
    }

    /// <summary>The sweep limits broadcast to double lanes.</summary>
    private readonly struct Limits(RunLimits limits)
    {
        public readonly TW Tolerance = TW.C(limits.Tolerance);
        public readonly TW Bound = TW.C(limits.Bound);
        public readonly TW Max = TW.C(double.MaxValue);
    }

    /// <summary>The group model, its bookkeeping, and the trajectory index per lane (−1: free).</summary>
    private struct Group
    {
        public TModel Model;
        public TW HalfEta, MinLoss, MaxSharp, MaxRatio, Steps, Budget, Active;
        public long[] Ids;

        public Group(int width)
        {
            Ids = new long[width];
            Array.Fill(Ids, -1L);
        }
    }
}
