using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Models;

/// <summary>
/// One trajectory's grid coordinates, in the model's axis order (slot k = axis k of its ModelInfo),
/// plus its index and seed. At most <see cref="MaxAxes"/> axes.
/// </summary>
/// <typeparam name="T">The number type.</typeparam>
public struct GridPoint<T> where T : struct, IReal<T>
{
    /// <summary>Most axes a model may have.</summary>
    public const int MaxAxes = 12;

    /// <summary>Axis values by slot.</summary>
    public T V0, V1, V2, V3, V4, V5, V6, V7, V8, V9, V10, V11;

    /// <summary>The trajectory's grid index.</summary>
    public long Index;

    /// <summary>The integer seed (0 when the model has no seed axis).</summary>
    public ulong Seed;

    /// <summary>The trajectory's row in its batch (its column in per-trajectory scratch).</summary>
    public int Row;

    /// <summary>The model's option values (ModelInfo.OptionFlags: option i in bits 4i..4i+3).</summary>
    public int Flags;

    /// <summary>Sets slot <paramref name="k"/>.</summary>
    public void Set(int k, T v)
    {
        switch (k)
        {
            case 0: V0 = v; break;
            case 1: V1 = v; break;
            case 2: V2 = v; break;
            case 3: V3 = v; break;
            case 4: V4 = v; break;
            case 5: V5 = v; break;
            case 6: V6 = v; break;
            case 7: V7 = v; break;
            case 8: V8 = v; break;
            case 9: V9 = v; break;
            case 10: V10 = v; break;
            default: V11 = v; break;
        }
    }
}
