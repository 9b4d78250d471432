namespace EosSweep.Kernels.Execution;

/// <summary>The bookkeeping of one finished trajectory (the final parameters stay in the model).</summary>
public struct TrajectoryOutcome
{
    /// <summary>Loss at the final parameters.</summary>
    public double FinalLoss;

    /// <summary>Smallest loss seen, final point included.</summary>
    public double MinLoss;

    /// <summary>Sharpness at the final parameters.</summary>
    public double SharpnessFinal;

    /// <summary>Largest sharpness seen, final point included.</summary>
    public double SharpnessMax;

    /// <summary>η·SharpnessFinal/2.</summary>
    public double StabilityRatio;

    /// <summary>GD steps taken.</summary>
    public int Steps;

    /// <summary>Step at which it diverged, −1 when it did not.</summary>
    public int DivergedStep;

    /// <summary>The regime code (EosSweep.Core.Regime).</summary>
    public int Regime;
}
