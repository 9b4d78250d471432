namespace EosSweep.Core.Results;

/// <summary>
/// How a traced trajectory's rows lie in a <see cref="TraceBatch"/> buffer: each row holds the step, the loss, the
/// sharpness and the stability ratio at θ_t, then the P parameters θ_t. The slots are constants so kernels use them.
/// </summary>
public static class TraceLayout
{
    /// <summary>Slot of the step t.</summary>
    public const int StepSlot = 0;

    /// <summary>Slot of the loss L(θ_t).</summary>
    public const int LossSlot = 1;

    /// <summary>Slot of the sharpness λ_t.</summary>
    public const int SharpnessSlot = 2;

    /// <summary>Slot of the stability ratio η·λ_t/2.</summary>
    public const int StabilityRatioSlot = 3;

    /// <summary>Slot of the first parameter; parameter k sits at <c>ParameterSlot + k</c>.</summary>
    public const int ParameterSlot = 4;

    /// <summary>Doubles a row holds for a model of <paramref name="p"/> parameters.</summary>
    public static int Columns(int p) => ParameterSlot + p;
}
