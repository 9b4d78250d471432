namespace EosSweep.Core.Models;

/// <summary>One axis a model takes: a grid coordinate that sets a trajectory's start or constants.</summary>
/// <param name="Name">snake_case name; the CLI flag is <c>--</c> plus the name with '-' for '_'.</param>
/// <param name="Default">Value used when the user gives none.</param>
/// <param name="Description">What it is, for help and the README.</param>
/// <param name="Integer">Values are integers (sizes, seeds); stored as int64 columns.</param>
/// <param name="PositiveOnly">Values must be &gt; 0 (step sizes, sizes).</param>
public sealed record AxisInfo(string Name, double Default, string Description, bool Integer = false, bool PositiveOnly = false)
{
    /// <summary>The command-line flag for this axis.</summary>
    public string Flag => "--" + Name.Replace('_', '-');
}
