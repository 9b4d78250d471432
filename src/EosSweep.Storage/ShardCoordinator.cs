using EosSweep.Core;
using EosSweep.Core.Grid;

namespace EosSweep.Storage;

/// <summary>
/// How shards writing one directory at once agree without talking: each rewrites only its own
/// <c>_shard-K-of-N.json</c> (atomically, after every part it closes), and whichever finds the parts listed by all
/// shard manifests tiling the grid writes <c>_manifest.json</c>, with the same content whoever writes it.
/// </summary>
internal sealed class ShardCoordinator
{
    private readonly string _dir;
    private readonly long _total;
    private readonly IReadOnlyDictionary<string, string> _runInfo;
    private readonly List<DataSetPart> _parts;

    /// <summary>The coordinator of <paramref name="shard"/> of a grid of <paramref name="total"/> trajectories.</summary>
    /// <param name="dir">The data set directory.</param>
    /// <param name="shard">The shard written here.</param>
    /// <param name="total">Trajectories of the grid.</param>
    /// <param name="runInfo">What runs the shard, recorded in its manifest.</param>
    /// <param name="parts">The shard's sound parts so far.</param>
    public ShardCoordinator(string dir, Shard shard, long total, IReadOnlyDictionary<string, string> runInfo, List<DataSetPart> parts)
    {
        _dir = dir;
        _total = total;
        _runInfo = runInfo;
        _parts = parts;
        Shard = shard;
        Range = shard.Range(total);
    }

    /// <summary>The shard.</summary>
    public Shard Shard { get; }

    /// <summary>The shard's block of trajectories.</summary>
    public IndexRange Range { get; }

    /// <summary>The shard's closed parts, by first trajectory.</summary>
    public IReadOnlyList<DataSetPart> Parts => _parts;

    /// <summary>Whether <c>_manifest.json</c> was found or written in place.</summary>
    public bool DataSetComplete { get; private set; }

    /// <summary>Trajectories done over all shards, as of the last <see cref="TryFinish"/>.</summary>
    public long DataSetDone { get; private set; }

    /// <summary>Starts from what a resume found.</summary>
    public void Found(bool complete, long done)
    {
        DataSetComplete = complete;
        DataSetDone = done;
    }

    /// <summary>Records a closed part and rewrites the shard manifest.</summary>
    public void Add(DataSetPart part)
    {
        _parts.Add(part);
        WriteManifest();
    }

    /// <summary>Whether <c>_shard-K-of-N.json</c> already lists exactly the shard's parts and says
    /// <paramref name="complete"/> (a complete shard run again then writes nothing).</summary>
    public bool ManifestIsCurrent(bool complete)
    {
        if (ShardManifest.TryRead(Path.Combine(_dir, DataSetLayout.ShardFile(Shard))) is not { } m || m.Parts.Count != _parts.Count)
        {
            return false;
        }

        _parts.Sort((a, b) => a.FirstTrajId.CompareTo(b.FirstTrajId));
        for (int i = 0; i < _parts.Count; i++)
        {
            if (m.Parts[i] != _parts[i])
            {
                return false;
            }
        }

        return m.Complete == complete;
    }

    /// <summary>Rewrites <c>_shard-K-of-N.json</c> atomically from the parts closed so far.</summary>
    public void WriteManifest()
    {
        _parts.Sort((a, b) => a.FirstTrajId.CompareTo(b.FirstTrajId));
        var covered = IndexRange.Missing(Range, _parts.Select(p => p.Range)).Count == 0;
        var manifest = new ShardManifest
        {
            Shard = Shard.ToString(),
            First = Range.Start,
            End = Range.End,
            Complete = covered,
            Run = _runInfo,
            Parts = _parts.ToArray(),
        };
        AtomicFile.WriteAllText(Path.Combine(_dir, DataSetLayout.ShardFile(Shard)), SpecJson.WriteObject(manifest) + "\n");
    }

    /// <summary>
    /// Writes <c>_manifest.json</c> when the parts listed by all shard manifests tile the grid exactly. Shards that
    /// finish together may both write it; the content is the same, and each write is atomic.
    /// </summary>
    public void TryFinish()
    {
        var byName = new Dictionary<string, DataSetPart>(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(_dir))
        {
            if (DataSetLayout.ShardOfFile(Path.GetFileName(path)) is null || ShardManifest.TryRead(path) is not { } m)
            {
                continue;
            }

            foreach (var p in m.Parts)
            {
                var file = new FileInfo(Path.Combine(_dir, p.File));
                if (file.Exists && file.Length == p.Bytes)
                {
                    byName.TryAdd(p.File, p);
                }
            }
        }

        var parts = byName.Values.OrderBy(p => p.FirstTrajId).ToList();
        var missing = IndexRange.Missing(new IndexRange(0, _total), parts.Select(p => p.Range));
        DataSetDone = _total - IndexRange.Total(missing);
        bool disjoint = true;
        for (int i = 1; disjoint && i < parts.Count; i++)
        {
            disjoint = parts[i].FirstTrajId > parts[i - 1].LastTrajId;
        }

        if (missing.Count > 0 || !disjoint)
        {
            return;
        }

        var manifest = new DataSetManifest { Complete = true, Rows = _total, Parts = parts };
        AtomicFile.WriteAllText(Path.Combine(_dir, DataSetLayout.ManifestFile), SpecJson.WriteObject(manifest) + "\n", shared: true);
        DataSetComplete = true;
    }
}
