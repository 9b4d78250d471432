using EosSweep.Cli;
using EosSweep.Core;
using EosSweep.Storage;

namespace EosSweep.Tests.Storage;

/// <summary>The rules <see cref="DataSetWriter.CreateAsync"/> applies to its output directory.</summary>
public sealed class DataSetDirectoryTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Create_MissingDirectory_CreatesIt()
    {
        var dir = _temp.Sub("a/b");

        await using (await DataSetWriter.CreateAsync(dir, StorageData.Spec(), FakeXyModel.Instance, StorageData.RunInfo, overwrite: false))
        {
            Assert.True(File.Exists(Path.Combine(dir, DataSetLayout.SweepFile)));
        }
    }

    [Fact]
    public async Task Create_EmptyDirectory_IsUsed()
    {
        var dir = Directory.CreateDirectory(_temp.Sub("empty")).FullName;

        await StorageData.WriteAsync(dir, StorageData.Spec());

        Assert.True((await DataSetReader.OpenAsync(dir)).Complete);
    }

    [Fact]
    public async Task Create_DifferentSpecWithoutOverwrite_IsRefused()
    {
        var dir = _temp.Sub("ds");
        await StorageData.WriteAsync(dir, StorageData.Spec(steps: 100));

        var e = await Assert.ThrowsAsync<OtherSweepException>(() =>
            DataSetWriter.CreateAsync(dir, StorageData.Spec(steps: 200), FakeXyModel.Instance, StorageData.RunInfo, overwrite: false));

        Assert.Equal((dir, OtherSweepException.DifferentSweep), (e.Directory, e.Held));
        Assert.Equal($"output directory '{dir}' holds a different sweep; use --overwrite or another --out", CliErrors.Wording(e));
        Assert.True(File.Exists(Path.Combine(dir, "part-0000000000-0000000020.parquet")));
    }

    [Fact]
    public async Task Create_SameSpecComplete_IsAlreadyCompleteAndWritesNothing()
    {
        var dir = _temp.Sub("ds");
        await StorageData.WriteAsync(dir, StorageData.Spec());
        var before = Snapshot(dir);
        Assert.Contains(before, e => e.StartsWith("part-", StringComparison.Ordinal));

        await using (var writer = await DataSetWriter.CreateAsync(dir, StorageData.Spec(), FakeXyModel.Instance, StorageData.RunInfo, overwrite: false))
        {
            Assert.True(writer.AlreadyComplete);
            Assert.True(writer.DataSetComplete);
            Assert.Empty(writer.Pending);
        }

        Assert.Equal(before, Snapshot(dir));
    }

    [Fact]
    public async Task Create_SameSpecOtherBatchAndThreads_IsTheSameSweep()
    {
        var dir = _temp.Sub("ds");
        await StorageData.WriteAsync(dir, StorageData.Spec());
        var other = StorageData.Spec() with { Batch = 3, Threads = 5 };

        await using var writer = await DataSetWriter.CreateAsync(dir, other, FakeXyModel.Instance, StorageData.RunInfo, overwrite: false);

        Assert.True(writer.AlreadyComplete);
    }

    [Fact]
    public async Task Create_DifferentSpecWithOverwrite_ReplacesTheDataSetAndKeepsUnrelatedFiles()
    {
        var dir = _temp.Sub("ds");
        await StorageData.WriteAsync(dir, StorageData.Spec(steps: 100), capacity: 5, rowsPerPart: 5);
        Directory.CreateDirectory(Path.Combine(dir, "report"));
        File.WriteAllText(Path.Combine(dir, "report", "index.html"), "old");
        File.WriteAllText(Path.Combine(dir, ".part-00099.parquet.tmp"), "stale");
        File.WriteAllText(Path.Combine(dir, "part-0000000000-0000000004.parquet.damaged"), "moved aside");
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "mine");
        File.WriteAllText(Path.Combine(dir, "part-1.parquet"), "mine too: not a part name");
        Directory.CreateDirectory(Path.Combine(dir, "mine"));

        await StorageData.WriteAsync(dir, StorageData.Spec(steps: 200), overwrite: true);

        var names = StorageData.EntryNames(dir);
        Assert.Equal(
            [".shard-0-of-1.lock", "_manifest.json", "_shard-0-of-1.json", "mine", "notes.txt", "part-0000000000-0000000020.parquet",
                "part-0000000021-0000000041.parquet", "part-0000000042-0000000059.parquet", "part-1.parquet", "sweep.json"],
            names);
        var reader = await DataSetReader.OpenAsync(dir);
        Assert.Equal(200, reader.Settings.Steps);
        Assert.Equal(60, reader.RowCount);
    }

    [Fact]
    public async Task Create_NonEmptyDirectoryWithoutDataSet_IsRefusedEvenWithOverwrite()
    {
        var dir = Directory.CreateDirectory(_temp.Sub("foreign")).FullName;
        File.WriteAllText(Path.Combine(dir, "thesis.tex"), "precious");

        var e = await Assert.ThrowsAsync<ForeignDirectoryException>(() =>
            DataSetWriter.CreateAsync(dir, StorageData.Spec(), FakeXyModel.Instance, StorageData.RunInfo, overwrite: true));

        Assert.Equal(dir, e.Directory);
        Assert.Contains("is not empty and holds no EosSweep data set", e.Message, StringComparison.Ordinal);
        Assert.Equal(["thesis.tex"], StorageData.EntryNames(dir));
    }

    [Fact]
    public async Task Create_PathIsAFile_IsRefused()
    {
        var path = _temp.Sub("file.parquet");
        File.WriteAllText(path, "x");

        var e = await Assert.ThrowsAsync<OutputIsFileException>(() =>
            DataSetWriter.CreateAsync(path, StorageData.Spec(), FakeXyModel.Instance, StorageData.RunInfo, overwrite: true));

        Assert.Equal(path, e.Directory);
        Assert.Equal($"output path '{path}' is a file, not a directory; use another --out", CliErrors.Wording(e));
    }

    /// <summary>
    /// Every entry under <paramref name="dir"/>, hidden ones and subdirectories included, as one line each: its
    /// relative path, and for a file its size, SHA-256 and last write time — so a file added, removed, changed in
    /// content, or rewritten with the same bytes all show.
    /// </summary>
    private static List<string> Snapshot(string dir)
    {
        var entries = new List<string>();
        foreach (var path in Directory.EnumerateFileSystemEntries(dir, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var name = Path.GetRelativePath(dir, path);
            if (Directory.Exists(path))
            {
                entries.Add($"{name}/");
                continue;
            }

            var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
            entries.Add($"{name} {new FileInfo(path).Length} {hash} {File.GetLastWriteTimeUtc(path):O}");
        }

        entries.Sort(StringComparer.Ordinal);
        return entries;
    }
}
