using System.Runtime.InteropServices;

namespace EosSweep.Storage;

/// <summary>
/// fsync(2) of a directory, so that a rename into it is on disk once this returns. .NET has no API for it (a
/// directory cannot be opened as a FileStream), hence the two libc calls. A no-op on Windows, where NTFS journals
/// renames.
/// </summary>
internal static class DirectorySync
{
    private const int ReadOnly = 0;

    /// <summary>Flushes the entries of <paramref name="dir"/> to disk (best effort: a file system that cannot
    /// fsync a directory is not an error).</summary>
    public static void Flush(string dir)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        int fd = Open(dir, ReadOnly);
        if (fd < 0)
        {
            return;
        }

        _ = Fsync(fd);
        _ = Close(fd);
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
}
