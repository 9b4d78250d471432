namespace EosSweep.Core.Models;

/// <summary>A predicted threshold on one axis, drawn as a dashed line (for example η* = 8π/d²).</summary>
/// <param name="Label">Legend text, with the formula and value.</param>
/// <param name="Axis">The axis the threshold lives on.</param>
/// <param name="Value">The threshold.</param>
public sealed record TheoryMarker(string Label, string Axis, double Value);
