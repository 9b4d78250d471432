namespace EosSweep.Kernels.Numerics;

/// <summary>
/// A SIMD number type a model runs at, with the double lanes <typeparamref name="TW"/> of the same width that the
/// driver keeps its bookkeeping in: the scalar driver converts every value to double (exact for f32) before
/// comparing it with the limits, and so must the lanes, or an f32 ratio η·λ/2 would round where the scalar one does not.
/// </summary>
/// <typeparam name="T">The implementing struct.</typeparam>
/// <typeparam name="TW">Double lanes, as many as <typeparamref name="T"/> has.</typeparam>
public interface ISimdReal<T, TW> : ILanes<T>
    where T : struct, ISimdReal<T, TW>
    where TW : struct, ILanes<TW>
{
    /// <summary>Each lane converted to double (exact).</summary>
    static abstract TW Widen(T x);
}
