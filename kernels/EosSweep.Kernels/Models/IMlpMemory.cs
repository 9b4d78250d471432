using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Models;

/// <summary>
/// Where <see cref="MlpNetwork{T, TW, TMem}"/> keeps its per-trajectory slots and reads its data set: per-thread
/// scratch in an ILGPU kernel (<see cref="MlpScratch{T}"/>, one trajectory), or a lane-vector buffer on the CPU SIMD
/// path (one trajectory per lane, every slot a <typeparamref name="T"/>). The network's math is written once over this
/// interface, so both run the same operations in the same order.
/// </summary>
/// <typeparam name="T">The number type the network computes in.</typeparam>
/// <typeparam name="TW">Double values of as many lanes, for the bookkeeping the scalar driver keeps in double.</typeparam>
public interface IMlpMemory<T, TW>
    where T : struct, IReal<T>
    where TW : struct, IReal<TW>
{
    /// <summary>Slot <paramref name="slot"/> of the trajectory's state (layout: <see cref="MlpData.ScratchPerTrajectory"/>).</summary>
    T Get(long slot);

    /// <summary>Stores <paramref name="value"/> in slot <paramref name="slot"/>.</summary>
    void Set(long slot, T value);

    /// <summary>Element <paramref name="offset"/> of the trajectory's data block (X row by row, then y).</summary>
    T Data(long offset);

    /// <summary>Each lane as a double (exact).</summary>
    static abstract TW Wide(T x);

    /// <summary>Each lane of a 1/0 flag as <typeparamref name="T"/> (exact).</summary>
    static abstract T Narrow(TW x);

    /// <summary>Whether some lane of a 1/0 flag is set.</summary>
    static abstract bool Any(TW flags);
}
