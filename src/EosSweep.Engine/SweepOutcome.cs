using EosSweep.Core;

namespace EosSweep.Engine;

/// <summary>What a finished sweep run reports.</summary>
/// <param name="Trajectories">Rows produced.</param>
/// <param name="TrajectorySteps">GD steps taken, summed over trajectories.</param>
/// <param name="Elapsed">Wall time of compute and writing.</param>
/// <param name="Accelerator">The accelerator's name.</param>
/// <param name="AcceleratorKind">cpu, cuda or opencl.</param>
/// <param name="Batch">Trajectories per launch.</param>
/// <param name="RegimeCounts">Rows per regime, indexed by <see cref="Regime"/> code.</param>
public sealed record SweepOutcome(
    long Trajectories, long TrajectorySteps, TimeSpan Elapsed, string Accelerator, string AcceleratorKind, int Batch, long[] RegimeCounts)
{
    /// <summary>Wall time the compute loop spent awaiting the previous batch's write (the final write included).</summary>
    public TimeSpan IoWait { get; init; }

    /// <summary>Time the consumer (the writer) spent on its batches, overlapped with compute.</summary>
    public TimeSpan WriteTime { get; init; }
}
