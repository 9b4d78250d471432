using EosSweep.Kernels.Losses;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Models;

/// <summary>One thread walks every sample in order: the scalar reference, and one thread per trajectory in kernels.</summary>
public readonly struct SequentialSamples : ISampleLoop
{
    /// <inheritdoc/>
    public static SharedSums<T> Sum<TLoss, T>(in SampleSet set, T aPlus, T aMinus, T b)
        where TLoss : struct, ILoss
        where T : struct, IScalar<T>
    {
        var s = SharedSums<T>.Zero;
        for (long k = 0; k < set.Count; k++)
        {
            set.Features(k, b, out T plus, out T minus, out T countPlus, out T countMinus);
            s.Add<TLoss>(plus, minus, countPlus, countMinus, T.C(set.Label(k)), aPlus, aMinus);
        }

        return s;
    }

    /// <inheritdoc/>
    public static long CountCorrect<T>(in SampleSet set, T aPlus, T aMinus, T b)
        where T : struct, IScalar<T>
    {
        long correct = 0;
        for (long k = 0; k < set.Count; k++)
        {
            set.Features(k, b, out T plus, out T minus, out _, out _);
            double f = T.ToDouble((aPlus * plus) + (aMinus * minus));
            correct += f * set.Label(k) > 0 ? 1 : 0;
        }

        return correct;
    }
}
