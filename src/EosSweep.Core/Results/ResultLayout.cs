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

    /// <summary>Slot of final_loss among the measures (column <c>P + slot</c>); the slots are constants so kernels use them.</summary>
    public const int FinalLossSlot = 0;

    /// <summary>Slot of min_loss among the measures.</summary>
    public const int MinLossSlot = 1;

    /// <summary>Slot of sharpness_final among the measures.</summary>
    public const int SharpnessFinalSlot = 2;

    /// <summary>Slot of sharpness_max among the measures.</summary>
    public const int SharpnessMaxSlot = 3;

    /// <summary>Slot of stability_ratio among the measures.</summary>
    public const int StabilityRatioSlot = 4;

    /// <summary>Number of measures; the model's extra columns follow them.</summary>
    public const int MeasureCount = 5;

    /// <summary>Offset of final_loss after P parameters.</summary>
    public static int FinalLoss(int p) => p + FinalLossSlot;

    /// <summary>Offset of min_loss.</summary>
    public static int MinLoss(int p) => p + MinLossSlot;

    /// <summary>Offset of sharpness_final.</summary>
    public static int SharpnessFinal(int p) => p + SharpnessFinalSlot;

    /// <summary>Offset of sharpness_max.</summary>
    public static int SharpnessMax(int p) => p + SharpnessMaxSlot;

    /// <summary>Offset of stability_ratio.</summary>
    public static int StabilityRatio(int p) => p + StabilityRatioSlot;

    /// <summary>Offset of the first extra column.</summary>
    public static int Extra(int p) => p + MeasureCount;

    /// <summary>Offset of extra column <paramref name="e"/>.</summary>
    public static int Extra(int p, int e) => p + MeasureCount + e;

    /// <summary>Number of double columns for a model of P parameters and E extra columns.</summary>
    public static int DoubleCount(int p, int extras = 0) => p + MeasureCount + extras;

    /// <summary>Int column of steps.</summary>
    public const int StepsColumn = 0;

    /// <summary>Int column of diverged_step (−1 when not).</summary>
    public const int DivergedStepColumn = 1;

    /// <summary>Int column of the regime code (<see cref="Core.Regime"/>).</summary>
    public const int RegimeColumn = 2;

    /// <summary>Number of int columns.</summary>
    public const int IntCount = 3;
}
