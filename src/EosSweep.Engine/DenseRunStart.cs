using EosSweep.Core;
using EosSweep.Core.Grid;
using EosSweep.Core.Resources;

namespace EosSweep.Engine;

/// <summary>A dense run about to compute: the directory accepted, the accelerator open, what is left known.</summary>
public sealed record DenseRunStart
{
    /// <summary>The output directory.</summary>
    public required string Directory { get; init; }

    /// <summary>The sweep.</summary>
    public required SweepSpec Spec { get; init; }

    /// <summary>The shard this process runs.</summary>
    public required Shard Shard { get; init; }

    /// <summary>The shard's trajectory indices.</summary>
    public required IndexRange ShardRange { get; init; }

    /// <summary>Trajectories of the shard already in the directory.</summary>
    public required long DoneBefore { get; init; }

    /// <summary>Trajectories this run computes.</summary>
    public required long PendingRows { get; init; }

    /// <summary>Part files this run writes.</summary>
    public required int PendingParts { get; init; }

    /// <summary>Whether the directory held part of this sweep already.</summary>
    public required bool Resumed { get; init; }

    /// <summary>The accelerator's name.</summary>
    public required string AcceleratorName { get; init; }

    /// <summary>cpu, cuda or opencl.</summary>
    public required string AcceleratorKind { get; init; }

    /// <summary>Trajectories per launch.</summary>
    public required int Batch { get; init; }

    /// <summary>The disk and memory estimate the run was approved with.</summary>
    public RunFootprint? Estimate { get; init; }
}
