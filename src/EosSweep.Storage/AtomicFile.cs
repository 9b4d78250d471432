using System.Text;

namespace EosSweep.Storage;

/// <summary>
/// Writes a file so that readers see either the old content or the whole new content: write a
/// temporary sibling, flush it to disk, then rename it over the target (rename(2) is atomic on POSIX).
/// </summary>
internal static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="text"/> (UTF-8, no BOM) to <paramref name="path"/> atomically.</summary>
    public static void WriteAllText(string path, string text)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var temp = Path.Combine(dir, DataSetLayout.TempName(Path.GetFileName(path)));
        using (var fs = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            fs.Write(Utf8.GetBytes(text));
            fs.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }
}
