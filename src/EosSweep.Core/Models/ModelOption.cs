namespace EosSweep.Core.Models;

/// <summary>A model switch with a closed set of values, e.g. <c>--normalization mean|sum</c>.</summary>
/// <param name="Name">snake_case name; the flag is <c>--</c> plus the name with '-' for '_'.</param>
/// <param name="Values">Allowed values, in kernel code order.</param>
/// <param name="Default">The value when none is given.</param>
/// <param name="Description">What it switches, for help and the README.</param>
public sealed record ModelOption(string Name, IReadOnlyList<string> Values, string Default, string Description)
{
    /// <summary>The command-line flag.</summary>
    public string Flag => "--" + Name.Replace('_', '-');
}
