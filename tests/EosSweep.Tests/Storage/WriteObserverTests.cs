using System.Text.Json;
using EosSweep.Core.Results;
using EosSweep.Storage;

namespace EosSweep.Tests.Storage;

/// <summary>
/// The write protocol as <see cref="DataSetWriterOptions.Observer"/> sees it: the points in order for each part, and at
/// each point the files a process killed there leaves (what the crash tests' child process relies on).
/// </summary>
public sealed class WriteObserverTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task EachPart_PassesRowGroupsThenTempRenameManifest_InThatOrder()
    {
        var dir = _temp.Sub("ds");
        var observer = new Recorder(dir);

        await WriteAsync(dir, observer);

        // 60 trajectories in parts of 14 (batches of 7, two row groups each) and a last part of 4: 5 parts.
        WritePoint[] part = [WritePoint.RowGroup, WritePoint.RowGroup, WritePoint.Temp, WritePoint.Rename, WritePoint.Manifest];
        WritePoint[] last = [WritePoint.RowGroup, WritePoint.Temp, WritePoint.Rename, WritePoint.Manifest];
        Assert.Equal([.. part, .. part, .. part, .. part, .. last], observer.Points);
    }

    [Fact]
    public async Task AtEachPoint_TheFirstPartIsWhereTheProtocolSays()
    {
        var dir = _temp.Sub("ds");
        var observer = new Recorder(dir);

        await WriteAsync(dir, observer);

        // (temporary file present, part file present, listed in the shard manifest) when each point was first reached.
        Assert.Equal((true, false, false), observer.FirstPart[WritePoint.RowGroup]);
        Assert.Equal((true, false, false), observer.FirstPart[WritePoint.Temp]);
        Assert.Equal((false, true, false), observer.FirstPart[WritePoint.Rename]);
        Assert.Equal((false, true, true), observer.FirstPart[WritePoint.Manifest]);
    }

    private static async Task WriteAsync(string dir, IWriteObserver observer)
    {
        const int capacity = 7;
        var spec = StorageData.Spec();
        var batch = new ResultBatch(FakeXyModel.Instance.Parameters.Count, capacity);
        await using var writer = await DataSetWriter.CreateAsync(
            dir, spec, FakeXyModel.Instance, StorageData.RunInfo, overwrite: false,
            new DataSetWriterOptions { RowsPerPart = 14, Batch = capacity, Observer = observer });
        foreach (var part in writer.Pending)
        {
            for (long start = part.Start; start < part.End; start += capacity)
            {
                StorageData.Fill(batch, start, (int)Math.Min(capacity, part.End - start));
                await writer.WriteAsync(batch);
            }
        }

        await writer.CompleteAsync();
    }

    /// <summary>Records the points passed and, the first time each is reached, the state of the first part's files.</summary>
    private sealed class Recorder(string dir) : IWriteObserver
    {
        private const string FirstPartName = "part-0000000000-0000000013.parquet";

        public List<WritePoint> Points { get; } = [];

        public Dictionary<WritePoint, (bool Temp, bool Part, bool Listed)> FirstPart { get; } = [];

        public void Reached(WritePoint point)
        {
            Points.Add(point);
            if (!FirstPart.ContainsKey(point))
            {
                FirstPart[point] = (
                    File.Exists(Path.Combine(dir, DataSetLayout.TempName(FirstPartName))),
                    File.Exists(Path.Combine(dir, FirstPartName)),
                    Listed());
            }
        }

        private bool Listed()
        {
            var manifest = Path.Combine(dir, DataSetLayout.ShardFile(Core.Grid.Shard.Whole));
            return File.Exists(manifest)
                && JsonSerializer.Deserialize<ShardManifest>(File.ReadAllText(manifest))!.Parts.Any(p => p.File == FirstPartName);
        }
    }
}
