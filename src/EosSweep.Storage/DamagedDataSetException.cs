namespace EosSweep.Storage;

/// <summary>A part of the data set cannot be used (the first damage found; a resume recomputes it).</summary>
public sealed class DamagedDataSetException(string directory, DamagedPart part)
    : DataSetException(directory, part.Describe(directory))
{
    /// <summary>The damaged part and what is wrong with it.</summary>
    public DamagedPart Part { get; } = part;
}
