namespace EosSweep.Storage;

/// <summary>The output directory holds a data set other than the one asked for (replacing it would delete it).</summary>
/// <param name="directory">The output directory.</param>
/// <param name="held">What it holds, as a noun phrase: <see cref="DifferentSweep"/>, <see cref="DifferentRefinedSweep"/>,
/// <see cref="DenseSweep"/>, or an unreadable sweep.json and why.</param>
public sealed class OtherSweepException(string directory, string held)
    : DataSetException(directory, $"output directory '{directory}' holds {held}")
{
    /// <summary>A dense sweep with another spec.</summary>
    public const string DifferentSweep = "a different sweep";

    /// <summary>A refined sweep with another coarse spec, levels or margin.</summary>
    public const string DifferentRefinedSweep = "a different refined sweep";

    /// <summary>A dense sweep where a refined one was asked for.</summary>
    public const string DenseSweep = "a dense sweep";

    /// <summary>What the directory holds, as a noun phrase.</summary>
    public string Held { get; } = held;

    /// <summary>The phrase for a sweep.json that cannot be read.</summary>
    public static string UnreadableSweepFile(string why) => $"an unreadable sweep.json ({why})";
}
