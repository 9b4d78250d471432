namespace EosSweep.Core.Models;

/// <summary>One comparison of a finished sweep with the theory in docs/models.md.</summary>
/// <param name="Name">Short identifier (snake_case), a row of summary.csv.</param>
/// <param name="Description">What was compared, in words.</param>
/// <param name="Value">The measured figure.</param>
/// <param name="Expected">The predicted figure or the acceptance rule, as text.</param>
/// <param name="Passed">Whether the measurement meets the prediction; null when it cannot be judged.</param>
public sealed record TheoryCheck(string Name, string Description, double Value, string Expected, bool? Passed);
