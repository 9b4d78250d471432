using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using EosSweep.Kernels.Models;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Simd;

/// <summary>
/// A lane set's <see cref="IMlpMemory{T, TW}"/>: slot e of every lane in one vector (<c>slots[e]</c>, contiguous, the
/// lanes side by side), and the data set as vectors too (<c>data[o]</c> = element o of each lane's key block; one
/// broadcast value when the lanes share a seed). Indexing is unchecked and through raw pointers into pinned arrays
/// (<see cref="Pin"/>): the GEMM-like loops are bound by instruction issue, and a pointer access is one shift and a
/// load where an array access adds a null check and a header offset. <see cref="MlpLanes{T, TW}"/> allocates both
/// arrays pinned, keeps them alive, and sizes them for the lane set's (m, d, n); the network reads nothing beyond them.
/// </summary>
/// <typeparam name="T">The lane number type.</typeparam>
/// <typeparam name="TW">Double lanes of the same width.</typeparam>
public readonly unsafe struct MlpLaneMemory<T, TW> : IMlpMemory<T, TW>
    where T : struct, ISimdReal<T, TW>
    where TW : struct, ILanes<TW>
{
    private readonly byte* _slots;
    private readonly byte* _data;

    /// <summary>The memory over <paramref name="slots"/> and <paramref name="data"/>, both allocated by <see cref="Pin"/>.</summary>
    /// <param name="slots">The slots (<see cref="MlpData.ScratchPerTrajectory"/> vectors).</param>
    /// <param name="data">The data blocks (n·(d + 1) vectors).</param>
    public MlpLaneMemory(T[] slots, T[] data)
    {
        _slots = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(slots));
        _data = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(data));
    }

    /// <summary>An array of <paramref name="length"/> vectors on the pinned object heap (it never moves).</summary>
    public static T[] Pin(long length) => GC.AllocateArray<T>((int)length, pinned: true);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Get(long slot) => Unsafe.Add(ref Unsafe.AsRef<T>(_slots), (nint)slot);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Set(long slot, T value) => Unsafe.Add(ref Unsafe.AsRef<T>(_slots), (nint)slot) = value;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Data(long offset) => Unsafe.Add(ref Unsafe.AsRef<T>(_data), (nint)offset);

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
