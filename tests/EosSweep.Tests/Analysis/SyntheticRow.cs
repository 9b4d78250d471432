using EosSweep.Core;

namespace EosSweep.Tests.Analysis;

/// <summary>One trajectory's stored result: the final parameters, the measures, the model's extra columns and the regime.</summary>
internal sealed record SyntheticRow(double[] Parameters, Regime Regime)
{
    public double FinalLoss { get; init; } = 1e-6;

    public double SharpnessFinal { get; init; } = 1.0;

    public double SharpnessMax { get; init; } = double.NaN;

    public double Ratio { get; init; } = 0.5;

    public int Steps { get; init; } = 1000;

    /// <summary>Extra columns by name (ModelInfo.ExtraColumns); absent ones are stored as NaN.</summary>
    public IReadOnlyDictionary<string, double> Extras { get; init; } = new Dictionary<string, double>();
}
