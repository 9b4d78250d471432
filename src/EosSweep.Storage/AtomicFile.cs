using System.Text;

namespace EosSweep.Storage;

/// <summary>
/// Writes a file so that readers see either the old content or the whole new content: write a
/// temporary sibling, flush it to disk, rename it over the target (rename(2) is atomic on POSIX), then flush
/// the directory so the rename itself survives a power cut.
/// </summary>
internal static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="text"/> (UTF-8, no BOM) to <paramref name="path"/> atomically.</summary>
    /// <param name="path">The target.</param>
    /// <param name="text">The whole content.</param>
    /// <param name="shared">Other processes may write the same file at the same time (a unique temporary name is used).</param>
    public static void WriteAllText(string path, string text, bool shared = false)
    {
        var temp = Write(path, text, shared);
        File.Move(temp, path, overwrite: true);
        DirectorySync.Flush(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
    }

    /// <summary>Writes <paramref name="path"/> atomically only if it does not exist yet.</summary>
    /// <returns>True when this call created the file; false when it was already there (another writer won).</returns>
    public static bool CreateNew(string path, string text)
    {
        var temp = Write(path, text, shared: true);
        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
            return false;
        }

        DirectorySync.Flush(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
        return true;
    }

    private static string Write(string path, string text, bool shared)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var name = Path.GetFileName(path);
        var temp = Path.Combine(dir, shared ? DataSetLayout.UniqueTempName(name) : DataSetLayout.TempName(name));
        try
        {
            using var fs = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None);
            fs.Write(Utf8.GetBytes(text));
            fs.Flush(flushToDisk: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }

        return temp;
    }
}
