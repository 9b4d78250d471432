namespace EosSweep.Kernels.Execution;

/// <summary>The per-sweep limits the driver applies (see EosSweep.Core.RegimeRules).</summary>
public struct RunLimits
{
    /// <summary>Maximum GD steps (used when <see cref="Tau"/> is 0).</summary>
    public int Steps;

    /// <summary>Total time τ &gt; 0: a trajectory runs round(τ/η) steps instead of <see cref="Steps"/>.</summary>
    public double Tau;

    /// <summary>Convergence tolerance on the relative move.</summary>
    public double Tolerance;

    /// <summary>Divergence bound on ‖θ‖₁.</summary>
    public double Bound;

    /// <summary>Ratio 1 − margin at which a converged run counts as eos.</summary>
    public double EosThreshold;
}
