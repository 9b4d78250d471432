using EosSweep.Core;
using EosSweep.Core.Models;

namespace EosSweep.Storage;

/// <summary>
/// A data set directory's lifecycle and the sweep's identity: which directories may take a sweep (missing or empty: a
/// new data set; the same sweep: resumed; another sweep: refused unless replaced; anything else: refused),
/// <c>sweep.json</c> created once even when shards start together, and the rule that only the engine version that
/// started a data set continues it.
/// </summary>
internal static class DataSetDirectory
{
    /// <summary>The text two runs must share to write into one data set: the resolved spec without the settings that
    /// never change a result (batch size, thread count).</summary>
    public static string Identity(SweepSettings settings) => SweepFile.Canonical(settings with { Batch = null, Threads = null });

    /// <summary>Whether <paramref name="dir"/> holds a data set (a <c>sweep.json</c>).</summary>
    public static bool Exists(string dir) => File.Exists(Path.Combine(dir, DataSetLayout.SweepFile));

    /// <summary>Applies the directory rules; creates a missing directory and clears a replaced data set.</summary>
    /// <returns>Whether the directory holds this sweep already (and <paramref name="overwrite"/> is off).</returns>
    /// <exception cref="OutputIsFileException">The path is a file.</exception>
    /// <exception cref="ForeignDirectoryException">The directory holds other files and no data set.</exception>
    /// <exception cref="OtherSweepException">It holds another sweep, or an unreadable sweep.json, and
    /// <paramref name="overwrite"/> is off.</exception>
    public static bool Prepare(string dir, string identity, bool overwrite)
    {
        if (File.Exists(dir))
        {
            throw new OutputIsFileException(dir);
        }

        bool foreign;
        try
        {
            if (!Directory.Exists(dir))
            {
                Directory.CreateDirectory(dir);
                return false;
            }

            // Only data set files (a shard starting at the same moment may be writing sweep.json) count as empty.
            foreign = Directory.EnumerateFileSystemEntries(dir).Any(e => !DataSetLayout.IsDataSetFile(Path.GetFileName(e))
                && Path.GetFileName(e) is not DataSetLayout.ReportDirectory and not DataSetLayout.TracesDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new SweepInputException($"cannot use output directory '{dir}': {e.Message}");
        }

        var sweepPath = Path.Combine(dir, DataSetLayout.SweepFile);
        if (!File.Exists(sweepPath))
        {
            return foreign ? throw new ForeignDirectoryException(dir) : false;
        }

        if (overwrite)
        {
            Delete(dir);
            return false;
        }

        // A newer format is named as such (and never offered a replacement, which would discard a newer engine's data).
        SweepFile.RefuseNewerFormat(sweepPath);
        string existing;
        try
        {
            existing = Identity(SweepFile.Read(sweepPath).Spec);
        }
        catch (SweepInputException e)
        {
            throw new OtherSweepException(dir, OtherSweepException.UnreadableSweepFile(e.Message));
        }

        return existing == identity ? true : throw new OtherSweepException(dir, OtherSweepException.DifferentSweep);
    }

    /// <summary>Writes <c>sweep.json</c> unless another process (a shard started together) just did.</summary>
    /// <returns>Whether it was already there (with this sweep; another one is refused).</returns>
    /// <exception cref="OtherSweepException">The one already there is another sweep.</exception>
    public static bool CreateSweepFile(string dir, SweepFile sweep, string identity)
    {
        var sweepPath = Path.Combine(dir, DataSetLayout.SweepFile);
        bool existing;
        try
        {
            // Shards started together race here: one creates the file, the others find it and compare.
            existing = !AtomicFile.CreateNew(sweepPath, SpecJson.WriteObject(sweep) + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SweepInputException($"cannot write '{sweepPath}': {e.Message}");
        }

        return existing && Identity(SweepFile.Read(sweepPath).Spec) != identity
            ? throw new OtherSweepException(dir, OtherSweepException.DifferentSweep)
            : existing;
    }

    /// <summary>
    /// Refuses to continue a data set another engine version started: a trajectory's bits are promised only within one
    /// engine version, so parts of two versions could disagree in the last bit without anyone seeing it. Reading such a
    /// data set is not restricted (<see cref="DataSetLayout.EngineNote"/>).
    /// </summary>
    /// <exception cref="OtherEngineException">The recorded engine version is not this one (or not recorded).</exception>
    public static void RefuseOtherEngine(string dir)
    {
        var recorded = SweepFile.Read(Path.Combine(dir, DataSetLayout.SweepFile)).EngineVersion;
        if (recorded != DataSetLayout.EngineVersion)
        {
            throw new OtherEngineException(dir, DataSetLayout.Describe(recorded), DataSetLayout.EngineVersion);
        }
    }

    /// <summary>Refuses a spec that is not <paramref name="model"/>'s (another model, or its axes in another order).</summary>
    /// <exception cref="ArgumentException">The spec does not belong to the model.</exception>
    public static void CheckSpecMatchesModel(SweepSpec spec, ModelInfo model)
    {
        if (!string.Equals(spec.Model, model.Name, StringComparison.Ordinal))
        {
            throw new ArgumentException($"the spec is for model '{spec.Model}', not '{model.Name}'", nameof(spec));
        }

        bool same = spec.Axes.Count == model.Axes.Count;
        for (int k = 0; same && k < spec.Axes.Count; k++)
        {
            same = spec.Axes[k].Name == model.Axes[k].Name;
        }

        if (!same)
        {
            throw new ArgumentException($"the spec's axes do not match model '{model.Name}' in name and order", nameof(spec));
        }
    }

    /// <summary>Deletes the files a data set consists of, and nothing else.</summary>
    private static void Delete(string dir)
    {
        try
        {
            foreach (var path in Directory.GetFiles(dir))
            {
                if (DataSetLayout.IsDataSetFile(Path.GetFileName(path)))
                {
                    File.Delete(path);
                }
            }

            foreach (var sub in new[] { DataSetLayout.ReportDirectory, DataSetLayout.TracesDirectory })
            {
                var folder = Path.Combine(dir, sub);
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SweepInputException($"cannot clear the previous data set in '{dir}': {e.Message}");
        }
    }
}
