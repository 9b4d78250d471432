using System.Globalization;
using System.Reflection;

namespace EosSweep.Storage;

/// <summary>
/// The files of a data set directory and the keys of its Parquet metadata, in one place:
/// <c>sweep.json</c> (written first), <c>part-NNNNN.parquet</c> (one per rolled-over part), and
/// <c>_manifest.json</c> (written last; its presence means the sweep finished).
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

    /// <summary>Parquet key-value metadata: the resolved spec (<c>SpecJson.Write</c>).</summary>
    public const string SpecKey = "eos_sweep.spec";

    /// <summary>Parquet key-value metadata: the engine version that wrote the file.</summary>
    public const string VersionKey = "eos_sweep.version";

    /// <summary>The version of the engine, as recorded in <c>sweep.json</c> and in every part file.</summary>
    public static string EngineVersion { get; } =
        typeof(DataSetLayout).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(DataSetLayout).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>The file name of part <paramref name="index"/>.</summary>
    public static string PartName(int index) => "part-" + index.ToString("D5", CultureInfo.InvariantCulture) + ".parquet";

    /// <summary>The temporary name a file is written under before it is renamed to <paramref name="name"/>.</summary>
    public static string TempName(string name) => "." + name + ".tmp";

    /// <summary>Whether <paramref name="name"/> is a file this engine writes in a data set directory.</summary>
    public static bool IsDataSetFile(string name) =>
        name == SweepFile
        || name == ManifestFile
        || IsPartName(name)
        || (name.StartsWith('.') && name.EndsWith(".tmp", StringComparison.Ordinal) && IsDataSetFile(name[1..^4]));

    /// <summary>Whether <paramref name="name"/> has the form <c>part-NNNNN.parquet</c> (five or more digits).</summary>
    public static bool IsPartName(string name)
    {
        const string prefix = "part-", suffix = ".parquet";
        if (!name.StartsWith(prefix, StringComparison.Ordinal) || !name.EndsWith(suffix, StringComparison.Ordinal))
        {
            return false;
        }

        var digits = name.AsSpan(prefix.Length, name.Length - prefix.Length - suffix.Length);
        if (digits.Length < 5)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
