namespace EosSweep.Tests.Kernels.Independent;

/// <summary>The larger eigenvalue of the symmetric matrix [[a, b], [b, c]]: (a + c)/2 + √(((a − c)/2)² + b²).</summary>
internal static class TwoByTwo
{
    public static double LargestEigenvalue(double a, double b, double c) =>
        ((a + c) / 2) + Math.Sqrt((((a - c) / 2) * ((a - c) / 2)) + (b * b));
}
