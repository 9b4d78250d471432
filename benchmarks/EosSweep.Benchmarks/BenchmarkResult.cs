namespace EosSweep.Benchmarks;

/// <summary>One measured runner on one workload.</summary>
/// <param name="Workload">Model, loss and precision.</param>
/// <param name="Runner">What ran it.</param>
/// <param name="Kind">Engine or which baseline.</param>
/// <param name="Trajectories">Trajectories per repeat.</param>
/// <param name="Steps">GD steps per repeat, summed over trajectories.</param>
/// <param name="MedianSeconds">Median wall time of the repeats.</param>
/// <param name="Repeats">Repeats measured.</param>
public sealed record BenchmarkResult(string Workload, string Runner, RunnerKind Kind, long Trajectories, long Steps, double MedianSeconds, int Repeats)
{
    /// <summary>Trajectory-steps per second at the median time.</summary>
    public double StepsPerSecond => Steps / MedianSeconds;
}
