using System.Globalization;
using System.Reflection;
using EosSweep.Core.Grid;

namespace EosSweep.Storage;

/// <summary>
/// The files of a data set directory and the keys of its Parquet metadata, in one place:
/// <c>sweep.json</c> (the spec, written first), part files named by the trajectories they hold
/// (<c>part-&lt;first&gt;-&lt;last&gt;.parquet</c>), one progress manifest per shard
/// (<c>_shard-K-of-N.json</c>, rewritten after every part) and <c>_manifest.json</c> (written last, once the parts
/// of all shards cover the grid; its presence means the sweep finished).
/// </summary>
public static class DataSetLayout
{
    /// <summary>Folder of the per-step trace tables (written by <c>run --trace</c>).</summary>
    public const string TracesDirectory = "traces";

    /// <summary>The resolved spec, engine version and run information, written when the data set is created.</summary>
    public const string SweepFile = "sweep.json";

    /// <summary>The list of parts, written when the sweep completes.</summary>
    public const string ManifestFile = "_manifest.json";

    /// <summary>Where the summarizer puts its report.</summary>
    public const string ReportDirectory = "report";

    /// <summary>Glob of the part files, for outside readers (<c>read_parquet('DIR/part-*.parquet')</c>).</summary>
    public const string PartGlob = "part-*.parquet";

    /// <summary>Glob of the temporary files a writer may leave behind when it is killed.</summary>
    public const string TempGlob = ".*.tmp";

    /// <summary>Suffix of a damaged part moved aside by a resuming run (outside <see cref="PartGlob"/>).</summary>
    public const string DamagedSuffix = ".damaged";

    /// <summary>Parquet key-value metadata: the resolved spec (<c>SpecJson.Write</c>).</summary>
    public const string SpecKey = "eos_sweep.spec";

    /// <summary>Parquet key-value metadata: the engine version that wrote the file.</summary>
    public const string VersionKey = "eos_sweep.version";

    private const string PartPrefix = "part-";
    private const string PartSuffix = ".parquet";
    private const string ShardPrefix = "_shard-";
    private const string LockPrefix = ".shard-";

    /// <summary>
    /// The data-set format this engine writes, recorded as <c>sweep.json</c>'s <c>format_version</c>. Format 1: the layout
    /// before the field existed (a <c>sweep.json</c> without <c>format_version</c>, <c>model</c> or <c>columns</c> is read as
    /// format 1). Format 2 adds those three fields; the part files are the same. A reader refuses a higher number (a newer
    /// layout it cannot know) with one line.
    /// </summary>
    public const int FormatVersion = 2;

    /// <summary>The version of the engine, as recorded in <c>sweep.json</c> and in every part file: the informational
    /// version, which carries the source commit. A data set is continued only by the engine version that started it
    /// (results are bit-identical within one version, not promised across versions); reading it is not restricted.</summary>
    public static string EngineVersion { get; } =
        typeof(DataSetLayout).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(DataSetLayout).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>
    /// A note for a command that only reads a data set written by <paramref name="recorded"/>, or null when that is this
    /// engine: the data are read as they are, but only that engine continues the sweep.
    /// </summary>
    public static string? EngineNote(string recorded) => recorded == EngineVersion
        ? null
        : $"written by engine {Describe(recorded)}, read by engine {EngineVersion}; the data are read as written, but only engine {Describe(recorded)} resumes the sweep";

    /// <summary>An engine version for a message: the version, or "(unrecorded)" when the data set does not say.</summary>
    internal static string Describe(string engineVersion) => engineVersion.Length == 0 ? "(unrecorded)" : engineVersion;

    /// <summary>The file name of the part holding trajectories <paramref name="range"/>:
    /// <c>part-&lt;first&gt;-&lt;last&gt;.parquet</c>, both inclusive, zero-padded to ten digits so names sort by index.</summary>
    public static string PartName(IndexRange range) =>
        string.Create(CultureInfo.InvariantCulture, $"{PartPrefix}{range.Start:D10}-{range.End - 1:D10}{PartSuffix}");

    /// <summary>The file name of part number <paramref name="index"/> in the layout of engine 0.1 (<c>part-NNNNN.parquet</c>),
    /// still read, no longer written.</summary>
    public static string LegacyPartName(int index) => PartPrefix + index.ToString("D5", CultureInfo.InvariantCulture) + PartSuffix;

