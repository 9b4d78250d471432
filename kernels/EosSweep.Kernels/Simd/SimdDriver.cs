using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using EosSweep.Core.Results;
using EosSweep.Kernels.Execution;
using EosSweep.Kernels.Models;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Simd;

/// <summary>
/// The CPU SIMD path: eight trajectories per <see cref="V8"/> value run the same model struct as the kernels
/// (instantiated at <see cref="V8"/> instead of <see cref="R64"/>), under the rules of <see cref="Trajectory"/>
/// applied lane by lane. A lane that finishes (converged, diverged, out of steps) is written out and refilled
/// with the next trajectory at once, so early finishers cost nothing; the refill blends a fresh model into that
/// lane only. Every operation is the lane-wise twin of the scalar one, so results are bit-identical to the
/// scalar driver. For models whose state is all <see cref="V8"/> fields and that read no shared data.
/// </summary>
public static class SimdDriver
{
    /// <summary>Runs trajectories [args.Start + from, args.Start + to) of the batch, writing rows from .. to − 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<TModel>(HostGrid grid, KernelArgs args, ResultBatch batch, int from, int to)
        where TModel : struct, IGdModel<TModel, V8>
    {
        if (Unsafe.SizeOf<TModel>() % Unsafe.SizeOf<V8>() != 0)
        {
            throw new InvalidOperationException($"{typeof(TModel).Name} holds fields other than V8 lanes; it cannot run on the SIMD path");
        }

        var limits = args.Limits;
        var source = new HostGridSource(grid);
        var lane = new long[V8.Width];
        var values = new double[V8.Width];
        int next = from;
        var model = default(TModel);
        Vector512<double> halfEta = default, minLoss = default, maxSharp = default, maxRatio = default, steps = default, budget = default;
        Vector512<double> active = Vector512<double>.Zero;
        for (int l = 0; l < V8.Width; l++)
        {
            lane[l] = -1;
        }

        // Fill every lane (lanes beyond the range stay inactive with a copy of a valid point).
        Refill(ref model, ref active, ref halfEta, ref minLoss, ref maxSharp, ref maxRatio, ref steps, ref budget, Vector512<double>.AllBitsSet);

        var tol = Vector512.Create(limits.Tolerance);
        var bound = Vector512.Create(limits.Bound);
        var one = Vector512.Create(1.0);
        var max = Vector512.Create(double.MaxValue);
        while (active != Vector512<double>.Zero)
        {
            var info = StepOf(ref model);
            steps += one;
            var loss = info.Loss.V;
            var sharp = info.Sharpness.V;
            var size = info.Size.V;
            var ratio = halfEta * sharp;
            minLoss = Vector512.ConditionalSelect(Vector512.LessThan(loss, minLoss), loss, minLoss);
            maxSharp = Vector512.ConditionalSelect(Vector512.GreaterThan(sharp, maxSharp), sharp, maxSharp);
            maxRatio = Vector512.ConditionalSelect(Vector512.GreaterThan(ratio, maxRatio), ratio, maxRatio);

            var finite = Vector512.LessThanOrEqual(Vector512.Abs(loss), max) & Vector512.LessThanOrEqual(size, bound);
            var diverged = ~finite;
            var converged = finite & Vector512.LessThanOrEqual(info.Move.V, tol * (one + size)) & Vector512.LessThan(ratio, one);
            var outOfSteps = Vector512.GreaterThanOrEqual(steps, budget);
            var done = active & (diverged | converged | outOfSteps);
            if (done == Vector512<double>.Zero)
            {
                continue;
            }

            var last = EvaluateOf(ref model);
            for (int l = 0; l < V8.Width; l++)
            {
                if (done.GetElement(l) == 0)
                {
                    continue;
                }

                int regime = diverged.GetElement(l) != 0 ? 2 : converged.GetElement(l) != 0 ? 0 : 3;
                double finalLoss = last.Loss.V.GetElement(l);
                double finalSharp = last.Sharpness.V.GetElement(l);
                double finalRatio = halfEta.GetElement(l) * finalSharp;
                double ml = minLoss.GetElement(l), ms = maxSharp.GetElement(l), mr = maxRatio.GetElement(l);
                ml = finalLoss < ml ? finalLoss : ml;
                ms = finalSharp > ms ? finalSharp : ms;
                mr = finalRatio > mr ? finalRatio : mr;
                if (regime == 0 && mr >= limits.EosThreshold)
                {
                    regime = 1;
                }

                int row = (int)(lane[l] - args.Start);
                int cap = batch.Capacity, p = TModel.ParameterCount;
                for (int k = 0; k < p; k++)
                {
                    batch.Doubles[(k * cap) + row] = model.Parameter(k).V.GetElement(l);
                }

                batch.Doubles[(p * cap) + row] = finalLoss;
                batch.Doubles[((p + 1) * cap) + row] = ml;
                batch.Doubles[((p + 2) * cap) + row] = finalSharp;
                batch.Doubles[((p + 3) * cap) + row] = ms;
                batch.Doubles[((p + 4) * cap) + row] = finalRatio;
                batch.Ints[row] = (int)steps.GetElement(l);
                batch.Ints[cap + row] = regime == 2 ? (int)steps.GetElement(l) : -1;
                batch.Ints[(2 * cap) + row] = regime;
                lane[l] = -1;
            }

            active &= ~done;
            Refill(ref model, ref active, ref halfEta, ref minLoss, ref maxSharp, ref maxRatio, ref steps, ref budget, done);
        }

        // Starts the next trajectories in the lanes of mask that are free; lanes with nothing left stay inactive.
        void Refill(ref TModel m, ref Vector512<double> act, ref Vector512<double> he, ref Vector512<double> mL, ref Vector512<double> mS,
            ref Vector512<double> mR, ref Vector512<double> st, ref Vector512<double> bu, Vector512<double> mask)
        {
            var fill = Vector512<double>.Zero;
            for (int l = 0; l < V8.Width; l++)
            {
                if (mask.GetElement(l) != 0 && lane[l] < 0 && next < to)
                {
                    lane[l] = args.Start + next++;
                    fill = fill.WithElement(l, BitConverter.Int64BitsToDouble(-1));
                }
            }

            if (fill == Vector512<double>.Zero)
            {
                return;
            }

            long fallback = -1;
            for (int l = 0; l < V8.Width; l++)
            {
                if (lane[l] >= 0)
                {
                    fallback = lane[l];
                    break;
                }
            }

            var point = default(GridPoint<V8>);
            point.Flags = args.ModelFlags;
            for (int k = 0; k < args.AxisCount; k++)
            {
                for (int l = 0; l < V8.Width; l++)
                {
                    values[l] = source.Value(lane[l] >= 0 ? lane[l] : fallback, k);
                }

                point.Set(k, new V8(Vector512.Create(values)));
            }

            var fresh = TModel.Create(point, default);
            Blend(ref m, fresh, fill);
            var eta = fresh.StepSize.V;
            var half = Vector512.Create(0.5) * eta;
            he = Vector512.ConditionalSelect(fill, half, he);
            mL = Vector512.ConditionalSelect(fill, Vector512.Create(double.PositiveInfinity), mL);
            mS = Vector512.ConditionalSelect(fill, Vector512<double>.Zero, mS);
            mR = Vector512.ConditionalSelect(fill, Vector512<double>.Zero, mR);
            st = Vector512.ConditionalSelect(fill, Vector512<double>.Zero, st);
            var b = limits.Tau > 0
                ? Vector512.Floor((Vector512.Create(limits.Tau) / eta) + Vector512.Create(0.5))
                : Vector512.Create((double)limits.Steps);
            bu = Vector512.ConditionalSelect(fill, b, bu);
            act |= fill;
        }
    }

