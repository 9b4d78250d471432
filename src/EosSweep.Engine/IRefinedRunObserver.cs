namespace EosSweep.Engine;

/// <summary>Told what a refined run (<see cref="SweepPipeline.RunRefinedAsync"/>) does while it runs, in this order.</summary>
public interface IRefinedRunObserver
{
    /// <summary>Receives each level's progress, a level at a time; null: none.</summary>
    IProgress<SweepProgress>? LevelProgress { get; }

    /// <summary>The directory holds the first levels already; the rest are about to run.</summary>
    void Resuming(RefinedRunStart start);

    /// <summary>The remaining levels are about to run.</summary>
    void Starting(RefinedRunStart start);

    /// <summary>A level's rows are written.</summary>
    /// <param name="level">The level.</param>
    /// <param name="trajectories">Its rows.</param>
    /// <param name="elapsed">Wall time since the previous level was written (or this one started).</param>
    void LevelWritten(int level, long trajectories, TimeSpan elapsed);
}
