using EosSweep.Core;

namespace EosSweep.Tests.Analysis;

/// <summary>
/// A made-up sweep of a built-in model whose rows satisfy every judged theory check of its summary, and which breaks
/// one named check when asked: the row function gets the grid point (axis values by name) and the check to break
/// (null for none), and changes only the rows that check judges.
/// </summary>
/// <param name="Variant">A name for the scenario (the model, plus its options when it has several).</param>
/// <param name="Settings">The sweep (model, axes, options, steps).</param>
/// <param name="Checks">Every check the summary judges (pass or fail) on this sweep; each has a row function that breaks it.</param>
/// <param name="Row">The result of one grid point, with the check to break or null.</param>
/// <param name="AlsoBreaks">Checks that necessarily fail with a broken one (its key), by the theory's own logic.</param>
internal sealed record CheckScenario(
    string Variant,
    SweepSettings Settings,
    IReadOnlyList<string> Checks,
    Func<Func<string, double>, string?, SyntheticRow> Row,
    IReadOnlyDictionary<string, string[]>? AlsoBreaks = null)
{
    public override string ToString() => Variant;
}
