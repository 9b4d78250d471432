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
/// twin of the scalar one, so results are bit-identical to the scalar driver. One lane set steps in a tight loop
/// until a lane finishes (the model in a local, inlined where its step is small); optionally two lane sets step in the
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
    private readonly LaneFeed<T, TW> _feed;

    private SimdDriver(HostGrid grid, KernelArgs args, ResultBatch batch, int from, int to) =>
        _feed = new LaneFeed<T, TW>(grid, args, batch, from, to);

    /// <summary>Runs trajectories [args.Start + from, args.Start + to) of the batch, writing rows from .. to − 1.</summary>
    /// <param name="grid">The grid.</param>
    /// <param name="args">The batch's arguments (Start, limits, axes).</param>
    /// <param name="batch">Rows go here, at their row in the batch.</param>
    /// <param name="from">First row.</param>
    /// <param name="to">One past the last row.</param>
    /// <param name="interleave">Step two lane sets per loop iteration (instruction-level parallelism).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(HostGrid grid, KernelArgs args, ResultBatch batch, int from, int to, bool interleave)
    {
        if (Unsafe.SizeOf<TModel>() % Unsafe.SizeOf<T>() != 0 || TModel.ExtraCount != 0)
        {
            throw new InvalidOperationException($"{typeof(TModel).Name} holds fields other than lanes or has extra columns; it cannot run on the SIMD path");
        }

        var run = new SimdDriver<TModel, T, TW>(grid, args, batch, from, to);
        var a = new LaneSet(T.Width);
        var b = new LaneSet(T.Width);
        var all = TW.C(1.0);
        run.Refill(ref a, all);
        if (interleave)
        {
            run.Refill(ref b, all);
        }

        var limits = new LaneLimits<TW>(args.Limits);
        while (TW.AnyNonZero(a.Book.Active) || TW.AnyNonZero(b.Book.Active))
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

            if (a.Book.Track(ia, limits, out var doneA, out var finA, out var convA))
            {
                run.Finish(ref a, doneA, finA, convA);
            }

            if (interleave && b.Book.Track(ib, limits, out var doneB, out var finB, out var convB))
            {
                run.Finish(ref b, doneB, finB, convB);
            }
        }
    }

    /// <summary>
    /// One step of each of two lane sets, compiled as its own method: the JIT's inline budget is per compiled method,
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
    /// Steps one lane set until a lane finishes, the model in a local (registers where the step inlines) rather than in
    /// the lane set, and one call per finished lane rather than per step.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Advance(ref LaneSet g, in LaneLimits<TW> limits, out TW done, out TW finite, out TW converged)
    {
        var model = g.Model;
        TW d, f, c;
        while (!g.Book.Track(model.Step(), limits, out d, out f, out c))
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

    /// <summary>Writes the rows of the lanes in <paramref name="done"/> (the scalar driver's final point and regime) and refills them.</summary>
    private void Finish(ref LaneSet g, TW done, TW finite, TW converged)
    {
        var last = EvaluateOf(ref g.Model);
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

        var point = _feed.Point();
        var fresh = TModel.Create(point, default);
        Blend(ref g.Model, fresh, T.FromDoubles(_feed.Flags));
        g.Book.Start(_feed.Flags, fresh.StepSize, _feed.Args.Limits, _feed.Budgets);
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

    /// <summary>One model value (a trajectory per lane) and its lanes' bookkeeping.</summary>
    private struct LaneSet(int width)
    {
        public TModel Model;
        public LaneLedger<T, TW> Book = new(width);
    }
}
