namespace EosSweep.Core.Models;

/// <summary>
/// A theory prediction drawn over a figure: the polyline y = f(x) where <see cref="X"/> names an axis
/// and <see cref="Y"/> names an axis (a phase boundary in a 2-axis grid) or a result column
/// (a predicted value against a 1-axis grid).
/// </summary>
/// <param name="Label">Legend text, with the formula.</param>
/// <param name="X">Axis on the horizontal.</param>
/// <param name="Y">Axis or column on the vertical.</param>
/// <param name="Points">Samples of the curve, in x order; NaN y breaks the line.</param>
/// <param name="GfBoundary">
/// True when a 2-axis curve predicts the gf / not-gf regime boundary, so the summarizer measures the distance
/// from the measured boundary to it; false for other predicted lines drawn for orientation (for example a
/// divergence threshold, or a sufficient condition).
/// </param>
public sealed record TheoryCurve(string Label, string X, string Y, IReadOnlyList<(double X, double Y)> Points, bool GfBoundary = true);
