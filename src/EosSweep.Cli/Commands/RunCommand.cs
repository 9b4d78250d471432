using System.CommandLine;
using System.Globalization;
using EosSweep.Core;
using EosSweep.Core.Grid;
using EosSweep.Core.Resources;
using EosSweep.Engine;
using EosSweep.Storage;

namespace EosSweep.Cli.Commands;

/// <summary><c>eos-sweep run</c>: resolve a sweep from flags, a spec file and a preset, run it, write the data set.</summary>
public static class RunCommand
{
    /// <summary>Builds the command; <paramref name="observer"/> watches the data set writer (null: nobody).</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr, IWriteObserver? observer = null)
    {
        var model = new Option<string?>("--model") { Description = $"Model: {string.Join("|", ModelCatalog.All.Select(m => m.Name))}" };
        var loss = new Option<string?>("--loss") { Description = "Loss: logistic|sqrt|logcosh|square (default: the model's)" };
        var steps = new Option<string?>("--steps") { Description = $"GD steps per trajectory (default {SpecResolver.DefaultSteps}, or the model's τ)", HelpName = "N" };
        var tau = new Option<string?>("--tau") { Description = "Total time τ: each trajectory runs T = round(τ/η) steps (sparse-coding default 10)", HelpName = "TAU" };
        var precision = new Option<string?>("--precision") { Description = "f64 (default) or f32" };
        var accelerator = new Option<string?>("--accelerator") { Description = "auto (default: a GPU when present, else CPU), cpu (SIMD path where the model has one), cpu-ilgpu (ILGPU's CPU accelerator), cuda or opencl" };
        var batch = new Option<string?>("--batch") { Description = "Trajectories per kernel launch (default: from device memory)", HelpName = "N" };
        var threads = new Option<string?>("--threads") { Description = "CPU accelerator threads (rounded up to even); never changes a result", HelpName = "N" };
        var tol = new Option<string?>("--tol") { Description = "Convergence tolerance on the relative GD move (default 1e-10 f64, 1e-6 f32)" };
        var bound = new Option<string?>("--diverge-bound") { Description = "‖θ‖₁ above this is diverged (default 1e8)" };
        var margin = new Option<string?>("--eos-margin") { Description = "A converged run whose ratio η·λ/2 reached 1 − margin is eos (default 0.02)" };
        var trace = new Option<string?>("--trace") { Description = "Record loss, sharpness, ratio and parameters per step for: all, ids:ID,ID,… or every:AXIS:K", HelpName = "SELECTOR" };
        var traceEvery = new Option<string?>("--trace-every") { Description = "Trace every this many steps (default 1)", HelpName = "S" };
        var maxTrace = new Option<string?>("--max-trace-bytes") { Description = "Refuse a trace larger than this before running (default 1 GiB)", HelpName = "BYTES" };
        var spec = new Option<string?>("--spec") { Description = "JSON spec file with the same settings (flags override it)", HelpName = "FILE" };
        var preset = new Option<string?>("--preset") { Description = $"Named sweep: {string.Join("|", Presets.Names)} (file and flags override it)" };
        var resolution = new Option<string?>("--resolution") { Description = "Grid side of --preset: every ranged axis of the preset gets N points (fractal-tanh: N × N)", HelpName = "N" };
        var output = new Option<string?>("--out") { Description = "Output directory (default runs/<preset or model>)", HelpName = "DIR" };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace a data set already in --out (one process only; never while shards run)" };
        var resume = new Option<bool>("--resume") { Description = "Continue the data set in --out: `run --resume --out DIR` alone restarts the sweep stored there (running the same command again continues it too); refuses a directory without one" };
        var shard = new Option<string?>("--shard") { Description = "Run shard K of N (0 <= K < N, K = SLURM_ARRAY_TASK_ID): a contiguous 1/N of the grid into the shared --out", HelpName = "K/N" };
        var rowsPerPart = new Option<string?>("--rows-per-part") { Description = "Rows per Parquet part file (default 1,000,000)", HelpName = "N" };
        var summarize = new Option<bool>("--summarize") { Description = "Write the report (phase diagrams, summary.csv) after the run" };
        var refine = new Option<string?>("--refine") { Description = "Adaptive refinement of a 2-axis grid: run it, then only the cells near a regime boundary at 2x finer resolution, LEVELS times", HelpName = "LEVELS" };
        var refineMargin = new Option<string?>("--refine-margin") { Description = $"Cells added around the boundary at each refinement level (default {RefinedRun.DefaultMargin})", HelpName = "CELLS" };

        var axisOptions = new Dictionary<string, Option<string?>>();
        foreach (var axis in ModelCatalog.All.SelectMany(m => m.Axes).DistinctBy(a => a.Name))
        {
            var owners = string.Join(", ", ModelCatalog.All.Where(m => m.FindAxis(axis.Name) is not null).Select(m => m.Name));
            axisOptions[axis.Name] = new Option<string?>(axis.Flag)
            {
                Description = $"{axis.Description} ({owners}): log:START:STOP:N, lin:START:STOP:N, v1,v2,… or one value",
                HelpName = "AXIS",
            };
        }

        var optionFlags = new Dictionary<string, Option<string?>>();
        foreach (var o in ModelCatalog.All.SelectMany(m => m.Options).DistinctBy(o => o.Name))
        {
            var owners = string.Join(", ", ModelCatalog.All.Where(m => m.Options.Any(x => x.Name == o.Name)).Select(m => m.Name));
            optionFlags[o.Name] = new Option<string?>(o.Flag) { Description = $"{o.Description} ({owners}): {string.Join("|", o.Values)} (default {o.Default})" };
        }

        var cmd = new Command("run", "Run a sweep and write its Parquet data set")
        {
            model, loss, steps, tau, trace, traceEvery, maxTrace, rowsPerPart, precision, accelerator, batch, threads, tol, bound, margin, spec, preset, resolution, output, overwrite, resume, shard, summarize, refine, refineMargin,
        };
        foreach (var o in axisOptions.Values.Concat(optionFlags.Values))
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction((pr, ct) => CliAction.GuardAsync(stderr, async () =>
        {
            var axes = new Dictionary<string, string>();
            foreach (var (name, option) in axisOptions)
            {
                if (pr.GetValue(option) is { } text)
                {
                    axes[name] = text;
                }
            }

            var modelOptions = new Dictionary<string, string>();
            foreach (var (name, option) in optionFlags)
            {
                if (pr.GetValue(option) is { } text)
                {
                    modelOptions[name] = text;
                }
            }

            var flags = new SweepSettings
            {
                Model = pr.GetValue(model),
                Loss = pr.GetValue(loss),
                Axes = axes.Count > 0 ? axes : null,
                Steps = OptionText.Int(pr.GetValue(steps), "--steps"),
                Tau = OptionText.Double(pr.GetValue(tau), "--tau"),
                Trace = pr.GetValue(trace),
                TraceEvery = OptionText.Int(pr.GetValue(traceEvery), "--trace-every"),
                MaxTraceBytes = OptionText.Long(pr.GetValue(maxTrace), "--max-trace-bytes"),
                Options = modelOptions.Count > 0 ? modelOptions : null,
                Precision = pr.GetValue(precision),
                Accelerator = pr.GetValue(accelerator),
                Batch = OptionText.Int(pr.GetValue(batch), "--batch"),
                Threads = OptionText.Int(pr.GetValue(threads), "--threads"),
                Tolerance = OptionText.Double(pr.GetValue(tol), "--tol"),
                DivergenceBound = OptionText.Double(pr.GetValue(bound), "--diverge-bound"),
                EosMargin = OptionText.Double(pr.GetValue(margin), "--eos-margin"),
            };
            var presetName = pr.GetValue(preset);
            var layered = flags;
            if (pr.GetValue(spec) is { } file)
            {
                layered = layered.Over(SpecJson.ReadFile(file));
            }

            var side = OptionText.Int(pr.GetValue(resolution), "--resolution");
            if (side is not null && presetName is null)
            {
                throw new SweepInputException("--resolution sets the grid side of a preset; give --preset too");
            }

            if (presetName is not null)
            {
                layered = layered.Over(side is { } n ? Presets.Get(presetName, n) : Presets.Get(presetName));
            }

            // --resume continues the sweep stored in the directory: its sweep.json is the bottom layer, so
            // `run --resume --out DIR` alone restarts it, and flags that restate it change nothing.
            var outDir = pr.GetValue(output) ?? (presetName is null ? null : Path.Combine("runs", presetName));
            if (pr.GetValue(resume) && pr.GetValue(overwrite))
            {
                throw new SweepInputException("--overwrite and --resume contradict each other: --overwrite discards the data set that --resume continues");
            }

            var stored = pr.GetValue(resume) && outDir is not null
                ? SweepPipeline.Stored(outDir) ?? throw new SweepInputException($"--resume: '{outDir}' holds no data set to resume; run without --resume to start it")
                : null;
            if (stored is not null && outDir is not null)
            {
                layered = layered.Over(stored.Spec);
                SweepPipeline.RequireLoadedModel(layered.Model, stored, outDir);
            }

            var resolved = SpecResolver.Resolve(layered, ModelCatalog.All);
            if (resolved.Precision == Precision.F32)
            {
                foreach (var warning in SinglePrecisionSpacing.Warnings(resolved.Axes))
                {
                    stderr.WriteLine($"eos-sweep: warning: {warning}");
                }
            }

            var dir = outDir ?? Path.Combine("runs", resolved.Model);
            int parts = OptionText.Int(pr.GetValue(rowsPerPart), "--rows-per-part") ?? RunTarget.DefaultRowsPerPart;
            if (parts < 1)
            {
                throw new SweepInputException($"--rows-per-part must be >= 1, got {parts}");
            }

            int? levels = OptionText.Int(pr.GetValue(refine), "--refine") ?? stored?.RefineLevels;
            if (levels is { } l)
            {
                int refineBy = OptionText.Int(pr.GetValue(refineMargin), "--refine-margin") ?? stored?.RefineMargin ?? RefinedRun.DefaultMargin;
                if (pr.GetValue(shard) is not null || resolved.Trace is not null)
                {
                    throw new SweepInputException("--refine runs in one process without traces; drop --shard and --trace");
                }

                bool done = await RefinedRun.RunAsync(resolved, l, refineBy, dir, pr.GetValue(overwrite), stdout, stderr, ct).ConfigureAwait(false);
                return pr.GetValue(summarize) && done ? SummarizeCommand.Summarize(dir, null, null, stdout) : 0;
            }

            if (pr.GetValue(refineMargin) is not null)
            {
                throw new SweepInputException("--refine-margin needs --refine LEVELS");
            }

            var target = new RunTarget
            {
                Overwrite = pr.GetValue(overwrite),
                Resume = pr.GetValue(resume),
                Shard = pr.GetValue(shard) is { } k ? Shard.Parse(k) : Shard.Whole,
                RowsPerPart = parts,
                Observer = observer,
            };
            var (outcome, complete) = await RunAsync(resolved, dir, target, stdout, stderr, ct).ConfigureAwait(false);
            if (outcome is not null)
            {
                PrintOutcome(outcome, dir, stdout);
            }

            return pr.GetValue(summarize) && complete ? SummarizeCommand.Summarize(dir, null, null, stdout) : 0;
        }));
        return cmd;
    }

