namespace EosSweep.Storage;

/// <summary>
/// The data set was started by another engine version, so this one may not continue it: a trajectory's bits are
/// promised only within one engine version.
/// </summary>
/// <param name="directory">The data set directory.</param>
/// <param name="recorded">The engine version sweep.json records, as <see cref="DataSetLayout.Describe"/> words it.</param>
/// <param name="current">This engine's version.</param>
public sealed class OtherEngineException(string directory, string recorded, string current)
    : DataSetException(directory, $"'{directory}' was started by engine {recorded} and this is engine {current}: results are bit-identical only within one engine version")
{
    /// <summary>The version that started the data set.</summary>
    public string Recorded { get; } = recorded;

    /// <summary>This engine's version.</summary>
    public string Current { get; } = current;
}
