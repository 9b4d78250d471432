namespace EosSweep.Benchmarks;

/// <summary>One workload of <see cref="BackendCheck"/>: the tested accelerator against the reference, row by row.</summary>
/// <param name="Workload">Model/loss/precision name.</param>
/// <param name="Trajectories">Rows compared.</param>
/// <param name="Tested">Tested accelerator, math and layout.</param>
/// <param name="Reference">Reference accelerator.</param>
/// <param name="TestedSeconds">Wall time of the tested run (the second of two; compile excluded).</param>
/// <param name="ReferenceSeconds">Wall time of the reference run.</param>
/// <param name="TrajectorySteps">GD steps of the tested run.</param>
/// <param name="RegimeMismatches">Rows whose regime differs.</param>
/// <param name="StepMismatches">Rows whose step count differs.</param>
/// <param name="BeyondTolerance">Rows (same regime, not both diverged) with a double column beyond the tolerance.</param>
/// <param name="MaxRelative">Largest relative difference over those rows' double columns.</param>
/// <param name="WorstColumn">The column of <paramref name="MaxRelative"/>.</param>
/// <param name="Tolerance">The relative tolerance.</param>
/// <param name="Repeatable">The tested accelerator's two runs were bit-identical.</param>
public sealed record CheckResult(
    string Workload,
    long Trajectories,
    string Tested,
    string Reference,
    double TestedSeconds,
    double ReferenceSeconds,
    long TrajectorySteps,
    long RegimeMismatches,
    long StepMismatches,
    long BeyondTolerance,
    double MaxRelative,
    string WorstColumn,
    double Tolerance,
    bool Repeatable)
{
    /// <summary>Regimes identical, every compared value within the tolerance, and the tested runs repeatable.</summary>
    public bool Passed => RegimeMismatches == 0 && BeyondTolerance == 0 && Repeatable;

    /// <summary>Trajectory-steps per second of the tested run.</summary>
    public double TestedStepsPerSecond => TestedSeconds > 0 ? TrajectorySteps / TestedSeconds : 0;

    /// <summary>Trajectory-steps per second of the reference run (same work).</summary>
    public double ReferenceStepsPerSecond => ReferenceSeconds > 0 ? TrajectorySteps / ReferenceSeconds : 0;
}
