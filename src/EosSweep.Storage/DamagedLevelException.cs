namespace EosSweep.Storage;

/// <summary>A level file of a refined sweep that <c>refine.json</c> records is missing or damaged.</summary>
/// <param name="directory">The refined sweep's directory.</param>
/// <param name="problem">The file and what is wrong with it, in one line.</param>
/// <param name="whileReading">Whether it was found while reading the results (rather than while resuming the run).</param>
public sealed class DamagedLevelException(string directory, string problem, bool whileReading)
    : DataSetException(directory, problem)
{
    /// <summary>Whether it was found while reading the results (rather than while resuming the run).</summary>
    public bool WhileReading { get; } = whileReading;
}
