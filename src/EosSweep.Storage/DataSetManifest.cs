using System.Text.Json.Serialization;

namespace EosSweep.Storage;

/// <summary>The content of <c>_manifest.json</c>: written last, so its presence marks a finished data set.</summary>
internal sealed record DataSetManifest
{
    /// <summary>Always true in a written manifest.</summary>
    [JsonPropertyName("complete")]
    public required bool Complete { get; init; }

    /// <summary>Total rows over all parts.</summary>
    [JsonPropertyName("rows")]
    public required long Rows { get; init; }

    /// <summary>The parts in write order.</summary>
    [JsonPropertyName("parts")]
    public required IReadOnlyList<DataSetPart> Parts { get; init; }
}
