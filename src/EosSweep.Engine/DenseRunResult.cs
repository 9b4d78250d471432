using EosSweep.Core.Grid;

namespace EosSweep.Engine;

/// <summary>What a dense run did to its data set.</summary>
public sealed record DenseRunResult
{
    /// <summary>The output directory.</summary>
    public required string Directory { get; init; }

    /// <summary>The shard this process ran.</summary>
    public required Shard Shard { get; init; }

    /// <summary>The shard's trajectory indices.</summary>
    public required IndexRange ShardRange { get; init; }

    /// <summary>Trajectories in the whole sweep.</summary>
    public required long Total { get; init; }

    /// <summary>The computation's report; null when the shard was already complete and nothing ran.</summary>
    public SweepOutcome? Outcome { get; init; }

    /// <summary>Whether every shard of the data set is now complete.</summary>
    public required bool DataSetComplete { get; init; }

    /// <summary>Trajectories the data set holds, over all shards.</summary>
    public required long DataSetDone { get; init; }
}
