using EosSweep.Core;
using EosSweep.Storage;

namespace EosSweep.Tests.Storage;

/// <summary>How <see cref="DataSetReader.OpenAsync"/> reports data sets it cannot read.</summary>
public sealed class DataSetReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Open_WithoutManifest_ReportsAnIncompleteDataSet()
    {
        var dir = _temp.Sub("ds");
        await StorageData.WriteAsync(dir, StorageData.Spec(), complete: false);

        var e = await Assert.ThrowsAsync<IncompleteDataSetException>(() => DataSetReader.OpenAsync(dir));

        Assert.Contains("is incomplete", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, DataSetLayout.ManifestFile)));
    }

    [Fact]
    public async Task Open_IncompleteAllowed_ReadsThePartsOnDisk()
    {
        var dir = _temp.Sub("ds");
        await StorageData.WriteAsync(dir, StorageData.Spec(), complete: false);

        var reader = await DataSetReader.OpenAsync(dir, allowIncomplete: true);
        var table = await reader.ReadTableAsync(["traj_id"]);

        Assert.False(reader.Complete);
        Assert.Equal(60, reader.RowCount);
        Assert.Equal(3, reader.Parts.Count);
        Assert.Equal((42L, 59L), (reader.Parts[2].FirstTrajId, reader.Parts[2].LastTrajId));
        Assert.Equal(59.0, table.Column("traj_id")[59]);
        Assert.Empty(Directory.GetFiles(dir, DataSetLayout.TempGlob));
    }

    [Fact]
    public async Task Open_MissingDirectory_SaysSo()
    {
        var dir = _temp.Sub("nope");

        var e = await Assert.ThrowsAsync<SweepInputException>(() => DataSetReader.OpenAsync(dir));

        Assert.Equal($"data set directory '{dir}' does not exist", e.Message);
    }

    [Fact]
    public async Task Open_DirectoryWithoutSweepJson_SaysSo()
    {
        var dir = Directory.CreateDirectory(_temp.Sub("plain")).FullName;

        var e = await Assert.ThrowsAsync<SweepInputException>(() => DataSetReader.OpenAsync(dir));

        Assert.Contains("no sweep.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_CorruptPart_NamesTheFile()
    {
        var dir = _temp.Sub("ds");
        await StorageData.WriteAsync(dir, StorageData.Spec());
        File.WriteAllText(Path.Combine(dir, "part-0000000021-0000000041.parquet"), "not parquet at all");

        var e = await Assert.ThrowsAsync<DamagedDataSetException>(() => DataSetReader.OpenAsync(dir));

        Assert.Contains("part-0000000021-0000000041.parquet' is damaged: ", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public async Task ReadTable_UnknownColumn_NamesIt()
    {
        var dir = _temp.Sub("ds");
        await StorageData.WriteAsync(dir, StorageData.Spec());

        var e = await Assert.ThrowsAsync<SweepInputException>(async () => await (await DataSetReader.OpenAsync(dir)).ReadTableAsync(["final_z"]));

        Assert.Contains("'final_z'", e.Message, StringComparison.Ordinal);
    }
}
