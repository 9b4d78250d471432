using EosSweep.Core;
using EosSweep.Core.Models;

namespace EosSweep.Analysis;

/// <summary>What <see cref="Summarizer.Summarize"/> wrote and found, for the CLI to print.</summary>
/// <param name="ReportDirectory">The folder written into (full path).</param>
/// <param name="Files">Full paths of the files written, figures first, <c>summary.csv</c> last.</param>
/// <param name="Rows">Rows (trajectories) in the table.</param>
/// <param name="RegimeCounts">Rows per regime, every regime present (zero counts included).</param>
/// <param name="Checks">The model's theory checks (<see cref="ModelInfo.Checks"/>), in its order.</param>
/// <param name="XAxis">Axis on the horizontal of the figures, or null when no figure was drawn.</param>
/// <param name="YAxis">Axis on the vertical of the phase diagrams, or null for curves or no figure.</param>
/// <param name="Notes">Remarks on what was not drawn and why (a missing column, for example).</param>
public sealed record SummaryResult(
    string ReportDirectory,
    IReadOnlyList<string> Files,
    long Rows,
    IReadOnlyDictionary<Regime, long> RegimeCounts,
    IReadOnlyList<TheoryCheck> Checks,
    string? XAxis,
    string? YAxis,
    IReadOnlyList<string> Notes)
{
    /// <summary>The fraction of rows in a regime (0 for an empty table).</summary>
    public double Fraction(Regime regime) =>
        Rows == 0 ? 0 : (double)RegimeCounts.GetValueOrDefault(regime) / Rows;
}
