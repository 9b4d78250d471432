using EosSweep.Kernels.Numerics;
using ILGPU;

namespace EosSweep.Kernels.Models;

/// <summary>
/// One kernel thread's <see cref="IMlpMemory{T, TW}"/>: its slots in per-trajectory scratch (structure of arrays, slot e
/// of row r at e·stride + r, coalesced on a GPU) and its key's block of the shared data; bookkeeping in double.
/// </summary>
/// <typeparam name="T">The scalar number type.</typeparam>
/// <param name="scratch">Per-trajectory scratch.</param>
/// <param name="stride">Rows of the scratch.</param>
/// <param name="row">This trajectory's row.</param>
/// <param name="data">The shared data.</param>
/// <param name="block">Where this trajectory's key block starts in <paramref name="data"/>.</param>
public readonly struct MlpScratch<T>(ArrayView<double> scratch, long stride, long row, ArrayView<double> data, long block)
    : IMlpMemory<T, R64>, IMlpInitialSink
    where T : struct, IScalar<T>
{
    private readonly ArrayView<double> _scratch = scratch;
    private readonly ArrayView<double> _data = data;
    private readonly long _stride = stride;
    private readonly long _row = row;
    private readonly long _block = block;

    /// <inheritdoc/>
    public T Get(long slot) => T.C(_scratch[(slot * _stride) + _row]);

    /// <inheritdoc/>
    public void Set(long slot, T value) => _scratch[(slot * _stride) + _row] = T.ToDouble(value);

    /// <inheritdoc/>
    public T Data(long offset) => T.C(_data[_block + offset]);

    /// <inheritdoc/>
    public void Put(long slot, double value) => Set(slot, T.C(value));

    /// <inheritdoc/>
    public static R64 Wide(T x) => new(T.ToDouble(x));

    /// <inheritdoc/>
    public static T Narrow(R64 x) => T.C(x.V);

    /// <inheritdoc/>
    public static bool Any(R64 flags) => flags.V != 0;
}
