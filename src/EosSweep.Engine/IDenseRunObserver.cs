namespace EosSweep.Engine;

/// <summary>Told what a dense run (<see cref="SweepPipeline.RunAsync"/>) does while it runs, in this order.</summary>
public interface IDenseRunObserver
{
    /// <summary>A repair or note from opening the data set (a damaged part set aside, a stale lock taken over).</summary>
    void Note(string line);

    /// <summary>The directory holds part of the shard already; the rest is about to run.</summary>
    void Resuming(DenseRunStart start);

    /// <summary>The computation is about to start.</summary>
    void Starting(DenseRunStart start);

    /// <summary>Runs <paramref name="work"/>, showing its progress through the reporter handed to it.</summary>
    /// <param name="total">Trajectories the work computes.</param>
    /// <param name="work">The computation; reports after every batch.</param>
    Task<SweepOutcome> TrackAsync(long total, Func<IProgress<SweepProgress>, Task<SweepOutcome>> work);
}