    /// <summary>Runs a resolved sweep into <paramref name="dir"/> through <see cref="SweepPipeline.RunAsync"/>,
    /// printing what it does: a new data set, or the rest of the one there.</summary>
    /// <returns>The outcome (null when nothing was left to compute) and whether the whole data set is complete.</returns>
    public static async Task<(SweepOutcome? Outcome, bool Complete)> RunAsync(
        SweepSpec spec, string dir, RunTarget target, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var r = await SweepPipeline.RunAsync(spec, dir, target, new RunReport(stdout, stderr), ct).ConfigureAwait(false);
        var inv = CultureInfo.InvariantCulture;
        var shardText = RunReport.ShardText(r.Shard, r.ShardRange);
        if (r.Outcome is not { } outcome)
        {
            stdout.WriteLine(r.DataSetComplete
                ? string.Create(inv, $"{shardText}{dir} already complete: {r.Total:N0} trajectories; nothing to do")
                : string.Create(inv, $"{shardText}{dir} already complete; the data set has {r.DataSetDone:N0} of {r.Total:N0} trajectories (other shards still missing)"));
            return (null, r.DataSetComplete);
        }

        stderr.WriteLine(ResourceSummary(outcome));
        if (!r.DataSetComplete)
        {
            stdout.WriteLine(string.Create(inv,
                $"{shardText}{dir} complete; the data set has {r.DataSetDone:N0} of {r.Total:N0} trajectories ('eos-sweep status {dir}' shows the rest)"));
        }

        return (outcome, r.DataSetComplete);
    }

