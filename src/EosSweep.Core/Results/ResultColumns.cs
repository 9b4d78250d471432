namespace EosSweep.Core.Results;

/// <summary>The data set's column names (snake_case), one place for all of them.</summary>
public static class ResultColumns
{
    /// <summary>Grid index of the trajectory (int64).</summary>
    public const string TrajId = "traj_id";

    /// <summary>Model name (string).</summary>
    public const string Model = "model";

    /// <summary>Loss name (string).</summary>
    public const string Loss = "loss";

    /// <summary>Loss at the final parameters.</summary>
    public const string FinalLoss = "final_loss";

    /// <summary>Smallest loss seen along the run.</summary>
    public const string MinLoss = "min_loss";

    /// <summary>Largest Hessian eigenvalue at the final parameters.</summary>
    public const string SharpnessFinal = "sharpness_final";

    /// <summary>Largest sharpness along the run (final point included).</summary>
    public const string SharpnessMax = "sharpness_max";

    /// <summary>η·sharpness_final/2.</summary>
    public const string StabilityRatio = "stability_ratio";

    /// <summary>GD steps taken (int32).</summary>
    public const string Steps = "steps";

    /// <summary>Whether the trajectory diverged (bool).</summary>
    public const string Diverged = "diverged";

    /// <summary>The step at which it diverged, −1 when it did not (int32).</summary>
    public const string DivergedStep = "diverged_step";

    /// <summary>gf, eos, diverged or unconverged (string).</summary>
    public const string Regime = "regime";

    /// <summary>The final-value column of a parameter.</summary>
    public static string Final(string parameter) => "final_" + parameter;
}
