using System.Text.Json.Serialization;

namespace EosSweep.Storage;

/// <summary>One closed part file of a data set, as listed in <c>_manifest.json</c>.</summary>
public sealed record DataSetPart
{
    /// <summary>File name inside the data set directory (<c>part-NNNNN.parquet</c>).</summary>
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
}
