using EosSweep.Core.Grid;

namespace EosSweep.Storage;

/// <summary>A part file that cannot be used, and why.</summary>
/// <param name="File">Its file name in the data set directory.</param>
/// <param name="Range">The trajectories it should hold (from its name or a manifest), when known.</param>
/// <param name="Problem">What is wrong, in a few words.</param>
public sealed record DamagedPart(string File, IndexRange? Range, string Problem)
{
    /// <summary>One line: <c>part file 'F' is damaged: PROBLEM</c>.</summary>
    public string Describe(string dir) => $"part file '{Path.Combine(dir, File)}' is damaged: {Problem}";
}
