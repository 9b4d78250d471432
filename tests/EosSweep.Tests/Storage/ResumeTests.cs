using EosSweep.Cli;
using EosSweep.Core;
using EosSweep.Core.Grid;
using EosSweep.Core.Results;
using EosSweep.Storage;

namespace EosSweep.Tests.Storage;

/// <summary>The writer's side of resume and shards: what it plans, what it repairs, what it refuses.</summary>
public sealed class ResumeTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Missing_IsTheComplementInsideTheRange()
    {
        var missing = IndexRange.Missing(new IndexRange(0, 100), [new(10, 20), new(15, 30), new(50, 60), new(95, 120)]);

        Assert.Equal([new IndexRange(0, 10), new IndexRange(30, 50), new IndexRange(60, 95)], missing);
    }

    [Theory]
    [InlineData(0L, 1)]
    [InlineData(5L, 7)]
    [InlineData(70L, 3)]
    [InlineData(1_000_000_007L, 13)]
    public void Shards_TileTheGrid(long total, int n)
    {
        long at = 0;
        for (int k = 0; k < n; k++)
        {
            var r = new Shard(k, n).Range(total);
            Assert.Equal(at, r.Start);
            Assert.InRange(r.Count, total / n, (total / n) + 1);
            at = r.End;
        }

        Assert.Equal(total, at);
    }

    [Fact]
    public async Task StoppedInTheMiddleOfAPart_ResumePlansOnlyTheRest()
    {
        var dir = _temp.Sub("ds");
        var spec = StorageData.Spec();
        var batch = new ResultBatch(2, 7);
        await using (var writer = await CreateAsync(dir, spec))
        {
            Assert.Equal([new IndexRange(0, 21), new IndexRange(21, 42), new IndexRange(42, 60)], writer.Pending);
            for (long s = 0; s < 35; s += 7)
            {
                StorageData.Fill(batch, s, 7);
                await writer.WriteAsync(batch);
            }
        }

        await using var resumed = await CreateAsync(dir, spec);

        Assert.True(resumed.Resumed);
        Assert.Equal(35, resumed.DoneBefore);
        Assert.Equal([new IndexRange(35, 56), new IndexRange(56, 60)], resumed.Pending);
        Assert.True(File.Exists(Path.Combine(dir, "part-0000000021-0000000034.parquet")));
    }

    [Fact]
    public async Task ConcurrentShardWriters_MakeOneCompleteDataSet()
    {
        var dir = _temp.Sub("ds");
        var spec = StorageData.Spec();

        await Task.WhenAll(Enumerable.Range(0, 3).Select(k => Task.Run(async () =>
        {
            await using var writer = await CreateAsync(dir, spec, new Shard(k, 3));
            var batch = new ResultBatch(2, 7);
            foreach (var part in writer.Pending)
            {
                for (long s = part.Start; s < part.End; s += 7)
                {
                    StorageData.Fill(batch, s, (int)Math.Min(7, part.End - s));
                    await writer.WriteAsync(batch);
                }
            }

            await writer.CompleteAsync();
        })));

        var reader = await DataSetReader.OpenAsync(dir);
        Assert.True(reader.Complete);
        Assert.Equal(60, reader.RowCount);
        var ids = (await reader.ReadTableAsync([ResultColumns.TrajId])).Column(ResultColumns.TrajId);
        Assert.Equal(Enumerable.Range(0, 60).Select(i => (double)i), ids);
    }

    [Fact]
    public async Task SameShardTwiceAtOnce_TheSecondIsRefused()
    {
        var dir = _temp.Sub("ds");
        await using var first = await CreateAsync(dir, StorageData.Spec(), new Shard(1, 2));

        var e = await Assert.ThrowsAsync<WriterBusyException>(() => CreateAsync(dir, StorageData.Spec(), new Shard(1, 2)));

        Assert.Equal((dir, "1/2"), (e.Directory, e.Shard.ToString()));
        Assert.Equal($"shard 1/2 of '{dir}' is being written by another eos-sweep process; wait for it or stop it", CliErrors.Wording(e));
        await using var other = await CreateAsync(dir, StorageData.Spec(), new Shard(0, 2));
        Assert.Equal([new IndexRange(0, 21), new IndexRange(21, 30)], other.Pending);
    }

    [Fact]
    public async Task PartListedButDeleted_IsReportedAndRecomputed()
    {
        var dir = _temp.Sub("ds");
        await StorageData.WriteAsync(dir, StorageData.Spec());
        File.Delete(Path.Combine(dir, "part-0000000021-0000000041.parquet"));

        var e = await Assert.ThrowsAsync<DamagedDataSetException>(() => DataSetReader.OpenAsync(dir));
        Assert.Contains("part-0000000021-0000000041.parquet' is damaged: missing", e.Message, StringComparison.Ordinal);

        await using var writer = await CreateAsync(dir, StorageData.Spec());
        Assert.Equal([new IndexRange(21, 42)], writer.Pending);
        Assert.False(File.Exists(Path.Combine(dir, DataSetLayout.ManifestFile)));
    }

    private static Task<DataSetWriter> CreateAsync(string dir, SweepSpec spec, Shard? shard = null) =>
        DataSetWriter.CreateAsync(dir, spec, FakeXyModel.Instance, StorageData.RunInfo, overwrite: false,
            new DataSetWriterOptions { RowsPerPart = 15, Batch = 7, Shard = shard ?? Shard.Whole });
}
