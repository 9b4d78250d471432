using System.Globalization;
using EosSweep.Engine;

namespace EosSweep.Cli.Commands;

/// <summary>What <c>eos-sweep run</c> prints while the pipeline runs: notes and progress on stderr, a live bar on a
/// terminal.</summary>
/// <param name="stdout">Results.</param>
/// <param name="stderr">Notes and progress.</param>
public sealed class RunReport(TextWriter stdout, TextWriter stderr) : IDenseRunObserver, IRefinedRunObserver
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <inheritdoc/>
    public IProgress<SweepProgress>? LevelProgress { get; } = new ProgressDisplay(stderr);

    /// <summary>"shard K/N (range) of " when the run is one shard of several, else empty.</summary>
    public static string ShardText(Core.Grid.Shard shard, Core.Grid.IndexRange range) =>
        shard.Count > 1 ? $"shard {shard} ({range}) of " : string.Empty;

    /// <inheritdoc/>
    public void Note(string line) => stderr.WriteLine($"eos-sweep: {line}");

    /// <inheritdoc/>
    public void Resuming(DenseRunStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        stderr.WriteLine(string.Create(Inv,
            $"eos-sweep: resuming {ShardText(start.Shard, start.ShardRange)}{start.Directory}: {start.DoneBefore:N0} of {start.ShardRange.Count:N0} trajectories already done, computing {start.PendingRows:N0} in {start.PendingParts:N0} part(s)"));
    }

    /// <inheritdoc/>
    public void Starting(DenseRunStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        if (start.Estimate is { } estimate)
        {
            stderr.WriteLine($"eos-sweep: {estimate.Summary()}");
        }

        var spec = start.Spec;
        stderr.WriteLine(string.Create(Inv,
            $"eos-sweep: {spec.Model}/{Core.Models.LossInfo.Of(spec.Loss).Name}, {start.PendingRows:N0} trajectories × ≤{spec.Steps:N0} steps on {start.AcceleratorKind} ({start.AcceleratorName}), batch {start.Batch:N0} → {ShardText(start.Shard, start.ShardRange)}{start.Directory}"));
    }

    /// <inheritdoc/>
    public Task<SweepOutcome> TrackAsync(long total, Func<IProgress<SweepProgress>, Task<SweepOutcome>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return ProgressDisplay.Interactive(stdout)
            ? ProgressDisplay.WithBarAsync("trajectories", total, work)
            : work(new ProgressDisplay(stderr));
    }

    /// <inheritdoc/>
    public void Resuming(RefinedRunStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        stderr.WriteLine(string.Create(Inv, $"eos-sweep: resuming {start.Directory}: levels 0..{start.CompletedLevels - 1} done ({start.Computed:N0} trajectories)"));
    }

    /// <inheritdoc/>
    public void Starting(RefinedRunStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var grid = start.Grid;
        stderr.WriteLine(string.Create(Inv,
            $"eos-sweep: {grid.Coarse.Model}, refining {grid.RowsAt(0)} × {grid.ColumnsAt(0)} by {grid.Levels} levels to {grid.Rows:N0} × {grid.Columns:N0} (margin {start.Margin}) → {start.Directory}"));
    }

    /// <inheritdoc/>
    public void LevelWritten(int level, long trajectories, TimeSpan elapsed) =>
        stderr.WriteLine(string.Create(Inv, $"eos-sweep: level {level}: {trajectories:N0} trajectories in {elapsed.TotalSeconds:0.00} s"));
}
