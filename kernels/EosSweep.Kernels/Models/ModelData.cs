using ILGPU;

namespace EosSweep.Kernels.Models;

/// <summary>
/// Device memory a model reads besides its grid point: shared data (for example the sorted training and test
/// sets of the sparse-coding model, one block per data key), and per-trajectory scratch for models whose
/// state does not fit in registers (element e of batch row r at <c>e·ScratchStride + r</c>, coalesced on a
/// GPU). Models without data get one-element views. The data layout is the model's own (its
/// <see cref="Execution.IModelDataProvider"/> writes it).
/// </summary>
/// <param name="doubles">Shared double data.</param>
/// <param name="ints">Shared integer data (headers, offsets).</param>
/// <param name="scratch">Per-trajectory scratch.</param>
/// <param name="scratchStride">Rows of the scratch (the batch capacity).</param>
public readonly struct ModelData(ArrayView<double> doubles, ArrayView<int> ints, ArrayView<double> scratch, int scratchStride)
{
    /// <summary>Shared double data.</summary>
    public readonly ArrayView<double> Doubles = doubles;

    /// <summary>Shared integer data.</summary>
    public readonly ArrayView<int> Ints = ints;

    /// <summary>Per-trajectory scratch, structure of arrays.</summary>
    public readonly ArrayView<double> Scratch = scratch;

    /// <summary>Rows of the scratch.</summary>
    public readonly int ScratchStride = scratchStride;
}
