using EosSweep.Kernels.Losses;
using EosSweep.Kernels.Numerics;
using ILGPU;
using ILGPU.Algorithms;
using ILGPU.Algorithms.ScanReduceOperations;

namespace EosSweep.Kernels.Models;

/// <summary>
/// The threads of a group share one trajectory: thread j takes samples j, j + G, j + 2G, … and the partial sums meet
/// in shared-memory all-reductions (ILGPU.Algorithms' <see cref="GroupExtensions.AllReduce{T, TReduction}"/>), so every
/// thread holds the same totals and takes the same GD step, and the trajectory driver runs unchanged on each.
/// Only valid inside an explicitly grouped kernel (Execution.GroupSweepKernel). The sums are reassociated against
/// <see cref="SequentialSamples"/> (a tree per group, in double); the reduction order is fixed by the group size, so
/// results are reproducible on one device.
/// </summary>
public readonly struct GroupSamples : ISampleLoop
{
    /// <inheritdoc/>
    public static SharedSums<T> Sum<TLoss, T>(in SampleSet set, T aPlus, T aMinus, T b)
        where TLoss : struct, ILoss
        where T : struct, IScalar<T>
    {
        var s = SharedSums<T>.Zero;
        for (long k = Group.IdxX; k < set.Count; k += Group.DimX)
        {
            set.Features(k, b, out T plus, out T minus, out T countPlus, out T countMinus);
            s.Add<TLoss>(plus, minus, countPlus, countMinus, T.C(set.Label(k)), aPlus, aMinus);
        }

        s.Loss = Total(s.Loss);
        s.G1 = Total(s.G1);
        s.G2 = Total(s.G2);
        s.G3 = Total(s.G3);
        s.H11 = Total(s.H11);
        s.H12 = Total(s.H12);
        s.H13 = Total(s.H13);
        s.H22 = Total(s.H22);
        s.H23 = Total(s.H23);
        s.H33 = Total(s.H33);
        return s;
    }

    /// <inheritdoc/>
    public static long CountCorrect<T>(in SampleSet set, T aPlus, T aMinus, T b)
        where T : struct, IScalar<T>
    {
        long correct = 0;
        for (long k = Group.IdxX; k < set.Count; k += Group.DimX)
        {
            set.Features(k, b, out T plus, out T minus, out _, out _);
            double f = T.ToDouble((aPlus * plus) + (aMinus * minus));
            correct += f * set.Label(k) > 0 ? 1 : 0;
        }

        return GroupExtensions.AllReduce<long, AddInt64>(correct);
    }

    /// <summary>The group's total of a per-thread partial sum, on every thread (summed in double: exact widening for f32).</summary>
    private static T Total<T>(T partial)
        where T : struct, IScalar<T> => T.C(GroupExtensions.AllReduce<double, AddDouble>(T.ToDouble(partial)));
}
