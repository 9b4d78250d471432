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
    long Trajectories, long TrajectorySteps, TimeSpan Elapsed, string Accelerator, string AcceleratorKind, int Batch, long[] RegimeCounts);
