namespace EosSweep.Kernels.Numerics;

public static partial class PMath
{
    /// <summary>The larger eigenvalue of the symmetric 2×2 matrix [[a, b], [b, c]]: (a+c)/2 + √(((a−c)/2)² + b²).</summary>
    public static T MaxEigenvalue2<T>(T a, T b, T c) where T : struct, IReal<T>
    {
        T mean = T.C(0.5) * (a + c);
        T half = T.C(0.5) * (a - c);
        return mean + T.Sqrt((half * half) + (b * b));
    }
}
