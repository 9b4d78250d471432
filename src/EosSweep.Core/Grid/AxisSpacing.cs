namespace EosSweep.Core.Grid;

/// <summary>How an axis's values are laid out; decides linear or log plot scales.</summary>
public enum AxisSpacing
{
    /// <summary>An explicit list of values (one value makes a constant).</summary>
    List,

    /// <summary>Evenly spaced values between two ends, both included.</summary>
    Linear,

    /// <summary>Geometrically spaced values between two positive ends, both included.</summary>
    Log,
}
