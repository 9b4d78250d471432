namespace EosSweep.Analysis;

/// <summary>How an axis's values become plot coordinates.</summary>
internal enum AxisScale
{
    /// <summary>The value itself (evenly spaced axes).</summary>
    Linear,

    /// <summary>log10 of the value (log-spaced axes); tick labels show the values.</summary>
    Log10,

    /// <summary>The value's rank among the axis's values (unevenly spaced lists); tick labels show the values.</summary>
    Index,
}