    /// <summary>
    /// One step, compiled as its own method: the JIT's inline budget is per compiled method, and a model step with
    /// its math (several hundred inlinees for the mean model) inlined into the driver's loop overflows it, leaving
    /// operator calls in the hot loop. As a separate root the whole step inlines; one call per step is noise.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static StepInfo<V8> StepOf<TModel>(ref TModel model)
        where TModel : struct, IGdModel<TModel, V8> => model.Step();

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static StepInfo<V8> EvaluateOf<TModel>(ref TModel model)
        where TModel : struct, IGdModel<TModel, V8> => model.Evaluate();

    /// <summary>Copies the lanes of <paramref name="mask"/> from <paramref name="source"/> into <paramref name="target"/>, field by field.</summary>
    public static void Blend<TModel>(ref TModel target, in TModel source, Vector512<double> mask)
        where TModel : struct
    {
        int n = Unsafe.SizeOf<TModel>() / Unsafe.SizeOf<V8>();
        var t = MemoryMarshal.CreateSpan(ref Unsafe.As<TModel, Vector512<double>>(ref target), n);
        var s = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<TModel, Vector512<double>>(ref Unsafe.AsRef(in source)), n);
        for (int i = 0; i < n; i++)
        {
            t[i] = Vector512.ConditionalSelect(mask, s[i], t[i]);
        }
    }
}
