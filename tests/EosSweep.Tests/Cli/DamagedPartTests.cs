using EosSweep.Storage;

namespace EosSweep.Tests.Cli;

/// <summary>A truncated or corrupted part: status, summarize and query name it; running again moves it aside and
/// recomputes exactly its trajectories.</summary>
public sealed class DamagedPartTests
{
    private static readonly string[] Sweep =
        ["run", "--model", "xy", "--eta", "log:0.05:1:8", "--y0", "lin:0.5:6:5", "--steps", "4000",
            "--batch", "4", "--rows-per-part", "8", "--accelerator", "cpu"];

    private const string Victim = "part-0000000016-0000000023.parquet";

    private static (string Reference, string Dir) TwoRuns()
    {
        var reference = CliRunner.TempDir();
        var dir = CliRunner.TempDir();
        foreach (var d in new[] { reference, dir })
        {
            var r = CliRunner.Run([.. Sweep, "--out", d]);
            Assert.True(r.ExitCode == 0, r.Stderr);
        }

        return (reference, dir);
    }

    [Fact]
    public void TruncatedPart_IsNamedByStatusSummarizeAndQuery_AndRepairedByResume()
    {
        var (reference, dir) = TwoRuns();
        var victim = Path.Combine(dir, Victim);
        using (var f = new FileStream(victim, FileMode.Open))
        {
            f.SetLength(f.Length / 2);
        }

        var status = CliRunner.Run("status", dir);
        Assert.Equal(3, status.ExitCode);
        Assert.Contains($"damaged: part file '{victim}' is damaged: truncated: ", status.Stdout, StringComparison.Ordinal);
        Assert.Contains("total: 32 of 40 done, 8 missing: 16..23", status.Stdout, StringComparison.Ordinal);

        foreach (var r in new[] { CliRunner.Run("summarize", dir), CliRunner.Run("query", dir, "SELECT count(*) FROM trajectories") })
        {
            Assert.Equal(2, r.ExitCode);
            Assert.Single(r.ErrorLines);
            Assert.StartsWith($"eos-sweep: error: part file '{victim}' is damaged: truncated: ", r.Stderr, StringComparison.Ordinal);
        }

        var resumed = CliRunner.Run([.. Sweep, "--out", dir, "--resume"]);

        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.Contains($"moved it aside to '{Victim}.damaged', its trajectories 16..23 are recomputed", resumed.Stderr, StringComparison.Ordinal);
        Assert.Contains("computing 8 in 1 part(s)", resumed.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(victim + DataSetLayout.DamagedSuffix));
        DataSetAssert.Identical(reference, dir);
        Assert.Equal(0, CliRunner.Run("status", dir).ExitCode);
    }

    [Fact]
    public void FlippedByteInPart_IsCaughtByItsChecksum_AndRepaired()
    {
        var (reference, dir) = TwoRuns();
        var victim = Path.Combine(dir, Victim);
        var bytes = File.ReadAllBytes(victim);
        bytes[bytes.Length / 3] ^= 0x5A;
        File.WriteAllBytes(victim, bytes);

        var status = CliRunner.Run("status", dir);
        Assert.Equal(3, status.ExitCode);
        Assert.Contains($"part file '{victim}' is damaged: ", status.Stdout, StringComparison.Ordinal);

        var resumed = CliRunner.Run([.. Sweep, "--out", dir]);

        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        DataSetAssert.Identical(reference, dir);
    }

    [Fact]
    public void ResumeWithOnlyTheDirectory_ContinuesTheStoredSweep()
    {
        var (reference, dir) = TwoRuns();
        File.Delete(Path.Combine(dir, Victim));
        File.Delete(Path.Combine(dir, DataSetLayout.ManifestFile));

        var resumed = CliRunner.Run("run", "--resume", "--out", dir, "--batch", "4");

        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.Contains("computing 8 in 1 part(s)", resumed.Stderr, StringComparison.Ordinal);
        DataSetAssert.Identical(reference, dir);

        var nothing = CliRunner.Run("run", "--resume", "--out", CliRunner.TempDir());
        Assert.Equal(2, nothing.ExitCode);
        Assert.Contains("holds no data set to resume", Assert.Single(nothing.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void ResumeWithoutDataSet_AndResumeWithOverwrite_AreRefused()
    {
        var dir = CliRunner.TempDir();

        var nothing = CliRunner.Run([.. Sweep, "--out", dir, "--resume"]);
        var both = CliRunner.Run([.. Sweep, "--out", dir, "--resume", "--overwrite"]);

        Assert.Equal(2, nothing.ExitCode);
        Assert.StartsWith($"eos-sweep: error: --resume: '{dir}' holds no data set to resume", nothing.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("--overwrite and --resume contradict each other", both.Stderr, StringComparison.Ordinal);
    }
}
