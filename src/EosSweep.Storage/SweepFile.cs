using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using EosSweep.Core;

namespace EosSweep.Storage;

/// <summary>
/// The content of <c>sweep.json</c>: the data set's format, what was asked (the resolved spec), which model and engine
/// ran it, and every column of its part files, so the data set reads without the model's code (README, "Output: the
/// data set").
/// </summary>
public sealed record SweepFile
{
    /// <summary>The data-set format (<see cref="DataSetLayout.FormatVersion"/>); 1 for a file written before the field
    /// existed.</summary>
    [JsonPropertyName("format_version")]
    public required int FormatVersion { get; init; }

    /// <summary>Engine version that created the data set (<see cref="DataSetLayout.EngineVersion"/>); empty when the
    /// file does not say.</summary>
    [JsonPropertyName("engine_version")]
    public required string EngineVersion { get; init; }

    /// <summary>The model that wrote the data set; null in format 1.</summary>
    [JsonPropertyName("model")]
    public ModelRecord? Model { get; init; }

    /// <summary>The resolved spec in settings form (<see cref="SpecJson.ToSettings"/>).</summary>
    [JsonPropertyName("spec")]
    public required SweepSettings Spec { get; init; }

    /// <summary>Number of trajectories in the grid (−1 when the file does not say).</summary>
    [JsonPropertyName("trajectories")]
    public required long Trajectories { get; init; }

    /// <summary>The classification rules the regimes follow (<see cref="RegimeRules.Text"/>).</summary>
    [JsonPropertyName("regime_rules")]
    public required string RegimeRules { get; init; }

    /// <summary>The columns of every part file, in file order (<see cref="ResultSchema.Columns"/>); null in format 1.</summary>
    [JsonPropertyName("columns")]
    public IReadOnlyList<DataSetColumn>? Columns { get; init; }

    /// <summary>Run information: accelerator name, precision and the like.</summary>
    [JsonPropertyName("run")]
    public required IReadOnlyDictionary<string, string> Run { get; init; }

    private static readonly JsonSerializerOptions StrictRecords = new()
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    private static readonly HashSet<string> ColumnTypes =
        [DataSetColumn.Int64, DataSetColumn.Int32, DataSetColumn.Double, DataSetColumn.Boolean, DataSetColumn.String];

    /// <summary>The text of the spec in a fixed form, for comparing two sweeps.</summary>
    public static string Canonical(SweepSettings settings) => SpecJson.WriteObject(settings);

    /// <summary>
    /// Reads a <c>sweep.json</c>. The format is checked first, so a newer layout is named as such rather than failing on
    /// a field this engine does not know; then the spec is read strictly (<see cref="SpecJson.Parse"/>).
    /// </summary>
    /// <exception cref="SweepInputException">The file is unreadable, malformed, or of a newer format than
    /// <see cref="DataSetLayout.FormatVersion"/>; the message names it.</exception>
    public static SweepFile Read(string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(ReadText(path));
            var root = doc.RootElement;
            int format = FormatOf(root, path);
            if (!root.TryGetProperty("spec", out var spec) || spec.ValueKind != JsonValueKind.Object)
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
                FormatVersion = format,
                EngineVersion = root.TryGetProperty("engine_version", out var v) && v.ValueKind == JsonValueKind.String
                    ? v.GetString() ?? string.Empty
                    : string.Empty,
                Model = root.TryGetProperty("model", out var m) && m.ValueKind != JsonValueKind.Null
                    ? m.Deserialize<ModelRecord>(StrictRecords)
                    : null,
                Spec = SpecJson.Parse(spec.GetRawText(), $"the spec in '{path}'"),
                Trajectories = root.TryGetProperty("trajectories", out var t) && t.TryGetInt64(out var count) ? count : -1,
                RegimeRules = root.TryGetProperty("regime_rules", out var r) && r.ValueKind == JsonValueKind.String
                    ? r.GetString() ?? string.Empty
                    : string.Empty,
                Columns = root.TryGetProperty("columns", out var c) && c.ValueKind != JsonValueKind.Null
                    ? CheckColumns(c.Deserialize<List<DataSetColumn>>(StrictRecords), path)
                    : null,
                Run = run,
            };
        }
        catch (JsonException e)
        {
            throw new SweepInputException($"'{path}' is not valid JSON: {e.Message.Split('\n')[0]}");
        }
    }

    /// <summary>Refuses a <c>sweep.json</c> of a newer format than this engine reads, and nothing else (an unreadable or
    /// malformed file is left to <see cref="Read"/>).</summary>
    /// <exception cref="SweepInputException">The file's <c>format_version</c> is above <see cref="DataSetLayout.FormatVersion"/>.</exception>
    public static void RefuseNewerFormat(string path)
    {
        int format;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format_version", out var f)
                || f.ValueKind != JsonValueKind.Number || !f.TryGetInt32(out format))
            {
                return;
            }
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return;
        }

        if (format > DataSetLayout.FormatVersion)
        {
            throw NewerFormat(path, format);
        }
    }

    private static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SweepInputException($"cannot read '{path}': {e.Message}");
        }
    }

    /// <summary>The format of a parsed <c>sweep.json</c>: its <c>format_version</c>, 1 when absent.</summary>
    private static int FormatOf(JsonElement root, string path)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new SweepInputException($"'{path}' is not an EosSweep sweep.json: it is not a JSON object");
        }

        if (!root.TryGetProperty("format_version", out var f))
        {
            return 1;
        }

        if (f.ValueKind != JsonValueKind.Number || !f.TryGetInt32(out var format) || format < 1)
        {
            throw new SweepInputException($"'{path}' has format_version {f.GetRawText()}; expected a positive integer");
        }

        return format <= DataSetLayout.FormatVersion ? format : throw NewerFormat(path, format);
    }

    private static SweepInputException NewerFormat(string path, int format) => new(string.Create(CultureInfo.InvariantCulture,
        $"'{path}' is a data set of format {format}, newer than this eos-sweep (engine {DataSetLayout.EngineVersion}) reads (formats 1 to {DataSetLayout.FormatVersion}); use a newer eos-sweep"));

    private static List<DataSetColumn> CheckColumns(List<DataSetColumn>? columns, string path)
    {
        if (columns is null)
        {
            throw new SweepInputException($"'{path}' has a null \"columns\" list");
        }

        foreach (var c in columns)
        {
            if (!ColumnTypes.Contains(c.Type))
            {
                throw new SweepInputException(
                    $"'{path}' lists column '{c.Name}' of type '{c.Type}'; expected one of: {string.Join(", ", ColumnTypes)}");
            }
        }

        return columns;
    }
}
