using EosSweep.Core.Grid;

namespace EosSweep.Storage;

/// <summary>Another process holds the lock on the directory (or on this shard of it) and is writing there.</summary>
/// <param name="directory">The data set directory.</param>
/// <param name="shard">The shard whose lock is held; <see cref="Shard.Whole"/> for an unsharded or refined sweep.</param>
public sealed class WriterBusyException(string directory, Shard shard)
    : DataSetException(directory, shard.Count == 1
        ? $"another process is writing '{directory}'"
        : $"shard {shard} of '{directory}' is being written by another process")
{
    /// <summary>The shard whose lock is held.</summary>
    public Shard Shard { get; } = shard;
}
