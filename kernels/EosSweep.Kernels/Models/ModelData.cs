using ILGPU;

namespace EosSweep.Kernels.Models;

/// <summary>
/// Device memory a model reads besides its grid point: for example the sorted training and test sets of
/// the sparse-coding model, one block per data key. Models without data get empty views. The layout is the
/// model's own (its <see cref="Execution.IModelDataProvider"/> writes it).
/// </summary>
/// <param name="doubles">Double data.</param>
/// <param name="ints">Integer data (headers, offsets).</param>
public readonly struct ModelData(ArrayView<double> doubles, ArrayView<int> ints)
{
    /// <summary>Double data.</summary>
    public readonly ArrayView<double> Doubles = doubles;

    /// <summary>Integer data.</summary>
    public readonly ArrayView<int> Ints = ints;
}
