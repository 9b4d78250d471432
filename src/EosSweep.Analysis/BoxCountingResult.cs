namespace EosSweep.Analysis;

/// <summary>The box-counting dimension of a boundary: the slope of log N(s) against log(1/s), with its fit.</summary>
/// <param name="Dimension">The fitted dimension (NaN with fewer than two box sizes).</param>
/// <param name="RSquared">R² of the least-squares fit.</param>
/// <param name="MinBox">Smallest box side in cells.</param>
/// <param name="MaxBox">Largest box side in cells.</param>
/// <param name="Counts">(box side, boxes holding boundary cells) for every size in the fit.</param>
public sealed record BoxCountingResult(double Dimension, double RSquared, int MinBox, int MaxBox, IReadOnlyList<(int Size, int Count)> Counts);
