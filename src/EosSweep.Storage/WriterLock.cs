using EosSweep.Core;
using EosSweep.Core.Grid;

namespace EosSweep.Storage;

/// <summary>
/// The lock a writer holds on its data set directory (or on its shard of it) for as long as it writes: an exclusive
/// lock on a hidden file, which the kernel drops when the process dies, kill -9 included.
/// </summary>
internal static class WriterLock
{
    /// <summary>Takes the lock file <paramref name="name"/> in <paramref name="dir"/>.</summary>
    /// <param name="dir">The directory written.</param>
    /// <param name="name">The lock file's name (one per shard, or one for a refined sweep).</param>
    /// <param name="shard">The shard the lock stands for (<see cref="Shard.Whole"/> for the whole directory).</param>
    /// <returns>The open lock file; disposing it releases the lock.</returns>
    /// <exception cref="WriterBusyException">Another process holds it.</exception>
    /// <exception cref="SweepInputException">The directory cannot be written.</exception>
    public static FileStream Take(string dir, string name, Shard shard)
    {
        try
        {
            return new FileStream(Path.Combine(dir, name), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new WriterBusyException(dir, shard);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new SweepInputException($"cannot write in '{dir}': {e.Message}");
        }
    }
}
