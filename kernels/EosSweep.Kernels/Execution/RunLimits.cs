namespace EosSweep.Kernels.Execution;

/// <summary>The per-sweep limits the driver applies (see EosSweep.Core.RegimeRules).</summary>
public struct RunLimits
{
    /// <summary>Maximum GD steps.</summary>
    public int Steps;

    /// <summary>Convergence tolerance on the relative move.</summary>
    public double Tolerance;

    /// <summary>Divergence bound on ‖θ‖₁.</summary>
    public double Bound;

    /// <summary>Ratio 1 − margin at which a converged run counts as eos.</summary>
    public double EosThreshold;
}
