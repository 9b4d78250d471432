using System.Globalization;
using EosSweep.Core.Grid;

namespace EosSweep.Storage;

/// <summary>
/// What a data set directory holds right now: every part file checked (<see cref="PartFile"/>), the shard
/// manifests, which trajectories are done and which are missing. <c>status</c> prints it, a resuming
/// <c>run</c> plans from it, and readers of an unfinished data set use it.
/// </summary>
public sealed class DataSetInventory
{
    private DataSetInventory(
        string dir,
        long total,
        bool finished,
        List<DataSetPart> valid,
        List<DamagedPart> damaged,
        List<(Shard Shard, ShardManifest? Manifest)> shards,
        Dictionary<string, PartFile.Info> infos)
    {
        Directory = dir;
        Total = total;
        HasManifest = finished;
        Parts = valid;
        Damaged = damaged;
        Shards = shards;
        Infos = infos;
        Done = IndexRange.Total(valid.Select(p => p.Range));
        Missing = IndexRange.Missing(new IndexRange(0, total), valid.Select(p => p.Range));
    }

    /// <summary>The directory.</summary>
    public string Directory { get; }

    /// <summary>Trajectories in the grid.</summary>
    public long Total { get; }

    /// <summary>Whether <c>_manifest.json</c> is present.</summary>
    public bool HasManifest { get; }

    /// <summary>The sound parts, by first trajectory; they never overlap.</summary>
    public IReadOnlyList<DataSetPart> Parts { get; }

    /// <summary>Part files that are damaged, missing from disk though listed, or overlap a sound part.</summary>
    public IReadOnlyList<DamagedPart> Damaged { get; }

    /// <summary>The shard manifests found (null when unreadable), by shard count then index.</summary>
    public IReadOnlyList<(Shard Shard, ShardManifest? Manifest)> Shards { get; }

    /// <summary>Trajectories in sound parts.</summary>
    public long Done { get; }

    /// <summary>Ranges of the grid in no sound part.</summary>
    public IReadOnlyList<IndexRange> Missing { get; }

    /// <summary>Every trajectory is in exactly one sound part and nothing is damaged.</summary>
    public bool AllPresent => Missing.Count == 0 && Damaged.Count == 0;

    internal Dictionary<string, PartFile.Info> Infos { get; }

    /// <summary>Scans <paramref name="dir"/>.</summary>
    /// <param name="dir">The data set directory.</param>
    /// <param name="total">Trajectories in its grid.</param>
    /// <param name="verifyHash">Also compare every part's SHA-256 with its manifest record (reads every byte).</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<DataSetInventory> ScanAsync(string dir, long total, bool verifyHash, CancellationToken ct = default)
    {
        var shards = new List<(Shard, ShardManifest?)>();
        var records = new Dictionary<string, DataSetPart>(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var path in System.IO.Directory.GetFiles(dir))
        {
            var name = Path.GetFileName(path);
            if (DataSetLayout.IsPartName(name))
            {
                names.Add(name);
            }
            else if (DataSetLayout.ShardOfFile(name) is { } shard)
            {
                shards.Add((shard, ShardManifest.TryRead(path)));
            }
        }

        shards.Sort((a, b) => a.Item1.Count != b.Item1.Count ? a.Item1.Count.CompareTo(b.Item1.Count) : a.Item1.Index.CompareTo(b.Item1.Index));
        foreach (var (_, manifest) in shards)
        {
            foreach (var p in manifest?.Parts ?? [])
            {
                // A part listed twice (an old manifest of another shard count) keeps the record that matches the file's size.
                if (!records.TryGetValue(p.File, out var known) || (known.Bytes != p.Bytes && SizeOf(dir, p.File) == p.Bytes))
                {
                    records[p.File] = p;
                }
            }
        }

        bool finished = File.Exists(Path.Combine(dir, DataSetLayout.ManifestFile));
        if (finished)
        {
            try
            {
                foreach (var p in DataSetReader.ReadManifest(Path.Combine(dir, DataSetLayout.ManifestFile)).Parts)
                {
                    records.TryAdd(p.File, p);
                }
            }
            catch (Core.SweepInputException)
            {
                finished = false;
            }
        }

        var damaged = new List<DamagedPart>();
        foreach (var listed in records.Keys)
        {
            if (!names.Contains(listed) && !File.Exists(Path.Combine(dir, listed + DataSetLayout.DamagedSuffix)))
            {
                damaged.Add(new DamagedPart(listed, records[listed].Range, "listed in a manifest but missing"));
            }
        }

        var valid = new List<DataSetPart>();
        var infos = new Dictionary<string, PartFile.Info>(StringComparer.Ordinal);
        names.Sort(StringComparer.Ordinal);
        foreach (var name in names)
        {
            records.TryGetValue(name, out var record);
            var (info, problem) = await PartFile.CheckAsync(dir, name, record, verifyHash, ct).ConfigureAwait(false);
            if (info is null)
            {
                damaged.Add(new DamagedPart(name, DataSetLayout.PartRange(name) ?? record?.Range, problem ?? "damaged"));
                continue;
            }

            if (info.Part.LastTrajId >= total)
            {
                damaged.Add(new DamagedPart(name, info.Part.Range,
                    string.Create(CultureInfo.InvariantCulture, $"holds trajectories {info.Part.Range}, past the grid of {total}")));
                continue;
            }

            valid.Add(info.Part);
            infos[name] = info;
        }

        valid.Sort((a, b) => a.FirstTrajId.CompareTo(b.FirstTrajId));
        var sound = new List<DataSetPart>(valid.Count);
        foreach (var p in valid)
        {
            if (sound.Count > 0 && sound[^1].Range.Overlaps(p.Range))
            {
                damaged.Add(new DamagedPart(p.File, p.Range, $"repeats trajectories of '{sound[^1].File}'"));
                infos.Remove(p.File);
                continue;
            }

            sound.Add(p);
        }

        damaged.Sort((a, b) => string.CompareOrdinal(a.File, b.File));
        return new DataSetInventory(dir, total, finished, sound, damaged, shards, infos);
    }

    /// <summary>The ranges of <paramref name="within"/> in no sound part.</summary>
    public IReadOnlyList<IndexRange> MissingIn(IndexRange within) => IndexRange.Missing(within, Parts.Select(p => p.Range));

    /// <summary>Formats ranges for people, at most <paramref name="max"/> of them: <c>0..9, 20..29 (and 3 more)</c>.</summary>
    public static string Format(IReadOnlyList<IndexRange> ranges, int max = 6)
    {
        if (ranges.Count == 0)
        {
            return "none";
        }

        var shown = string.Join(", ", ranges.Take(max));
        return ranges.Count > max ? string.Create(CultureInfo.InvariantCulture, $"{shown} (and {ranges.Count - max} more)") : shown;
    }

    private static long? SizeOf(string dir, string name)
    {
        var info = new FileInfo(Path.Combine(dir, name));
        return info.Exists ? info.Length : null;
    }
}
