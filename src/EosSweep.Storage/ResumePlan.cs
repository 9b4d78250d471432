using EosSweep.Core.Grid;

namespace EosSweep.Storage;

/// <summary>
/// What a shard still has to write, and what its directory already holds. On a directory with this sweep it checks
/// every part (footer, rows, traj_ids against its name, size and SHA-256 against its manifest), moves damaged parts of
/// the shard aside (<c>….parquet.damaged</c>) and removes a <c>_manifest.json</c> the data set no longer earns; damage
/// in other shards' blocks is only noted (their own shard repairs it). Each trajectory depends only on its index, so
/// computing <see cref="Pending"/> completes the data set bit for bit as an uninterrupted run would have.
/// </summary>
internal sealed class ResumePlan
{
    private ResumePlan(List<DataSetPart> parts, IReadOnlyList<IndexRange> pending)
    {
        Parts = parts;
        Pending = pending;
    }

    /// <summary>The shard's sound parts, by first trajectory.</summary>
    public List<DataSetPart> Parts { get; }

    /// <summary>The parts to write, in order: the shard's missing trajectories cut into parts.</summary>
    public IReadOnlyList<IndexRange> Pending { get; }

    /// <summary>Trajectories of the shard already in sound parts.</summary>
    public long DoneBefore { get; private init; }

    /// <summary>Trajectories done over all shards.</summary>
    public long DataSetDone { get; private init; }

    /// <summary>Whether <c>_manifest.json</c> is (still) in place.</summary>
    public bool HasManifest { get; private init; }

    /// <summary>What was repaired, one line each.</summary>
    public IReadOnlyList<string> Repairs { get; private init; } = [];

    /// <summary>Damage seen outside the shard's block, one line each.</summary>
    public IReadOnlyList<string> Notes { get; private init; } = [];

    /// <summary>The plan of a new data set: the shard's whole block.</summary>
    public static ResumePlan Fresh(IndexRange block, long partSize) =>
        new([], Cut(block.IsEmpty ? [] : [block], partSize));

    /// <summary>Checks and repairs what <paramref name="dir"/> holds for <paramref name="shard"/>, and plans the rest.</summary>
    /// <param name="dir">The data set directory (holding this sweep; the shard's lock is held).</param>
    /// <param name="total">Trajectories of the grid.</param>
    /// <param name="shard">The shard to plan.</param>
    /// <param name="partSize">Rows per part.</param>
    public static async Task<ResumePlan> ScanAsync(string dir, long total, Shard shard, long partSize)
    {
        var block = shard.Range(total);
        var repairs = new List<string>();
        var notes = new List<string>();
        DeleteStaleTemps(dir, shard, block);
        var inventory = await DataSetInventory.ScanAsync(dir, total, verifyHash: true).ConfigureAwait(false);
        bool hasManifest = inventory.HasManifest;
        foreach (var d in inventory.Damaged)
        {
            bool ours = d.Range is { } r ? r.Overlaps(block) : shard.Count == 1;
            if (!ours)
            {
                notes.Add($"{d.Describe(dir)} (outside shard {shard}: its own shard repairs it)");
                continue;
            }

            var path = Path.Combine(dir, d.File);
            if (File.Exists(path))
            {
                File.Move(path, path + DataSetLayout.DamagedSuffix, overwrite: true);
                repairs.Add($"{d.Describe(dir)}; moved it aside to '{d.File}{DataSetLayout.DamagedSuffix}', its trajectories {d.Range?.ToString() ?? string.Empty} are recomputed");
            }
            else
            {
                repairs.Add($"{d.Describe(dir)}; its trajectories {d.Range?.ToString() ?? string.Empty} are recomputed");
            }
        }

        var parts = inventory.Parts.Where(p => block.Contains(p.FirstTrajId)).ToList();
        var missing = inventory.MissingIn(block);
        if (hasManifest && !inventory.AllPresent)
        {
            File.Delete(Path.Combine(dir, DataSetLayout.ManifestFile));
            DirectorySync.Flush(dir);
            repairs.Add($"removed '{DataSetLayout.ManifestFile}': the data set is no longer complete");
            hasManifest = false;
        }

        return new ResumePlan(parts, Cut(missing, partSize))
        {
            DoneBefore = block.Count - IndexRange.Total(missing),
            DataSetDone = inventory.Done,
            HasManifest = hasManifest,
            Repairs = repairs,
            Notes = notes,
        };
    }

    /// <summary>Cuts each missing range into parts of <paramref name="size"/> rows from its start (the last one shorter).</summary>
    private static List<IndexRange> Cut(IReadOnlyList<IndexRange> missing, long size)
    {
        var parts = new List<IndexRange>();
        foreach (var r in missing)
        {
            for (long s = r.Start; s < r.End; s += size)
            {
                parts.Add(new IndexRange(s, Math.Min(r.End, s + size)));
            }
        }

        return parts;
    }

    /// <summary>Deletes what a killed writer of this shard left: its manifest's and its parts' temporary files.</summary>
    private static void DeleteStaleTemps(string dir, Shard shard, IndexRange block)
    {
        var own = DataSetLayout.TempName(DataSetLayout.ShardFile(shard));
        foreach (var path in Directory.GetFiles(dir, DataSetLayout.TempGlob))
        {
            var name = Path.GetFileName(path);
            bool ours = name == own
                || (DataSetLayout.PartRange(name[1..^4]) is { } r && r.Overlaps(block) && name == DataSetLayout.TempName(name[1..^4]));
            if (ours)
            {
                File.Delete(path);
            }
        }
    }
}
