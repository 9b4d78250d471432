using EosSweep.Kernels.Losses;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Execution;

/// <summary>
/// What a model registers besides its ModelInfo: how to close its struct over a loss and a number type.
/// The engine dispatches (loss, precision) to <see cref="Make{TLoss, T}"/> once, so a model never
/// enumerates losses or precisions itself.
/// </summary>
public interface IKernelFamily
{
    /// <summary>The trajectory kernel of this model for loss <typeparamref name="TLoss"/> in number type <typeparamref name="T"/>.</summary>
    ITrajectoryKernel Make<TLoss, T>()
        where TLoss : struct, ILoss
        where T : struct, IScalar<T>;

    /// <summary>
    /// A group-per-trajectory kernel for <paramref name="spec"/> (threads of a group share one trajectory's per-sample
    /// work), or null when one thread per trajectory is the better fit (the default).
    /// </summary>
    ITrajectoryKernel? MakeGrouped<TLoss, T>(EosSweep.Core.SweepSpec spec)
        where TLoss : struct, ILoss
        where T : struct, IScalar<T> => null;

    /// <summary>
    /// An f64 CPU kernel of its own for loss <typeparamref name="TLoss"/> when the model cannot offer one per lane type
    /// through <see cref="MakeSimd{TLoss, T, TW}"/>, or null (the default: those lanes serve; sparse-coding, vectorised
    /// over samples, answers there too, with its samples in the f64 lanes asked for).
    /// </summary>
    Simd.ISimdKernel? MakeSimd<TLoss>()
        where TLoss : struct, ILoss => null;

    /// <summary>
    /// The CPU SIMD twin for loss <typeparamref name="TLoss"/> at lanes <typeparamref name="T"/> (f64 or f32), or null
    /// when the model's struct cannot run at lanes; the engine picks the lane type the machine runs fastest.
    /// </summary>
    Simd.ISimdKernel? MakeSimd<TLoss, T, TW>()
        where TLoss : struct, ILoss
        where T : struct, ISimdReal<T, TW>
        where TW : struct, ILanes<TW> => null;
}
