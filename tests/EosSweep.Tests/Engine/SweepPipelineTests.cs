using EosSweep.Core;
using EosSweep.Core.Grid;
using EosSweep.Engine;
using EosSweep.Tests.Storage;

namespace EosSweep.Tests.Engine;

/// <summary>
/// The sweep pipeline without the CLI: what it tells its observer, in which order, and what its result says the
/// directory holds (the CLI tests pin the wording printed from these).
/// </summary>
public sealed class SweepPipelineTests
{
    /// <summary>4 × 3 = 12 xy trajectories on the CPU.</summary>
    private static SweepSpec Spec() => SpecResolver.Resolve(
        new SweepSettings
        {
            Model = "xy",
            Axes = new Dictionary<string, string> { ["eta"] = "log:0.1:1:4", ["y0"] = "lin:0.5:2:3" },
            Steps = 50,
            Accelerator = "cpu",
        },
        ModelCatalog.All);

    [Fact]
    public async Task RunAsync_EmptyDirectory_StartsTracksAndCompletesTheDataSet()
    {
        using var tmp = new TempDirectory();
        var spec = Spec();
        var seen = new Recorder();

        var r = await SweepPipeline.RunAsync(spec, tmp.Sub("set"), new RunTarget(), seen, CancellationToken.None);

        Assert.Equal(["starting", "track 12"], seen.Events);
        Assert.Equal(12, r.Outcome?.Trajectories);
        Assert.True(r.DataSetComplete);
        Assert.Equal(12, r.DataSetDone);
        Assert.Equal(12, r.Total);
    }

    [Fact]
    public async Task RunAsync_CompleteDirectory_ComputesNothing()
    {
        using var tmp = new TempDirectory();
        var spec = Spec();
        await SweepPipeline.RunAsync(spec, tmp.Sub("set"), new RunTarget(), new Recorder(), CancellationToken.None);
        var again = new Recorder();

        var r = await SweepPipeline.RunAsync(spec, tmp.Sub("set"), new RunTarget(), again, CancellationToken.None);

        Assert.Empty(again.Events);
        Assert.Null(r.Outcome);
        Assert.True(r.DataSetComplete);
        Assert.Equal(12, r.DataSetDone);
    }

    [Fact]
    public async Task RunAsync_Shards_EachRunsItsRangeAndTheLastCompletesTheDataSet()
    {
        using var tmp = new TempDirectory();
        var spec = Spec();

        var first = await SweepPipeline.RunAsync(spec, tmp.Sub("set"), new RunTarget { Shard = Shard.Parse("0/2") }, new Recorder(), CancellationToken.None);
        var second = await SweepPipeline.RunAsync(spec, tmp.Sub("set"), new RunTarget { Shard = Shard.Parse("1/2") }, new Recorder(), CancellationToken.None);

        Assert.Equal(new IndexRange(0, 6), first.ShardRange);
        Assert.Equal(6, first.Outcome?.Trajectories);
        Assert.False(first.DataSetComplete);
        Assert.Equal(6, first.DataSetDone);
        Assert.Equal(new IndexRange(6, 12), second.ShardRange);
        Assert.True(second.DataSetComplete);
        Assert.Equal(12, second.DataSetDone);
    }

    [Fact]
    public async Task Stored_ReturnsTheDenseSweepOfTheDirectory_AndNullWithoutOne()
    {
        using var tmp = new TempDirectory();
        var spec = Spec();
        Assert.Null(SweepPipeline.Stored(tmp.Sub("set")));
        await SweepPipeline.RunAsync(spec, tmp.Sub("set"), new RunTarget(), new Recorder(), CancellationToken.None);

        var stored = SweepPipeline.Stored(tmp.Sub("set"));

        Assert.NotNull(stored);
        Assert.Equal(SpecJson.Write(spec), SpecJson.Write(SpecResolver.Resolve(stored.Spec, ModelCatalog.All)));
        Assert.Null(stored.RefineLevels);
    }

    [Fact]
    public async Task RunRefinedAsync_TellsEachLevel_ThenFindsTheDirectoryComplete()
    {
        using var tmp = new TempDirectory();
        var coarse = Spec();
        var seen = new Recorder();

        var r = await SweepPipeline.RunRefinedAsync(coarse, 1, SweepPipeline.DefaultRefineMargin, tmp.Sub("set"), overwrite: false, seen, CancellationToken.None);
        var again = await SweepPipeline.RunRefinedAsync(coarse, 1, SweepPipeline.DefaultRefineMargin, tmp.Sub("set"), overwrite: false, new Recorder(), CancellationToken.None);

        // Level 0 is the 4 × 3 coarse grid; level 1 halves the cells of the 7 × 5 finest grid near a boundary.
        Assert.Equal(["starting", "level 0: 12", $"level 1: {r.Ran - 12}"], seen.Events);
        Assert.False(r.AlreadyComplete);
        Assert.Equal(r.Ran, r.Computed);
        Assert.Equal(35, r.DenseCells);
        Assert.True(again.AlreadyComplete);
        Assert.Equal(r.Computed, again.Computed);
        Assert.Equal(1, SweepPipeline.Stored(tmp.Sub("set"))?.RefineLevels);
    }

    [Fact]
    public async Task RunRefinedAsync_MarginOutOfRange_IsRefusedBeforeTheDirectoryIsTouched()
    {
        using var tmp = new TempDirectory();

        var e = await Assert.ThrowsAsync<SweepInputException>(() =>
            SweepPipeline.RunRefinedAsync(Spec(), 1, 65, tmp.Sub("set"), overwrite: false, new Recorder(), CancellationToken.None));

        Assert.Contains("--refine-margin must be from 0 to 64", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(tmp.Sub("set")));
    }

    private sealed class Recorder : IDenseRunObserver, IRefinedRunObserver
    {
        public List<string> Events { get; } = [];

        public IProgress<SweepProgress>? LevelProgress => null;

        public void Note(string line) => Events.Add($"note {line}");

        public void Resuming(DenseRunStart start) => Events.Add("resuming");

        public void Starting(DenseRunStart start) => Events.Add("starting");

        public Task<SweepOutcome> TrackAsync(long total, Func<IProgress<SweepProgress>, Task<SweepOutcome>> work)
        {
            Events.Add($"track {total}");
            return work(new Progress<SweepProgress>());
        }

        public void Resuming(RefinedRunStart start) => Events.Add("resuming");

        public void Starting(RefinedRunStart start) => Events.Add("starting");

        public void LevelWritten(int level, long trajectories, TimeSpan elapsed) => Events.Add($"level {level}: {trajectories}");
    }
}
