using EosSweep.Core;
using EosSweep.Core.Resources;

namespace EosSweep.Engine;

/// <summary>
/// Compares a <see cref="RunFootprint"/> with this machine: the free space of the output's file system and the
/// memory the process may use. Runs before any output file is touched.
/// </summary>
public static class ResourceCheck
{
    /// <summary>Refuses, with the numbers, a run that cannot fit.</summary>
    /// <param name="footprint">The run's estimate.</param>
    /// <param name="outputDir">The output directory (it need not exist yet).</param>
    /// <exception cref="SweepInputException">The run does not fit; the message has the numbers.</exception>
    public static void Verify(RunFootprint footprint, string outputDir)
    {
        ArgumentNullException.ThrowIfNull(footprint);
        var (free, measured) = FreeBytes(outputDir);
        if (footprint.Refusal(free, measured, AvailableHostBytes()) is { } why)
        {
            throw new SweepInputException(why);
        }
    }

    /// <summary>Memory the GC lets this process use: physical memory, or a container's or GCHeapHardLimit's limit.</summary>
    public static long AvailableHostBytes() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>Free bytes (for this user) of the file system holding <paramref name="path"/>, measured at its
    /// nearest existing ancestor; the directory measured is returned for messages.</summary>
    public static (long Free, string Measured) FreeBytes(string path)
    {
        var dir = Path.GetFullPath(path);
        while (!Directory.Exists(dir))
        {
            var parent = Path.GetDirectoryName(dir);
            if (parent is null)
            {
                break;
            }

            dir = parent;
        }

        try
        {
            return (new DriveInfo(dir).AvailableFreeSpace, dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new SweepInputException($"cannot measure the free space for '{path}' at '{dir}': {e.Message}");
        }
    }
}
