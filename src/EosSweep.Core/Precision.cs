namespace EosSweep.Core;

/// <summary>Floating-point precision of the kernel arithmetic.</summary>
public enum Precision
{
    /// <summary>IEEE binary64 (default; the reference for boundary work).</summary>
    F64,

    /// <summary>IEEE binary32.</summary>
    F32,
}