    /// <summary>Peak RSS, rows written per second, and how much of the wall time compute waited on writing.</summary>
    public static string ResourceSummary(SweepOutcome o)
    {
        double wall = Math.Max(1e-9, o.Elapsed.TotalSeconds);
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return string.Create(CultureInfo.InvariantCulture,
            $"eos-sweep: peak RSS {self.PeakWorkingSet64 / 1048576.0:0} MiB; {ProgressDisplay.Rate(o.Trajectories / wall)} rows/s written ({ProgressDisplay.Rate(o.Trajectories / Math.Max(1e-9, o.WriteTime.TotalSeconds))} rows/s while writing); compute waited on I/O {100 * o.IoWait.TotalSeconds / wall:0.0} % of {wall:0.00} s wall, writer busy {100 * o.WriteTime.TotalSeconds / wall:0.0} %");
    }

    /// <summary>Trajectory steps per second: in millions from 10⁶ up, else in full (a slow model such as mlp would read 0.01 M).</summary>
    private static string StepRate(double perSecond) => perSecond >= 1e6
        ? string.Create(CultureInfo.InvariantCulture, $"{perSecond / 1e6:0.00} M steps/s")
        : string.Create(CultureInfo.InvariantCulture, $"{perSecond:N0} steps/s");

    private static void PrintOutcome(SweepOutcome o, string dir, TextWriter stdout)
    {
        var inv = CultureInfo.InvariantCulture;
        stdout.WriteLine(string.Create(inv,
            $"wrote {o.Trajectories:N0} trajectories to {dir} in {o.Elapsed.TotalSeconds:0.00} s ({ProgressDisplay.Rate(o.Trajectories / Math.Max(1e-9, o.Elapsed.TotalSeconds))} traj/s, {StepRate(o.TrajectorySteps / Math.Max(1e-9, o.Elapsed.TotalSeconds))})"));
        stdout.WriteLine(string.Join("  ", RegimeRules.All.Select(r => string.Create(inv, $"{RegimeRules.Name(r)}: {o.RegimeCounts[(int)r]:N0}"))));
    }
}