    /// <summary>The trajectories a part holds according to its name, or null for a name of the old numbered form.</summary>
    public static IndexRange? PartRange(string name)
    {
        if (!name.StartsWith(PartPrefix, StringComparison.Ordinal) || !name.EndsWith(PartSuffix, StringComparison.Ordinal))
        {
            return null;
        }

        var body = name.AsSpan(PartPrefix.Length, name.Length - PartPrefix.Length - PartSuffix.Length);
        int dash = body.IndexOf('-');
        if (dash < 10 || body.Length - dash - 1 < 10
            || !AllDigits(body[..dash]) || !AllDigits(body[(dash + 1)..])
            || !long.TryParse(body[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            || !long.TryParse(body[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            || last < first || last == long.MaxValue)
        {
            return null;
        }

        return new IndexRange(first, last + 1);
    }

    /// <summary>The progress manifest of <paramref name="shard"/>: <c>_shard-K-of-N.json</c>.</summary>
    public static string ShardFile(Shard shard) =>
        string.Create(CultureInfo.InvariantCulture, $"{ShardPrefix}{shard.Index}-of-{shard.Count}.json");

    /// <summary>The lock file a running <paramref name="shard"/> holds, so the same shard never runs twice at once.</summary>
    public static string LockFile(Shard shard) =>
        string.Create(CultureInfo.InvariantCulture, $"{LockPrefix}{shard.Index}-of-{shard.Count}.lock");

    /// <summary>The shard whose progress manifest is <paramref name="name"/>, or null.</summary>
    public static Shard? ShardOfFile(string name)
    {
        if (!name.StartsWith(ShardPrefix, StringComparison.Ordinal) || !name.EndsWith(".json", StringComparison.Ordinal))
        {
            return null;
        }

        var body = name.AsSpan(ShardPrefix.Length, name.Length - ShardPrefix.Length - ".json".Length);
        int of = body.IndexOf("-of-", StringComparison.Ordinal);
        if (of <= 0
            || !int.TryParse(body[..of], NumberStyles.None, CultureInfo.InvariantCulture, out var k)
            || !int.TryParse(body[(of + 4)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            || n < 1 || k >= n)
        {
            return null;
        }

        return new Shard(k, n);
    }

    /// <summary>The temporary name a file owned by one writer is written under before it is renamed to <paramref name="name"/>.</summary>
    public static string TempName(string name) => "." + name + ".tmp";

    /// <summary>A temporary name no other process uses, for files several shards may write at once (<c>sweep.json</c>,
    /// <c>_manifest.json</c>).</summary>
    public static string UniqueTempName(string name) =>
        "." + name + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8] + ".tmp";

    /// <summary>Whether <paramref name="name"/> is a file this engine writes in a data set directory.</summary>
    public static bool IsDataSetFile(string name)
    {
        if (name == SweepFile || name == ManifestFile || IsPartName(name) || ShardOfFile(name) is not null)
        {
            return true;
        }

        if (name.EndsWith(DamagedSuffix, StringComparison.Ordinal))
        {
            return IsPartName(name[..^DamagedSuffix.Length]);
        }

        if (name.StartsWith(LockPrefix, StringComparison.Ordinal) && name.EndsWith(".lock", StringComparison.Ordinal))
        {
            return ShardOfFile("_" + name[1..^".lock".Length] + ".json") is not null;
        }

        if (name.Length > 5 && name.StartsWith('.') && name.EndsWith(".tmp", StringComparison.Ordinal))
        {
            var inner = name[1..^4];
            int dot = inner.LastIndexOf('.');
            return IsDataSetFile(inner) || (dot > 0 && IsDataSetFile(inner[..dot]));
        }

        return false;
    }

    /// <summary>Whether <paramref name="name"/> is a part file: <c>part-&lt;first&gt;-&lt;last&gt;.parquet</c>, or the old
    /// <c>part-NNNNN.parquet</c> (five or more digits).</summary>
    public static bool IsPartName(string name)
    {
        if (!name.StartsWith(PartPrefix, StringComparison.Ordinal) || !name.EndsWith(PartSuffix, StringComparison.Ordinal))
        {
            return false;
        }

        var digits = name.AsSpan(PartPrefix.Length, name.Length - PartPrefix.Length - PartSuffix.Length);
        return (digits.Length >= 5 && AllDigits(digits)) || PartRange(name) is not null;
    }

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
