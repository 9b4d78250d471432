using System.Text.Json;
using System.Text.Json.Serialization;
using EosSweep.Core.Grid;

namespace EosSweep.Storage;

/// <summary>
/// The content of <c>_shard-K-of-N.json</c>: the progress of one shard, rewritten atomically after each part it
/// closes. Only the process holding the shard's lock writes it, so shards never write the same file.
/// </summary>
public sealed record ShardManifest
{
    /// <summary>The shard, <c>K/N</c>.</summary>
    [JsonPropertyName("shard")]
    public required string Shard { get; init; }

    /// <summary>First trajectory of the shard's block.</summary>
    [JsonPropertyName("first_traj_id")]
    public required long First { get; init; }

    /// <summary>One past the last trajectory of the shard's block.</summary>
    [JsonPropertyName("end_traj_id")]
    public required long End { get; init; }

    /// <summary>Whether every trajectory of the block is in a listed part.</summary>
    [JsonPropertyName("complete")]
    public required bool Complete { get; init; }

    /// <summary>What ran the shard last (accelerator, precision, host, …).</summary>
    [JsonPropertyName("run")]
    public IReadOnlyDictionary<string, string>? Run { get; init; }

    /// <summary>The shard's closed parts, by first trajectory.</summary>
    [JsonPropertyName("parts")]
    public required IReadOnlyList<DataSetPart> Parts { get; init; }

    /// <summary>The shard's block of trajectories.</summary>
    [JsonIgnore]
    public IndexRange Range => new(First, End);

    /// <summary>Reads a shard manifest; null when it cannot be read or parsed (a reader reports that, a writer rewrites it).</summary>
    internal static ShardManifest? TryRead(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<ShardManifest>(File.ReadAllText(path));
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
