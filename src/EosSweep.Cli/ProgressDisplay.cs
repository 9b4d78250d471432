using System.Globalization;
using EosSweep.Engine;
using Spectre.Console;

namespace EosSweep.Cli;

/// <summary>
/// Shows sweep progress: a live Spectre bar with rate and ETA on a terminal, and plain log lines on
/// stderr every few seconds when output is redirected (Spectre's live display prints nothing there).
/// </summary>
public sealed class ProgressDisplay : IProgress<SweepProgress>
{
    private readonly TextWriter _log;
    private readonly TimeSpan _every;
    private SweepProgress? _latest;
    private DateTime _lastLog = DateTime.MinValue;

    /// <summary>Creates a display logging to <paramref name="log"/> when not interactive.</summary>
    public ProgressDisplay(TextWriter log, TimeSpan? every = null)
    {
        _log = log;
        _every = every ?? TimeSpan.FromSeconds(5);
    }

    /// <summary>Whether the live bar is used.</summary>
    public static bool Interactive(TextWriter stdout) =>
        ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <inheritdoc/>
    public void Report(SweepProgress value)
    {
        _latest = value;
        if (DateTime.UtcNow - _lastLog >= _every || value.Done == value.Total)
        {
            _lastLog = DateTime.UtcNow;
            _log.WriteLine(Line(value));
        }
    }

    /// <summary>The log line of a report.</summary>
    public static string Line(SweepProgress p) => string.Create(CultureInfo.InvariantCulture,
        $"eos-sweep: {p.Done:N0}/{p.Total:N0} trajectories ({100.0 * p.Done / Math.Max(1, p.Total):0.0}%), {Rate(p.Rate)}/s, ETA {Format(p.Remaining)}");

    /// <summary>A rate with three significant digits below 1000 and thousands separators above.</summary>
    public static string Rate(double r) => r >= 1000 ? r.ToString("N0", CultureInfo.InvariantCulture) : r.ToString("G3", CultureInfo.InvariantCulture);

    /// <summary>Runs <paramref name="work"/> under a live progress bar fed by the returned reporter.</summary>
    public static async Task<T> WithBarAsync<T>(string title, long total, Func<IProgress<SweepProgress>, Task<T>> work)
    {
        var sink = new LatestOnly();
        T result = default!;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RateColumn(sink), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(title, maxValue: total);
                var running = work(sink);
                while (!running.IsCompleted)
                {
                    await Task.WhenAny(running, Task.Delay(200)).ConfigureAwait(false);
                    if (sink.Latest is { } p)
                    {
                        task.Value = p.Done;
                    }
                }

                result = await running.ConfigureAwait(false);
                task.Value = total;
            }).ConfigureAwait(false);
        return result;
    }

    private static string Format(TimeSpan? t) => t is { } v ? v.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "--:--:--";

    private sealed class LatestOnly : IProgress<SweepProgress>
    {
        public SweepProgress? Latest { get; private set; }

        public void Report(SweepProgress value) => Latest = value;
    }

    private sealed class RateColumn(LatestOnly sink) : ProgressColumn
    {
        public override Spectre.Console.Rendering.IRenderable Render(Spectre.Console.Rendering.RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(sink.Latest is { } p ? $"{Rate(p.Rate)} traj/s" : "…");
    }
}
