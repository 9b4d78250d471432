namespace EosSweep.Kernels.Numerics;

/// <summary>
/// A number type of several lanes, as the SIMD driver sees it: built from per-lane values, read back lane by
/// lane, and tested for any set lane. Every arithmetic operation is the lane-wise twin of the scalar type's
/// (<see cref="R64"/> or <see cref="R32"/>), so a model run at these lanes gives the scalar path's bits.
/// </summary>
/// <typeparam name="T">The implementing struct.</typeparam>
public interface ILanes<T> : IReal<T> where T : struct, ILanes<T>
{
    /// <summary>Lanes per value.</summary>
    static abstract int Width { get; }

    /// <summary>Lane l = <c>C(values[l])</c> (rounded to the lane type as <see cref="IReal{T}.C"/> does); needs Width values.</summary>
    static abstract T FromDoubles(ReadOnlySpan<double> values);

    /// <summary>Lane <paramref name="lane"/> as a double (exact for f64 and f32 lanes).</summary>
    static abstract double Lane(T x, int lane);

    /// <summary>True when some lane is not zero (flags are 1 or 0).</summary>
    static abstract bool AnyNonZero(T x);
}
