using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using EosSweep.Core.Results;
using EosSweep.Kernels.Execution;
using EosSweep.Kernels.Models;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Simd;

/// <summary>
/// The CPU SIMD path: a model value of <typeparamref name="T"/> lanes holds one trajectory per lane and runs the
/// same model struct as the kernels (instantiated at <typeparamref name="T"/> instead of <see cref="R64"/> or
/// <see cref="R32"/>), under the rules of <see cref="Trajectory"/> applied lane by lane, with the bookkeeping in
/// double lanes <typeparamref name="TW"/> as the scalar driver keeps it in double. A lane that finishes
/// (converged, diverged, out of steps) is written out and refilled with the next trajectory at once, so early
/// finishers cost nothing; the refill blends a fresh model into that lane only. Every operation is the lane-wise
/// twin of the scalar one, so results are bit-identical to the scalar driver. One lane group steps in a tight loop
/// until a lane finishes (the model in a local, inlined where its step is small); optionally two groups step in the
/// same loop iteration instead (measured no faster on AVX2, where 16 vector registers do not hold two steps). For
/// models whose state is all <typeparamref name="T"/> fields and that read no shared data.
/// </summary>
/// <typeparam name="TModel">The model struct at <typeparamref name="T"/> lanes.</typeparam>
/// <typeparam name="T">The lane number type.</typeparam>
/// <typeparam name="TW">Double lanes of the same width, for the bookkeeping.</typeparam>
public sealed class SimdDriver<TModel, T, TW>
    where TModel : struct, IGdModel<TModel, T>
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
    private int _next;

    private SimdDriver(HostGrid grid, KernelArgs args, ResultBatch batch, int from, int to)
    {
        _source = new HostGridSource(grid);
        _args = args;
        _batch = batch;
        _next = from;
        _to = to;
    }

    /// <summary>Runs trajectories [args.Start + from, args.Start + to) of the batch, writing rows from .. to − 1.</summary>
    /// <param name="grid">The grid.</param>
    /// <param name="args">The batch's arguments (Start, limits, axes).</param>
    /// <param name="batch">Rows go here, at their row in the batch.</param>
    /// <param name="from">First row.</param>
    /// <param name="to">One past the last row.</param>
    /// <param name="interleave">Step two lane groups per loop iteration (instruction-level parallelism).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(HostGrid grid, KernelArgs args, ResultBatch batch, int from, int to, bool interleave)
    {
        if (Unsafe.SizeOf<TModel>() % Unsafe.SizeOf<T>() != 0 || TModel.ExtraCount != 0)
        {
            throw new InvalidOperationException($"{typeof(TModel).Name} holds fields other than lanes or has extra columns; it cannot run on the SIMD path");
        }

        var run = new SimdDriver<TModel, T, TW>(grid, args, batch, from, to);
        var a = new Group(T.Width);
        var b = new Group(T.Width);
        var all = TW.C(1.0);
        run.Refill(ref a, all);
        if (interleave)
        {
            run.Refill(ref b, all);
        }

        var limits = new Limits(args.Limits);
        while (TW.AnyNonZero(a.Active) || TW.AnyNonZero(b.Active))
        {
            if (!interleave)
            {
                Advance(ref a, limits, out var done, out var fin, out var conv);
                run.Finish(ref a, done, fin, conv);
                continue;
            }

            StepInfo<T> ia, ib = default;
            if (interleave)
            {
                Step2(ref a.Model, ref b.Model, out ia, out ib);
            }
            else
            {
                ia = Step1(ref a.Model);
            }

            if (Track(ref a, ia, limits, out var doneA, out var finA, out var convA))
            {
                run.Finish(ref a, doneA, finA, convA);
            }

            if (interleave && Track(ref b, ib, limits, out var doneB, out var finB, out var convB))
            {
                run.Finish(ref b, doneB, finB, convB);
            }
        }
    }

    /// <summary>
    /// One step of each of two groups, compiled as its own method: the JIT's inline budget is per compiled method,
    /// and the model steps with their math inlined into the driver's loop overflow it, leaving operator calls in
    /// the hot loop. As a separate root both steps inline; one call per two steps is noise.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Step2(ref TModel a, ref TModel b, out StepInfo<T> ia, out StepInfo<T> ib)
    {
        ia = a.Step();
        ib = b.Step();
    }

    /// <summary>
    /// Steps one group until a lane finishes, the model in a local (registers where the step inlines) rather than in
    /// the group, and one call per finished lane rather than per step.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Advance(ref Group g, in Limits limits, out TW done, out TW finite, out TW converged)
    {
        var model = g.Model;
        TW d, f, c;
        while (!Track(ref g, model.Step(), limits, out d, out f, out c))
        {
        }

        g.Model = model;
        done = d;
        finite = f;
        converged = c;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static StepInfo<T> Step1(ref TModel model) => model.Step();

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static StepInfo<T> EvaluateOf(ref TModel model) => model.Evaluate();

    /// <summary>
    /// The scalar driver's per-step rules lane-wise: running min/max, then diverged (loss or ‖θ‖₁ not finite or
    /// above the bound), converged (small move and ratio below 1) and out of steps, as 1/0 flags.
    /// </summary>
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

    /// <summary>Writes the rows of the lanes in <paramref name="done"/> (the scalar driver's final point and regime) and refills them.</summary>
    private void Finish(ref Group g, TW done, TW finite, TW converged)
    {
        var last = EvaluateOf(ref g.Model);
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
        for (int k = 0; k < _args.AxisCount; k++)
        {
            for (int l = 0; l < T.Width; l++)
            {
                _values[l] = _source.Value(g.Ids[l] >= 0 ? g.Ids[l] : fallback, k);
            }

            point.Set(k, T.FromDoubles(_values));
        }

        var fresh = TModel.Create(point, default);
        var fillT = T.FromDoubles(_flags);
        var fill = TW.FromDoubles(_flags);
        Blend(ref g.Model, fresh, fillT);
        var halfEta = TW.C(0.5) * T.Widen(fresh.StepSize);
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

    /// <summary>Copies the lanes where <paramref name="fill"/> is 1 from <paramref name="source"/> into <paramref name="target"/>, field by field.</summary>
    private static void Blend(ref TModel target, in TModel source, T fill)
    {
        int n = Unsafe.SizeOf<TModel>() / Unsafe.SizeOf<T>();
        var t = MemoryMarshal.CreateSpan(ref Unsafe.As<TModel, T>(ref target), n);
        var s = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<TModel, T>(ref Unsafe.AsRef(in source)), n);
        var one = T.C(1.0);
        for (int i = 0; i < n; i++)
        {
            t[i] = T.SelectEqual(fill, one, s[i], t[i]);
        }
    }

    /// <summary>The sweep limits broadcast to double lanes.</summary>
    private readonly struct Limits(RunLimits limits)
    {
        public readonly TW Tolerance = TW.C(limits.Tolerance);
        public readonly TW Bound = TW.C(limits.Bound);
        public readonly TW Max = TW.C(double.MaxValue);
    }

    /// <summary>One model value (a trajectory per lane), its bookkeeping, and the trajectory index per lane (−1: free).</summary>
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
