using EosSweep.Storage;

namespace EosSweep.Tests.Cli;

/// <summary>
/// <c>--shard K/N</c>: N shards into one directory make the unsharded data set bit for bit (also when they run at once
/// as separate processes); <c>status</c> reports each shard and exits 3 until the data set is complete.
/// </summary>
[Collection(HeavyProcesses.Name)]
public sealed class ShardTests
{
    private static readonly string[] Sweep =
        ["run", "--model", "xy", "--loss", "square", "--eta", "log:0.05:1:10", "--y0", "lin:0.5:6:7", "--steps", "3000",
            "--batch", "4", "--rows-per-part", "6", "--accelerator", "cpu"];

    private static string Reference()
    {
        var dir = CliRunner.TempDir();
        var r = CliRunner.Run([.. Sweep, "--out", dir]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        return dir;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void NShards_Merged_EqualTheUnshardedRun(int n)
    {
        var reference = Reference();
        var dir = CliRunner.TempDir();
        for (int k = n - 1; k >= 0; k--)
        {
            var r = CliRunner.Run([.. Sweep, "--out", dir, "--shard", $"{k}/{n}"]);
            Assert.True(r.ExitCode == 0, r.Stderr);
            Assert.Equal(k == 0, File.Exists(Path.Combine(dir, DataSetLayout.ManifestFile)));
        }

        DataSetAssert.Identical(reference, dir);
        Assert.Equal(n, Directory.GetFiles(dir, "_shard-*.json").Length);
    }

    /// <summary>
    /// Three shard processes alive at once: each is held by the pause hook right after its first part is recorded
    /// (holding its shard's lock) until all three have got there, so they overlap whatever the machine's speed. Then
    /// they go on all together (finishing in a race) or one by one (the data set is complete, with its manifest, only
    /// after the last).
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ThreeShardProcessesAtOnce_MakeOneCompleteDataSet(bool releasedTogether)
    {
        var reference = Reference();
        var dir = CliRunner.TempDir();
        var hold = new Dictionary<string, string> { ["EOSSWEEP_TEST_PAUSE_AT"] = "manifest:1" };
        var children = Enumerable.Range(0, 3).Select(k => ChildProcess.Start([.. Sweep, "--out", dir, "--shard", $"{k}/3"], hold)).ToList();
        try
        {
            // The timeouts only guard against a hang; the hook decides the order of events.
            foreach (var child in children)
            {
                child.WaitForStderr("eos-sweep: test hook: paused at manifest:1", TimeSpan.FromMinutes(2));
            }

            Assert.Equal(3, Directory.GetFiles(dir, DataSetLayout.PartGlob).Length);
            int[] order = releasedTogether ? [0, 1, 2] : [2, 0, 1];
            if (releasedTogether)
            {
                children.ForEach(c => c.Release());
            }

            for (int i = 0; i < order.Length; i++)
            {
                var child = children[order[i]];
                if (!releasedTogether)
                {
                    Assert.False(File.Exists(Path.Combine(dir, DataSetLayout.ManifestFile)));
                    child.Release();
                }

                var r = child.Finish(TimeSpan.FromMinutes(2));
                Assert.True(r.ExitCode == 0, r.Stderr);
            }
        }
        finally
        {
            children.ForEach(c => c.Dispose());
        }

        DataSetAssert.Identical(reference, dir);
        Assert.True(File.Exists(Path.Combine(dir, DataSetLayout.ManifestFile)));
        Assert.Equal(0, CliRunner.Run("status", dir).ExitCode);
    }

    [Fact]
    public void Status_PartlyDoneShardedRun_ListsDoneAndMissingPerShard()
    {
        var dir = CliRunner.TempDir();
        Assert.Equal(0, CliRunner.Run([.. Sweep, "--out", dir, "--shard", "0/3"]).ExitCode);
        Assert.Equal(0, CliRunner.Run([.. Sweep, "--out", dir, "--shard", "2/3"]).ExitCode);

        var status = CliRunner.Run("status", dir);

        Assert.Equal(3, status.ExitCode);
        var lines = status.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                $"data set {dir}: xy/square, 70 trajectories, 6 sound part file(s)",
                "shard 0/3 (0..22): complete, 23 done, 0 missing",
                "shard 1/3 (23..45): not started, 0 done, 23 missing: 23..45",
                "shard 2/3 (46..69): complete, 24 done, 0 missing",
                "total: 47 of 70 done, 23 missing: 23..45",
                "incomplete: running the same 'eos-sweep run' again (or with --resume), per missing shard, computes the rest",
            ],
            lines);

        var summary = CliRunner.Run("summarize", dir);
        Assert.Equal(2, summary.ExitCode);
        Assert.Single(summary.ErrorLines);
        Assert.Contains("is incomplete: 47 of 70 trajectories are done (missing 23..45)", summary.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3/3", "out of range")]
    [InlineData("-1/3", "malformed")]
    [InlineData("1of3", "malformed")]
    [InlineData("0/0", "out of range")]
    public void BadShard_IsOneClearLine(string shard, string what)
    {
        var dir = CliRunner.TempDir();

        var r = CliRunner.Run([.. Sweep, "--out", dir, "--shard", shard]);

        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.ErrorLines);
        Assert.StartsWith($"eos-sweep: error: --shard '{shard}' is {what}", r.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
    }
}
