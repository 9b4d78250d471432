namespace EosSweep.Kernels.Numerics;

/// <summary>A number type with one lane, which the scalar trajectory driver can branch on.</summary>
/// <typeparam name="T">The implementing struct.</typeparam>
public interface IScalar<T> : IReal<T> where T : struct, IScalar<T>
{
    /// <summary>The value as a double (exact for both f64 and f32).</summary>
    static abstract double ToDouble(T x);
}
