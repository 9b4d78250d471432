using System.Diagnostics;
using System.Globalization;

namespace EosSweep.Storage;

/// <summary>
/// A test hook for crash safety: with <c>EOSSWEEP_TEST_KILL_AT=POINT:N</c> in the environment, the process kills
/// itself (SIGKILL, as <c>kill -9</c> would) the N-th time (1-based) it reaches POINT of the write protocol.
/// Points, in protocol order for one part: <c>row-group</c> (a row group written to the temporary part),
/// <c>temp</c> (the temporary part complete and flushed, not yet renamed), <c>rename</c> (renamed into place, the
/// shard manifest not yet updated), <c>manifest</c> (the shard manifest updated). With <c>EOSSWEEP_TEST_PACE_MS=M</c>
/// the writer also waits M ms after each part's manifest update, so a crash test's kills land mid-run however fast
/// the machine computes. With <c>EOSSWEEP_TEST_PAUSE_AT=POINT:N</c> the process instead stops the N-th time it
/// reaches POINT: it writes <c>eos-sweep: test hook: paused at POINT:N</c> to stderr and waits until its standard
/// input gives a line or ends, so a test can hold several processes at a known point at once and then let them go.
/// Without the variables this costs one branch per call.
/// </summary>
internal static class FaultInjection
{
    /// <summary>The environment variable read once at start-up.</summary>
    public const string Variable = "EOSSWEEP_TEST_KILL_AT";

    /// <summary>The pacing variable (milliseconds after each part).</summary>
    public const string PaceVariable = "EOSSWEEP_TEST_PACE_MS";

    /// <summary>The pause variable (POINT:N, released by a line on, or the end of, standard input).</summary>
    public const string PauseVariable = "EOSSWEEP_TEST_PAUSE_AT";

    private static readonly int PaceMs;
    private static readonly string? Point;
    private static readonly int Target;
    private static readonly string? PausePoint;
    private static readonly int PauseTarget;
    private static int _seen;
    private static int _pauseSeen;

    static FaultInjection()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable(PaceVariable), NumberStyles.None, CultureInfo.InvariantCulture, out int pace))
        {
            PaceMs = Math.Min(pace, 10_000);
        }

        Point = ParsePoint(Environment.GetEnvironmentVariable(Variable), out Target);
        PausePoint = ParsePoint(Environment.GetEnvironmentVariable(PauseVariable), out PauseTarget);
    }

    private static string? ParsePoint(string? text, out int target)
    {
        target = 0;
        int colon = text?.LastIndexOf(':') ?? -1;
        if (text is null || colon <= 0
            || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out target) || target < 1)
        {
            return null;
        }

        return text[..colon];
    }

    /// <summary>Marks that the writer reached <paramref name="point"/>; kills the process when it is the one asked for.</summary>
    public static void Reach(string point)
    {
        if (PaceMs > 0 && point == "manifest")
        {
            Thread.Sleep(PaceMs);
        }

        if (PausePoint is not null && string.Equals(point, PausePoint, StringComparison.Ordinal)
            && Interlocked.Increment(ref _pauseSeen) == PauseTarget)
        {
            Console.Error.WriteLine($"eos-sweep: test hook: paused at {point}:{PauseTarget}");
            Console.Error.Flush();
            Console.In.ReadLine();
        }

        if (Point is null || !string.Equals(point, Point, StringComparison.Ordinal))
        {
            return;
        }

        if (Interlocked.Increment(ref _seen) == Target)
        {
            Console.Error.WriteLine($"eos-sweep: test hook: killed at {point}:{Target}");
            Console.Error.Flush();
            Process.GetCurrentProcess().Kill();
            Environment.FailFast("test hook: the process did not die");
        }
    }
}
