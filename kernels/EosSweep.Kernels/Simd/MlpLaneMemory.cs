using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using EosSweep.Kernels.Models;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Simd;

/// <summary>
/// A lane group's <see cref="IMlpMemory{T, TW}"/>: slot e of every lane in one vector (<c>slots[e]</c>, contiguous, the
/// lanes side by side), and the data set as vectors too (<c>data[o]</c> = element o of each lane's key block; one
/// broadcast value when the lanes share a seed). Indexing is unchecked: <see cref="MlpLanes{T, TW}"/> sizes both
/// arrays for the group's (m, d, n), and the network reads no slot or element beyond them.
/// </summary>
/// <typeparam name="T">The lane number type.</typeparam>
/// <typeparam name="TW">Double lanes of the same width.</typeparam>
/// <param name="slots">The slots (<see cref="MlpData.ScratchPerTrajectory"/> vectors).</param>
/// <param name="data">The data blocks (n·(d + 1) vectors).</param>
public readonly struct MlpLaneMemory<T, TW>(T[] slots, T[] data) : IMlpMemory<T, TW>
    where T : struct, ISimdReal<T, TW>
    where TW : struct, ILanes<TW>
{
    private readonly T[] _slots = slots;
    private readonly T[] _data = data;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Get(long slot) => Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_slots), (nint)slot);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Set(long slot, T value) => Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_slots), (nint)slot) = value;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Data(long offset) => Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_data), (nint)offset);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TW Wide(T x) => T.Widen(x);

    /// <inheritdoc/>
    public static T Narrow(TW x)
    {
        Span<double> lanes = stackalloc double[T.Width];
        for (int l = 0; l < lanes.Length; l++)
        {
            lanes[l] = TW.Lane(x, l);
        }

        return T.FromDoubles(lanes);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(TW flags) => TW.AnyNonZero(flags);
}
