using System.Text.Json.Serialization;
using EosSweep.Core.Grid;

namespace EosSweep.Storage;

/// <summary>One closed part file of a data set, as listed in <c>_manifest.json</c> and the shard manifests.</summary>
public sealed record DataSetPart
{
    /// <summary>File name inside the data set directory (<c>part-&lt;first&gt;-&lt;last&gt;.parquet</c>).</summary>
    [JsonPropertyName("file")]
    public required string File { get; init; }

    /// <summary>Rows (trajectories) in the part.</summary>
    [JsonPropertyName("rows")]
    public required long Rows { get; init; }

    /// <summary>Smallest <c>traj_id</c> in the part.</summary>
    [JsonPropertyName("first_traj_id")]
    public required long FirstTrajId { get; init; }

    /// <summary>Largest <c>traj_id</c> in the part.</summary>
    [JsonPropertyName("last_traj_id")]
    public required long LastTrajId { get; init; }

    /// <summary>File size in bytes when the part was closed (null in data sets of engine 0.1).</summary>
    [JsonPropertyName("bytes")]
    public long? Bytes { get; init; }

    /// <summary>SHA-256 of the file, lower-case hex (null in data sets of engine 0.1).</summary>
    [JsonPropertyName("sha256")]
    public string? Sha256 { get; init; }

    /// <summary>The trajectories held: [<see cref="FirstTrajId"/>, <see cref="LastTrajId"/> + 1).</summary>
    [JsonIgnore]
    public IndexRange Range => new(FirstTrajId, LastTrajId + 1);
}
