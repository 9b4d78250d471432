using System.CommandLine;
using System.Globalization;
using EosSweep.Analysis;
using EosSweep.Core;
using EosSweep.Core.Refine;
using EosSweep.Core.Results;
using EosSweep.Engine;
using EosSweep.Storage;

namespace EosSweep.Cli.Commands;

/// <summary><c>eos-sweep summarize DIR</c>: phase diagrams, curves and summary.csv into DIR/report/.</summary>
public static class SummarizeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var dir = new Argument<string>("DIR") { Description = "A data set written by 'eos-sweep run'" };
        var x = new Option<string?>("--x") { Description = "Axis on the horizontal (default: eta when it varies)", HelpName = "AXIS" };
        var y = new Option<string?>("--y") { Description = "Axis on the vertical of a phase diagram", HelpName = "AXIS" };
        var incomplete = new Option<bool>("--allow-incomplete") { Description = "Summarise the part files of a sweep that has not finished" };
        var cmd = new Command("summarize", "Draw the phase diagrams (PNG and SVG) and write summary.csv into DIR/report/") { dir, x, y, incomplete };
        cmd.SetAction(pr => CliAction.Guard(stderr, () => Summarize(pr.GetValue(dir)!, pr.GetValue(x), pr.GetValue(y), stdout, pr.GetValue(incomplete))));
        return cmd;
    }

    /// <summary>Summarises the data set in <paramref name="dir"/> and prints a short table.</summary>
    public static int Summarize(string dir, string? xAxis, string? yAxis, TextWriter stdout, bool allowIncomplete = false)
    {
        // A refined sweep is summarised as its finest grid, each cell filled from the finest level that computed it.
        var plan = RefinedDataSet.Exists(dir) ? RefinePlanFile.TryRead(dir) : null;
        if (plan is not null && !plan.Complete && !allowIncomplete)
        {
            throw new SweepInputException(string.Create(CultureInfo.InvariantCulture,
                $"refined sweep '{dir}' is incomplete: {plan.CompletedLevels} of {plan.Levels + 1} levels are done; run it again to continue, or --allow-incomplete"));
        }

        var reader = plan is null ? DataSetReader.OpenAsync(dir, allowIncomplete).GetAwaiter().GetResult() : null;
        var refined = plan is null ? null : RefineGrid.Create(SpecResolver.Resolve(plan.Spec, ModelCatalog.All), plan.Levels);

        // A dense data set is read with the model sweep.json describes when the catalog lacks it (no theory then).
        var read = reader is null ? null : DataSetModel.Resolve(reader.Sweep, ModelCatalog.All);
        var spec = refined?.Finest ?? read!.Spec; // read is set whenever refined is not
        var model = read?.Model ?? ModelCatalog.Find(spec.Model);
        var notes = new List<string>();
        if (read?.Note is { } modelNote)
        {
            notes.Add(modelNote);
        }

        if (reader is not null && DataSetLayout.EngineNote(reader.EngineVersion) is { } engineNote)
        {
            notes.Add(engineNote);
        }

        foreach (var axis in new[] { xAxis, yAxis })
        {
            if (axis is not null && model.FindAxis(axis) is null)
            {
                throw new SweepInputException(
                    $"--x/--y '{axis}' is not an axis of model '{model.Name}'; its axes are: {string.Join(", ", model.Axes.Select(a => a.Name))}");
            }
        }

        var columns = new List<string> { ResultColumns.TrajId };
        columns.AddRange(model.Axes.Select(a => a.Name));
        columns.AddRange(model.Parameters.Select(ResultColumns.Final));
        columns.AddRange(ResultLayout.MeasureNames);
        columns.AddRange(model.ExtraColumns);
        columns.Add(ResultColumns.Steps);
        var table = plan is not null && refined is not null
            ? RefinedDataSet.ReadFinestTableAsync(dir, refined, plan, columns).GetAwaiter().GetResult()
            : reader!.ReadTableAsync(columns).GetAwaiter().GetResult(); // reader is set whenever plan is null
        var result = Summarizer.Summarize(spec, model, table, Path.Combine(dir, "report"), new SummaryOptions { XAxis = xAxis, YAxis = yAxis, Notes = notes }, TraceTable.Load(dir));

        var inv = CultureInfo.InvariantCulture;
        stdout.WriteLine(string.Create(inv, $"summary of {dir}: {result.Rows:N0} trajectories"));
        if (plan is not null)
        {
            long cells = (long)plan.Finest[0] * plan.Finest[1];
            long ran = plan.LevelRows.Sum();
            stdout.WriteLine(string.Create(inv,
                $"  refined {plan.Levels} levels to {plan.Finest[0]:N0} × {plan.Finest[1]:N0}: computed {ran:N0} of {cells:N0} finest cells ({100.0 * ran / cells:0.0}%), per level {string.Join(", ", plan.LevelRows.Select(r => r.ToString("N0", inv)))}; each cell shows the finest level that computed it"));
        }

        if (reader is not null && !reader.Complete)
        {
            stdout.WriteLine(string.Create(inv, $"  INCOMPLETE data set: {result.Rows:N0} of {spec.Grid.Count:N0} trajectories are present"));
        }
        foreach (var r in RegimeRules.All)
        {
            stdout.WriteLine(string.Create(inv, $"  {RegimeRules.Name(r),-12} {result.RegimeCounts.GetValueOrDefault(r),10:N0}  {100 * result.Fraction(r),6:0.0}%"));
        }

        foreach (var c in result.Checks)
        {
            string verdict = c.Passed switch { true => "pass", false => "FAIL", null => "n/a" };
            stdout.WriteLine(string.Create(inv, $"  check {c.Name,-22} {verdict,-4} value {c.Value:G6} (expected {c.Expected})"));
        }

        foreach (var note in result.Notes)
        {
            stdout.WriteLine($"  note: {note}");
        }

        stdout.WriteLine($"report: {result.ReportDirectory}");
        foreach (var f in result.Files)
        {
            stdout.WriteLine($"  {Path.GetFileName(f)}");
        }

        return 0;
    }
}
