using EosSweep.Kernels.Losses;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Models;

/// <summary>
/// How a sparse-coding trajectory walks its n samples: one thread over all of them (<see cref="SequentialSamples"/>),
/// the threads of a GPU group over a share each with a shared-memory reduction (<see cref="GroupSamples"/>), or a sample
/// per SIMD lane on the CPU (Simd.SimdSamples, four or eight lanes). The per-sample math is <see cref="SharedSums{T}.Add{TLoss}"/>
/// in every case; only the order of the additions differs.
/// </summary>
public interface ISampleLoop
{
    /// <summary>The training sums of the shared-layer step at (a₊, a₋, b), over every sample of <paramref name="set"/>.</summary>
    static abstract SharedSums<T> Sum<TLoss, T>(in SampleSet set, T aPlus, T aMinus, T b)
        where TLoss : struct, ILoss
        where T : struct, IScalar<T>;

    /// <summary>How many samples of <paramref name="set"/> the shared-layer network at (a₊, a₋, b) classifies correctly (y·f &gt; 0).</summary>
    static abstract long CountCorrect<T>(in SampleSet set, T aPlus, T aMinus, T b)
        where T : struct, IScalar<T>;
}
