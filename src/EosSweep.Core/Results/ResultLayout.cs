namespace EosSweep.Core.Results;

/// <summary>
/// How kernels lay out one batch of results: structure of arrays, one block of <c>capacity</c> values per
/// column, so column c of trajectory i sits at <c>c·capacity + i</c> (coalesced on a GPU, a zero-copy
/// slice for the writer). Doubles: the P final parameters, then <see cref="MeasureNames"/>, then the model's
/// E extra columns (ModelInfo.ExtraColumns); ints: <see cref="IntNames"/>.
/// </summary>
public static class ResultLayout
{
    /// <summary>Double measures after the final parameters, in order.</summary>
    public static IReadOnlyList<string> MeasureNames { get; } =
        [ResultColumns.FinalLoss, ResultColumns.MinLoss, ResultColumns.SharpnessFinal, ResultColumns.SharpnessMax, ResultColumns.StabilityRatio];

    /// <summary>Integer columns, in order: steps, diverged_step, regime code.</summary>
    public static IReadOnlyList<string> IntNames { get; } = [ResultColumns.Steps, ResultColumns.DivergedStep, ResultColumns.Regime];

    /// <summary>Offset of final_loss after P parameters.</summary>
    public static int FinalLoss(int p) => p;

    /// <summary>Offset of min_loss.</summary>
    public static int MinLoss(int p) => p + 1;

    /// <summary>Offset of sharpness_final.</summary>
    public static int SharpnessFinal(int p) => p + 2;

    /// <summary>Offset of sharpness_max.</summary>
    public static int SharpnessMax(int p) => p + 3;

    /// <summary>Offset of stability_ratio.</summary>
    public static int StabilityRatio(int p) => p + 4;

    /// <summary>Offset of the first extra column.</summary>
    public static int Extra(int p) => p + 5;

    /// <summary>Number of double columns for a model of P parameters and E extra columns.</summary>
    public static int DoubleCount(int p, int extras = 0) => p + 5 + extras;

    /// <summary>Int column of steps.</summary>
    public const int StepsColumn = 0;

    /// <summary>Int column of diverged_step (−1 when not).</summary>
    public const int DivergedStepColumn = 1;

    /// <summary>Int column of the regime code (<see cref="Core.Regime"/>).</summary>
    public const int RegimeColumn = 2;

    /// <summary>Number of int columns.</summary>
    public const int IntCount = 3;
}
