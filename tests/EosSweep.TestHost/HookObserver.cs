using System.Diagnostics;
using System.Globalization;
using EosSweep.Storage;

namespace EosSweep.TestHost;

/// <summary>
/// The crash tests' hooks on the write protocol. With <c>EOSSWEEP_TEST_KILL_AT=POINT:N</c> the process kills itself
/// (SIGKILL, as <c>kill -9</c> would) the N-th time (1-based) the writer reaches POINT: <c>row-group</c>,
/// <c>temp</c>, <c>rename</c> or <c>manifest</c> (<see cref="WritePoint"/>, in protocol order for one part). With
/// <c>EOSSWEEP_TEST_PACE_MS=M</c> it waits M ms (at most 10 s) after each part's manifest update, so a test's kills
/// land mid-run however fast the machine computes. With <c>EOSSWEEP_TEST_PAUSE_AT=POINT:N</c> it instead stops the
/// N-th time it reaches POINT: it writes <c>eos-sweep: test hook: paused at POINT:N</c> to stderr and waits until its
/// standard input gives a line or ends, so a test can hold several processes at a known point at once and then let
/// them go.
/// </summary>
public sealed class HookObserver : IWriteObserver
{
    /// <summary>The kill variable (POINT:N).</summary>
    public const string KillVariable = "EOSSWEEP_TEST_KILL_AT";

    /// <summary>The pacing variable (milliseconds after each part).</summary>
    public const string PaceVariable = "EOSSWEEP_TEST_PACE_MS";

    /// <summary>The pause variable (POINT:N, released by a line on, or the end of, standard input).</summary>
    public const string PauseVariable = "EOSSWEEP_TEST_PAUSE_AT";

    private readonly int _paceMs;
    private readonly string? _killPoint;
    private readonly int _killTarget;
    private readonly string? _pausePoint;
    private readonly int _pauseTarget;
    private int _killSeen;
    private int _pauseSeen;

    private HookObserver(int paceMs, string? kill, string? pause)
    {
        _paceMs = paceMs;
        _killPoint = ParsePoint(kill, out _killTarget);
        _pausePoint = ParsePoint(pause, out _pauseTarget);
    }

    /// <summary>The observer the three variables ask for (read through <paramref name="variable"/>).</summary>
    public static HookObserver FromEnvironment(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        int pace = int.TryParse(variable(PaceVariable), NumberStyles.None, CultureInfo.InvariantCulture, out int ms) ? Math.Min(ms, 10_000) : 0;
        return new HookObserver(pace, variable(KillVariable), variable(PauseVariable));
    }

    /// <summary>The name a variable gives <paramref name="point"/>.</summary>
    public static string Name(WritePoint point) => point switch
    {
        WritePoint.RowGroup => "row-group",
        WritePoint.Temp => "temp",
        WritePoint.Rename => "rename",
        WritePoint.Manifest => "manifest",
        _ => throw new ArgumentOutOfRangeException(nameof(point), point, null),
    };

    /// <inheritdoc/>
    public void Reached(WritePoint point)
    {
        var name = Name(point);
        if (_paceMs > 0 && point == WritePoint.Manifest)
        {
            Thread.Sleep(_paceMs);
        }

        if (name == _pausePoint && Interlocked.Increment(ref _pauseSeen) == _pauseTarget)
        {
            Console.Error.WriteLine($"eos-sweep: test hook: paused at {name}:{_pauseTarget}");
            Console.Error.Flush();
            Console.In.ReadLine();
        }

        if (name == _killPoint && Interlocked.Increment(ref _killSeen) == _killTarget)
        {
            Console.Error.WriteLine($"eos-sweep: test hook: killed at {name}:{_killTarget}");
            Console.Error.Flush();
            Process.GetCurrentProcess().Kill();
            Environment.FailFast("test hook: the process did not die");
        }
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
}
