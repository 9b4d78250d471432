using System.Text.Json;
using System.Text.Json.Serialization;
using EosSweep.Core;

namespace EosSweep.Storage;

/// <summary>The content of <c>sweep.json</c>: what was asked (the resolved spec) and what ran it.</summary>
internal sealed record SweepFile
{
    /// <summary>Engine version that created the data set.</summary>
    [JsonPropertyName("engine_version")]
    public required string EngineVersion { get; init; }

    /// <summary>The resolved spec in settings form (<see cref="SpecJson.ToSettings"/>).</summary>
    [JsonPropertyName("spec")]
    public required SweepSettings Spec { get; init; }

    /// <summary>Number of trajectories in the grid.</summary>
    [JsonPropertyName("trajectories")]
    public required long Trajectories { get; init; }

    /// <summary>The classification rules the regimes follow (<see cref="RegimeRules.Text"/>).</summary>
    [JsonPropertyName("regime_rules")]
    public required string RegimeRules { get; init; }

    /// <summary>Run information: accelerator name, precision and the like.</summary>
    [JsonPropertyName("run")]
    public required IReadOnlyDictionary<string, string> Run { get; init; }

    /// <summary>The text of the spec in a fixed form, for comparing two sweeps.</summary>
    public static string Canonical(SweepSettings settings) => SpecJson.WriteObject(settings);

    /// <summary>Reads a <c>sweep.json</c>; the spec is read strictly (<see cref="SpecJson.Parse"/>).</summary>
    /// <exception cref="SweepInputException">The file is unreadable or malformed; the message names it.</exception>
    public static SweepFile Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SweepInputException($"cannot read '{path}': {e.Message}");
        }

        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("spec", out var spec) || spec.ValueKind != JsonValueKind.Object)
            {
                throw new SweepInputException($"'{path}' is not an EosSweep sweep.json: it has no \"spec\" object");
            }

            var run = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("run", out var runElement) && runElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in runElement.EnumerateObject())
                {
                    run[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? string.Empty : p.Value.GetRawText();
                }
            }

            return new SweepFile
            {
                EngineVersion = root.TryGetProperty("engine_version", out var v) && v.ValueKind == JsonValueKind.String
                    ? v.GetString() ?? string.Empty
                    : string.Empty,
                Spec = SpecJson.Parse(spec.GetRawText(), $"the spec in '{path}'"),
                Trajectories = root.TryGetProperty("trajectories", out var t) && t.TryGetInt64(out var count) ? count : -1,
                RegimeRules = root.TryGetProperty("regime_rules", out var r) && r.ValueKind == JsonValueKind.String
                    ? r.GetString() ?? string.Empty
                    : string.Empty,
                Run = run,
            };
        }
        catch (JsonException e)
        {
            throw new SweepInputException($"'{path}' is not valid JSON: {e.Message.Split('\n')[0]}");
        }
    }
}
