using System.Text.Json;
using System.Text.Json.Serialization;
using EosSweep.Core;

namespace EosSweep.Storage;

/// <summary>
/// <c>refine.json</c>, the record of an adaptively refined sweep: the coarse spec, levels and margin (which fix the
/// plan), and how many levels are done. Rewritten atomically after each level file is in place, so it never names a
/// level whose file is missing; the sweep is complete when <see cref="CompletedLevels"/> is <see cref="Levels"/> + 1.
/// </summary>
public sealed record RefinePlanFile
{
    /// <summary>The file name.</summary>
    public const string FileName = "refine.json";

    /// <summary>The coarse (level-0) sweep as resolved.</summary>
    [JsonPropertyName("spec")]
    public required SweepSettings Spec { get; init; }

    /// <summary>Refinement levels L.</summary>
    [JsonPropertyName("levels")]
    public required int Levels { get; init; }

    /// <summary>Cells added around flagged cells at each level.</summary>
    [JsonPropertyName("margin")]
    public required int Margin { get; init; }

    /// <summary>The finest grid's row and column axes.</summary>
    [JsonPropertyName("axes")]
    public required IReadOnlyList<string> Axes { get; init; }

    /// <summary>Finest points per row axis and column axis.</summary>
    [JsonPropertyName("finest")]
    public required IReadOnlyList<int> Finest { get; init; }

    /// <summary>Levels whose file is written (0 … L + 1).</summary>
    [JsonPropertyName("completed_levels")]
    public required int CompletedLevels { get; init; }

    /// <summary>Rows of each completed level.</summary>
    [JsonPropertyName("level_rows")]
    public required IReadOnlyList<long> LevelRows { get; init; }

    /// <summary>Whether every level is done.</summary>
    [JsonPropertyName("complete")]
    public bool Complete => CompletedLevels == Levels + 1;

    /// <summary>The text two runs must share to continue one refined sweep (batch and threads never change a result).</summary>
    public string Identity() =>
        SpecJson.WriteObject(new { spec = SweepFile.Canonical(Spec with { Batch = null, Threads = null }), Levels, Margin });

    /// <summary>Reads <c>refine.json</c> in <paramref name="dir"/>, or null when there is none.</summary>
    /// <exception cref="SweepInputException">The file is unreadable.</exception>
    public static RefinePlanFile? TryRead(string dir)
    {
        var path = Path.Combine(dir, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<RefinePlanFile>(File.ReadAllText(path))
                ?? throw new SweepInputException($"'{path}' is empty");
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
        {
            throw new SweepInputException($"'{path}' is unreadable: {e.Message}");
        }
    }

    /// <summary>Writes the file into <paramref name="dir"/> atomically.</summary>
    public void Write(string dir) => AtomicFile.WriteAllText(Path.Combine(dir, FileName), SpecJson.WriteObject(this) + "\n");
}
