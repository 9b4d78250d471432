using EosSweep.Kernels.Models;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Simd;

/// <summary>
/// A model on the CPU SIMD path whose lanes keep state outside the struct (per-trajectory memory too large for
/// registers, such as the mlp network's parameters) and that reads shared data and writes extra columns: a set of
/// <typeparamref name="T"/> lanes, one trajectory per lane, driven by <see cref="SimdStatefulDriver{TModel, T, TW}"/>.
/// The model refills its own lanes (memory included) and finishes only the lanes asked, so lanes that start at
/// different steps keep the scalar kernel's bits.
/// </summary>
/// <typeparam name="TSelf">The implementing struct.</typeparam>
/// <typeparam name="T">The lane number type.</typeparam>
/// <typeparam name="TW">Double lanes of the same width (bookkeeping).</typeparam>
public interface ISimdStatefulModel<TSelf, T, TW>
    where TSelf : struct, ISimdStatefulModel<TSelf, T, TW>
    where T : struct, ISimdReal<T, TW>
    where TW : struct, ILanes<TW>
{
    /// <summary>Number of trained parameters (the <c>final_*</c> columns).</summary>
    static abstract int ParameterCount { get; }

    /// <summary>Model-specific result columns.</summary>
    static abstract int ExtraCount { get; }

    /// <summary>Whether the lanes can run <paramref name="spec"/> (else it runs on the kernel).</summary>
    static abstract bool Serves(Core.SweepSpec spec);

    /// <summary>A lane set with no trajectory yet, reading <paramref name="data"/> (host-readable views).</summary>
    static abstract TSelf Open(in ModelData data);

    /// <summary>The step size η per lane (what the stability ratio refers to).</summary>
    T StepSize { get; }

    /// <summary>
    /// Starts the trajectories of <paramref name="point"/> (lane values) in the lanes where <paramref name="fill"/> is
    /// 1; the other lanes go on untouched. The first call fills every lane (<paramref name="fill"/> may leave some
    /// without a trajectory; they run the point's values and are never read).
    /// </summary>
    /// <param name="point">Lane values of the grid point (Index, Seed and Row unused).</param>
    /// <param name="indices">Grid index per lane.</param>
    /// <param name="seeds">Seed per lane.</param>
    /// <param name="fill">1 or 0 per lane.</param>
    void Refill(in GridPoint<T> point, ReadOnlySpan<long> indices, ReadOnlySpan<ulong> seeds, ReadOnlySpan<double> fill);

    /// <summary>One GD step of every lane (IGdModel.Step).</summary>
    StepInfo<T> Step();

    /// <summary>Loss and sharpness at the current point (IGdModel.Evaluate), recorded as final in the lanes of <paramref name="final"/> only.</summary>
    StepInfo<T> Evaluate(TW final);

    /// <summary>Parameter <paramref name="k"/> per lane.</summary>
    T Parameter(int k);

    /// <summary>Extra column <paramref name="k"/> per lane.</summary>
    TW Extra(int k);
}
