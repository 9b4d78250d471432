using DuckDB.NET.Data;
using EosSweep.Core.Results;
using EosSweep.Storage;
using Parquet;

namespace EosSweep.Tests.Storage;

/// <summary>Writer behaviour beyond the round trip: codec choice and batch validation.</summary>
public sealed class DataSetWriterTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(CompressionMethod.Zstd, "ZSTD")]
    [InlineData(CompressionMethod.Snappy, "SNAPPY")]
    public async Task Compression_IsTheOneAskedFor(CompressionMethod codec, string duckDbName)
    {
        var dir = _temp.Sub("ds");
        var batch = new ResultBatch(2, 60);
        StorageData.Fill(batch, 0, 60);
        await using (var writer = await DataSetWriter.CreateAsync(
            dir, StorageData.Spec(), FakeXyModel.Instance, StorageData.RunInfo, false, new DataSetWriterOptions { Compression = codec }))
        {
            await writer.WriteAsync(batch);
            await writer.CompleteAsync();
        }

        using var con = new DuckDBConnection("Data Source=:memory:");
        con.Open();
        using var cmd = con.CreateCommand();
        cmd.CommandText = $"SELECT DISTINCT compression FROM parquet_metadata('{Path.Combine(dir, "part-0000000000-0000000059.parquet")}')";
        Assert.Equal(duckDbName, cmd.ExecuteScalar());
    }

    [Fact]
    public async Task WriteAsync_UnknownRegimeCode_IsRejectedAndTheWriterCarriesOn()
    {
        var dir = _temp.Sub("ds");
        var batch = new ResultBatch(2, 60);
        await using var writer = await DataSetWriter.CreateAsync(dir, StorageData.Spec(), FakeXyModel.Instance, StorageData.RunInfo, false);
        StorageData.Fill(batch, 0, 60);
        batch.Ints[(ResultLayout.RegimeColumn * batch.Capacity) + 5] = 9;

        await Assert.ThrowsAsync<ArgumentException>(() => writer.WriteAsync(batch));

        StorageData.Fill(batch, 0, 60);
        await writer.WriteAsync(batch);
        await writer.CompleteAsync();
        Assert.Equal(60, (await DataSetReader.OpenAsync(dir)).RowCount);
    }

    [Fact]
    public async Task WriteAsync_RowsPastTheGrid_AreRejected()
    {
        var dir = _temp.Sub("ds");
        var batch = new ResultBatch(2, 10);
        await using var writer = await DataSetWriter.CreateAsync(dir, StorageData.Spec(), FakeXyModel.Instance, StorageData.RunInfo, false);
        StorageData.Fill(batch, 55, 10);

        await Assert.ThrowsAsync<ArgumentException>(() => writer.WriteAsync(batch));
    }
}
