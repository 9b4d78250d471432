namespace EosSweep.Engine;

/// <summary>A progress report after a batch.</summary>
/// <param name="Done">Trajectories finished.</param>
/// <param name="Total">Trajectories in the sweep.</param>
/// <param name="Elapsed">Wall time since the first launch.</param>
public sealed record SweepProgress(long Done, long Total, TimeSpan Elapsed)
{
    /// <summary>Trajectories per second so far.</summary>
    public double Rate => Elapsed.TotalSeconds > 0 ? Done / Elapsed.TotalSeconds : 0;

    /// <summary>Estimated time left at the current rate.</summary>
    public TimeSpan? Remaining => Rate > 0 ? TimeSpan.FromSeconds((Total - Done) / Rate) : null;
}
