using System.Diagnostics;
using EosSweep.Storage;
using Xunit.Abstractions;

namespace EosSweep.Tests.Cli;

/// <summary>
/// A real <c>eos-sweep run</c> killed again and again — SIGKILL at random moments, and at each step of the write
/// protocol through the <c>EOSSWEEP_TEST_KILL_AT</c> hook — and started again each time ends with the data set of an
/// uninterrupted run: every trajectory once, every value bit-identical.
/// </summary>
public sealed class CrashResumeTests(ITestOutputHelper output)
{
    // 384 trajectories in parts of 4 (96 parts). The killed runs are paced (EOSSWEEP_TEST_PACE_MS: 60 ms after each
    // part), so a run takes seconds however fast the machine computes and the kills land in the middle of it.
    private static readonly string[] Sweep =
        ["run", "--model", "xy", "--eta", "log:0.05:1:24", "--y0", "lin:0.5:6:16", "--steps", "20000",
            "--batch", "4", "--rows-per-part", "4", "--accelerator", "cpu"];

    private static readonly string[] HookPoints = ["row-group", "temp", "rename", "manifest"];

    [Fact]
    public void KilledAtRandomMomentsAndWriteSteps_ResumedEachTime_EqualsAnUninterruptedRun()
    {
        var reference = CliRunner.TempDir();
        var r = CliRunner.Run([.. Sweep, "--out", reference]);
        Assert.True(r.ExitCode == 0, r.Stderr);

        var dir = CliRunner.TempDir();
        var random = new Random(20240611);
        var clock = Stopwatch.StartNew();
        int kills = 0, hookKills = 0, timeKills = 0;
        for (int attempt = 0; attempt < 40 && kills < 20; attempt++)
        {
            bool hook = attempt % 2 == 0;
            var env = new Dictionary<string, string> { ["EOSSWEEP_TEST_PACE_MS"] = "60" };
            if (hook)
            {
                // Every point of the write protocol in turn, at the first or second part of the run.
                env["EOSSWEEP_TEST_KILL_AT"] = $"{HookPoints[(attempt / 2) % HookPoints.Length]}:{random.Next(1, 3)}";
            }

            int partsBefore = PartCount(dir);

            using var child = ChildProcess.Start([.. Sweep, "--out", dir], env);
            CliRunner.Result result;
            if (hook)
            {
                result = child.Finish(TimeSpan.FromSeconds(60));
            }
            else
            {
                // Half the timer kills land anywhere from start-up on; the others in the middle of computing, a random
                // few milliseconds after the child wrote its first part (so each kill costs little progress).
                if (random.Next(2) == 0)
                {
                    child.WaitForExit(TimeSpan.FromMilliseconds(random.Next(100, 1500)));
                }
                else
                {
                    var waited = Stopwatch.StartNew();
                    while (!child.WaitForExit(TimeSpan.FromMilliseconds(5)) && waited.Elapsed < TimeSpan.FromSeconds(30)
                        && PartCount(dir) <= partsBefore)
                    {
                    }

                    child.WaitForExit(TimeSpan.FromMilliseconds(random.Next(0, 40)));
                }

                child.Kill();
                result = child.Finish(TimeSpan.FromSeconds(60));
            }

            output.WriteLine($"{attempt}: {(hook ? env["EOSSWEEP_TEST_KILL_AT"] : "timer")} -> exit {result.ExitCode}");
            if (result.ExitCode == 0)
            {
                break;
            }

            Assert.True(result.ExitCode == 137 || result.ExitCode == -1 || result.ExitCode == 9, $"unexpected exit {result.ExitCode}: {result.Stderr}");
            Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
            kills++;
            if (hook)
            {
                hookKills++;
            }
            else
            {
                timeKills++;
            }
        }

        var last = ChildProcess.Start([.. Sweep, "--out", dir, "--resume"]);
        var final = last.Finish(TimeSpan.FromSeconds(60));
        last.Dispose();
        Assert.True(final.ExitCode == 0, final.Stderr);
        output.WriteLine($"{kills} kills ({hookKills} at write steps, {timeKills} by timer) in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(kills >= 20, $"only {kills} kills happened");
        Assert.True(hookKills >= 10 && timeKills >= 5, $"{hookKills} hook kills, {timeKills} timer kills");

        DataSetAssert.Identical(reference, dir);
        Assert.Empty(Directory.GetFiles(dir, DataSetLayout.TempGlob));
        var again = CliRunner.Run([.. Sweep, "--out", dir]);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("already complete", again.Stdout, StringComparison.Ordinal);
    }

    private static int PartCount(string dir) => Directory.Exists(dir) ? Directory.GetFiles(dir, DataSetLayout.PartGlob).Length : 0;
}
