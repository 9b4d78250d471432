using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EosSweep.Core;

/// <summary>
/// JSON forms of a sweep: <see cref="SweepSettings"/> files read strictly (an unknown field is an
/// error, not silently ignored), and resolved specs written with every field explicit so the same
/// text resolves to the same spec.
/// </summary>
public static class SpecJson
{
    private static readonly JsonSerializerOptions ReadOptions = new()
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        NumberHandling = JsonNumberHandling.Strict,
    };

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Reads a settings file.</summary>
    /// <exception cref="SweepInputException">The file is missing, unreadable or not a valid spec.</exception>
    public static SweepSettings ReadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new SweepInputException($"cannot read spec file '{path}': {e.Message}");
        }

        return Parse(text, $"spec file '{path}'");
    }

    /// <summary>Parses settings JSON; <paramref name="what"/> names the source in messages.</summary>
    public static SweepSettings Parse(string json, string what = "spec")
    {
        try
        {
            return JsonSerializer.Deserialize<SweepSettings>(json, ReadOptions)
                ?? throw new SweepInputException($"{what} is empty (null)");
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1})" : string.Empty;
            var msg = e.Message.Split('\n')[0];
            var cut = msg.IndexOf(" Path:", StringComparison.Ordinal);
            throw new SweepInputException($"{what} is not a valid sweep spec{where}: {(cut > 0 ? msg[..cut] : msg)}");
        }
    }

    /// <summary>The settings that resolve back to exactly <paramref name="spec"/>.</summary>
    public static SweepSettings ToSettings(SweepSpec spec) => new()
    {
        Model = spec.Model,
        Loss = Models.LossInfo.Of(spec.Loss).Name,
        Axes = spec.Axes.ToDictionary(a => a.Name, a => a.Text),
        Steps = spec.Tau is null ? spec.Steps : null,
        Tau = spec.Tau,
        Options = spec.Options.Count == 0 ? null : new SortedDictionary<string, string>(spec.Options.ToDictionary(), StringComparer.Ordinal),
        Precision = SpecResolver.Name(spec.Precision),
        Accelerator = SpecResolver.Name(spec.Accelerator),
        Batch = spec.Batch,
        Threads = spec.Threads,
        Tolerance = spec.Tolerance,
        DivergenceBound = spec.DivergenceBound,
        EosMargin = spec.EosMargin,
        Trace = spec.Trace?.Text,
        TraceEvery = spec.Trace is null ? null : spec.TraceEvery,
    };

    /// <summary>Serialises a resolved spec (compact settings form).</summary>
    public static string Write(SweepSpec spec, bool indented = false) =>
        JsonSerializer.Serialize(ToSettings(spec), indented ? WriteOptions : new JsonSerializerOptions(WriteOptions) { WriteIndented = false });

    /// <summary>Serialises any object with the project's JSON conventions.</summary>
    public static string WriteObject<T>(T value) => JsonSerializer.Serialize(value, WriteOptions);

    /// <summary>Invariant-culture round-trip text of a double.</summary>
    public static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
