using System.CommandLine;
using System.Globalization;
using EosSweep.Core;
using EosSweep.Core.Grid;
using EosSweep.Engine;
using EosSweep.Storage;

namespace EosSweep.Cli.Commands;

/// <summary><c>eos-sweep status DIR</c>: done and missing trajectories per shard and in total, and any damaged part.</summary>
public static class StatusCommand
{
    /// <summary>Exit code of <c>status</c> when the data set is not complete (missing trajectories or damaged parts).</summary>
    public const int Incomplete = 3;

    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var dir = new Argument<string>("DIR") { Description = "A data set written by 'eos-sweep run' (finished, running or stopped)" };
        var cmd = new Command("status", $"Done and missing trajectories per shard; exit 0 when complete, {Incomplete} when not") { dir };
        cmd.SetAction(pr => CliAction.Guard(stderr, () => Report(pr.GetValue(dir)!, stdout)));
        return cmd;
    }

    /// <summary>Prints the status of <paramref name="dir"/> and returns the exit code.</summary>
    public static int Report(string dir, TextWriter stdout)
    {
        if (RefinePlanFile.TryRead(dir) is { } plan)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"refined sweep {dir}: {plan.Spec.Model}, {plan.Levels} levels to {plan.Finest[0]:N0} × {plan.Finest[1]:N0}; levels done {plan.CompletedLevels} of {plan.Levels + 1} ({string.Join(", ", plan.LevelRows.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))} trajectories){(plan.Complete ? "; complete" : "; run it again to continue")}"));
            return plan.Complete ? 0 : Incomplete;
        }

        // The grid is all status needs of the model: sweep.json describes it when the model is not loaded.
        var sweep = DataSetReader.ReadSweep(dir);
        var spec = DataSetModel.Resolve(sweep, ModelCatalog.All).Spec;
        long total = spec.Grid.Count;
        var inventory = DataSetInventory.ScanAsync(dir, total, verifyHash: true).GetAwaiter().GetResult();
        var inv = CultureInfo.InvariantCulture;
        stdout.WriteLine(string.Create(inv, $"data set {dir}: {spec.Model}/{Core.Models.LossInfo.Of(spec.Loss).Name}, {total:N0} trajectories, {inventory.Parts.Count:N0} sound part file(s)"));
        if (DataSetLayout.EngineNote(sweep.EngineVersion) is { } engineNote)
        {
            stdout.WriteLine($"note: {engineNote}");
        }

        var shards = inventory.Shards.Select(s => s.Shard).ToList();
        var counts = shards.Select(s => s.Count).Distinct().ToList();
        if (counts.Count == 0)
        {
            counts.Add(1);
        }

        foreach (var n in counts)
        {
            for (int k = 0; k < n; k++)
            {
                var shard = new Shard(k, n);
                var block = shard.Range(total);
                var missing = inventory.MissingIn(block);
                long done = block.Count - IndexRange.Total(missing);
                bool started = shards.Contains(shard) || done > 0;
                var state = missing.Count == 0 ? "complete" : started ? "incomplete" : "not started";
                stdout.WriteLine(string.Create(inv,
                    $"shard {shard} ({(block.IsEmpty ? "empty" : block.ToString())}): {state}, {done:N0} done, {IndexRange.Total(missing):N0} missing{(missing.Count > 0 ? ": " + DataSetInventory.Format(missing) : string.Empty)}"));
            }
        }

        foreach (var d in inventory.Damaged)
        {
            stdout.WriteLine($"damaged: {d.Describe(dir)}");
        }

        long missingTotal = total - inventory.Done;
        stdout.WriteLine(string.Create(inv,
            $"total: {inventory.Done:N0} of {total:N0} done, {missingTotal:N0} missing{(inventory.Missing.Count > 0 ? ": " + DataSetInventory.Format(inventory.Missing) : string.Empty)}"));
        if (inventory.AllPresent && inventory.HasManifest)
        {
            stdout.WriteLine("complete");
            return 0;
        }

        stdout.WriteLine(inventory.AllPresent
            ? $"incomplete: every trajectory is present but {DataSetLayout.ManifestFile} is not written yet; run the sweep's command again to finish it"
            : inventory.Damaged.Count > 0
                ? "incomplete: damaged parts; running the same 'eos-sweep run' again (or with --resume) moves them aside and recomputes them"
                : "incomplete: running the same 'eos-sweep run' again (or with --resume), per missing shard, computes the rest");
        return Incomplete;
    }
}
