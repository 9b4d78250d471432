namespace EosSweep.Benchmarks;

/// <summary>
/// One engine on the divergence pair: two grids of the same size and step budget, one mostly diverged and one
/// not; when diverged trajectories stop costing compute, the diverged grid runs several times faster.
/// </summary>
/// <param name="Runner">What ran both grids.</param>
/// <param name="Trajectories">Trajectories per grid.</param>
/// <param name="StepBudget">Steps per trajectory unless it stops.</param>
/// <param name="DivergedShareLow">Share of the low-divergence grid that diverged.</param>
/// <param name="DivergedShareHigh">Share of the high-divergence grid that diverged.</param>
/// <param name="SecondsLow">Median wall time on the low-divergence grid.</param>
/// <param name="SecondsHigh">Median wall time on the high-divergence grid.</param>
public sealed record DivergenceCost(
    string Runner, long Trajectories, int StepBudget, double DivergedShareLow, double DivergedShareHigh, double SecondsLow, double SecondsHigh)
{
    /// <summary>How many times faster the diverged grid ran.</summary>
    public double Speedup => SecondsLow / SecondsHigh;
}
