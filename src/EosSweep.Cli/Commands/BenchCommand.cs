using System.CommandLine;
using System.Globalization;
using EosSweep.Benchmarks;
using EosSweep.Core;
using EosSweep.Engine;

namespace EosSweep.Cli.Commands;

/// <summary>
/// <c>eos-sweep bench</c>: trajectory-steps per second of every engine beside (a) a single-thread scalar C# loop,
/// (b) a Parallel.For scalar loop, (c) the numpy-vectorised script and (d) the machine's FMA-peak floor, all from
/// one run; then the divergence pair. Method in benchmarks/README.md.
/// </summary>
public static class BenchCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var quick = new Option<bool>("--quick") { Description = "Tiny workloads (a smoke test, not a measurement)" };
        var json = new Option<string?>("--json") { Description = "Also write the results as JSON (stable field names, for tracking over time)", HelpName = "FILE" };
        var repeats = new Option<string?>("--repeats") { Description = "Measured repeats per runner (median reported; default 3)", HelpName = "N" };
        var models = new Option<string?>("--model") { Description = "Only these models (comma list; default: every built-in model)", HelpName = "NAMES" };
        var precision = new Option<string?>("--precision") { Description = "Only this precision, f64 or f32 (default: both)", HelpName = "f64|f32" };
        var noDivergence = new Option<bool>("--no-divergence") { Description = "Skip the divergence pair" };
        var accelerator = new Option<string?>("--accelerator") { Description = "Require this accelerator among the engines: cpu, cuda, opencl or auto (default auto: every accelerator present is measured)", HelpName = "KIND" };
        var cmd = new Command("bench", "Trajectory-steps per second of every engine vs a scalar C# loop, Parallel.For, numpy and the FMA-peak floor")
        {
            quick, repeats, models, precision, accelerator, noDivergence, json,
        };
        cmd.SetAction(pr => CliAction.Guard(stderr, () =>
        {
            int n = OptionText.Int(pr.GetValue(repeats), "--repeats") ?? 3;
            if (n < 1)
            {
                throw new SweepInputException($"--repeats must be >= 1, got {n}");
            }

            var only = pr.GetValue(models) is { } m
                ? m.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(x => ModelCatalog.Find(x).Name).ToHashSet()
                : null;
            if (pr.GetValue(accelerator) is { } a && SpecResolver.ParseAccelerator(a) is AcceleratorChoice.Cuda or AcceleratorChoice.OpenCL
                && !ThroughputBenchmark.GpuKinds().Contains(SpecResolver.ParseAccelerator(a)))
            {
                throw new SweepInputException($"--accelerator {a}: no such device here (eos-sweep devices lists what ILGPU sees)");
            }

            Precision? onlyPrecision = pr.GetValue(precision) is { } p ? SpecResolver.ParsePrecision(p) : null;
            return Bench(pr.GetValue(quick), n, only, onlyPrecision, !pr.GetValue(noDivergence), pr.GetValue(json), stdout);
        }));
        return cmd;
    }

    private static int Bench(bool quick, int repeats, HashSet<string>? models, Precision? precision, bool divergence, string? jsonPath, TextWriter stdout)
    {
        var precisions = precision is { } one ? new[] { one } : [Precision.F64, Precision.F32];
        var peaks = precisions.ToDictionary(p => p, p => FmaPeak.Measure(p, quick ? 0.05 : 0.5, quick ? 1 : repeats));
        foreach (var (p, r) in peaks)
        {
            stdout.WriteLine(string.Create(Inv,
                $"fma peak {SpecResolver.Name(p)}: {r.FlopsPerSecond / 1e9:0.0} Gflop/s (Vector{r.VectorBits} FMA, 16 accumulators, {r.Threads} threads; an FMA is 2 flops)"));
        }

        string? python = NumpyBaseline.FindPython(out string pythonNote);
        stdout.WriteLine($"{"workload",-36} {"runner",-52} {"trajectories",12} {"steps",14} {"median s",9} {"M steps/s",10}");
        var reports = new List<WorkloadReport>();
        var peak = peaks.ToDictionary(kv => kv.Key, kv => kv.Value.FlopsPerSecond);
        foreach (var w in ThroughputBenchmark.Run(quick, repeats, ModelCatalog.All, peak, python, pythonNote,
                     s => (models is null || models.Contains(s.Model)) && precisions.Contains(s.Precision)))
        {
            reports.Add(w);
            Print(w, stdout);
        }

        IReadOnlyList<DivergenceCost> pair = [];
        if (divergence && (models is null || models.Contains("xy")) && precisions.Contains(Precision.F64))
        {
            pair = ThroughputBenchmark.Divergence(quick, repeats, ModelCatalog.All);
            if (pair.Count > 0)
            {
                var d = pair[0];
                stdout.WriteLine(string.Create(Inv,
                    $"divergence pair (xy/square/f64, {d.Trajectories:N0} trajectories × ≤{d.StepBudget:N0} steps each): diverged {100 * d.DivergedShareLow:0.0} % vs {100 * d.DivergedShareHigh:0.0} %"));
            }

            foreach (var d in pair)
            {
                stdout.WriteLine(string.Create(Inv,
                    $"divergence {d.Runner,-52} {d.SecondsLow,9:0.000} s vs {d.SecondsHigh,9:0.000} s: diverged grid {d.Speedup:0.00}× faster"));
            }
        }

        stdout.WriteLine(string.Create(Inv,
            $"machine: {Environment.ProcessorCount} logical cores, .NET {Environment.Version}; repeats: {repeats} (median); convergence off (tol = 0)"));
        if (jsonPath is not null)
        {
            File.WriteAllText(jsonPath, SpecJson.WriteObject(Json(quick, repeats, peaks, reports, pair)));
            stdout.WriteLine($"wrote {jsonPath}");
        }

        return 0;
    }

    /// <summary>Millions per second with three decimals, and up to three more below 1 (sparse-coding runs thousands of steps/s).</summary>
    private static string Millions(double perSecond) =>
        (perSecond / 1e6).ToString(perSecond < 1e6 ? "0.000###" : "0.000", Inv);

    private static void Print(WorkloadReport w, TextWriter stdout)
    {
        foreach (var r in w.Results)
        {
            stdout.WriteLine(string.Create(Inv,
                $"{r.Workload,-36} {r.Runner,-52} {r.Trajectories,12:N0} {r.Steps,14:N0} {r.MedianSeconds,9:0.000} {Millions(r.StepsPerSecond),10}"));
        }

        if (w.FloorStepsPerSecond is { } floor)
        {
            stdout.WriteLine(string.Create(Inv,
                $"{w.Workload,-36} {$"floor: FMA peak / {w.FlopsPerStep} flops per step",-52} {string.Empty,12} {string.Empty,14} {string.Empty,9} {floor / 1e6,10:0.000}"));
        }

        foreach (var r in w.Results.Where(r => r.Kind == RunnerKind.Engine))
        {
            stdout.WriteLine(string.Create(Inv,
                $"{w.Workload,-36} ratio {r.Runner}: ×scalar {Fmt(w.Ratio(r, RunnerKind.ScalarLoop))}, ×Parallel.For {Fmt(w.Ratio(r, RunnerKind.ParallelFor))}, ×numpy {Fmt(w.Ratio(r, RunnerKind.Numpy))}, of floor {Pct(w.Ratio(r, null))}"));
        }

        foreach (var note in w.Notes)
        {
            stdout.WriteLine($"{w.Workload,-36} note: {note}");
        }
    }

    private static string Fmt(double? ratio) => ratio is { } v ? v.ToString("0.00", Inv) : "n/a";

    private static string Pct(double? share) => share is { } v ? (100 * v).ToString("0.0", Inv) + " %" : "n/a";

    private static object Json(bool quick, int repeats, Dictionary<Precision, FmaPeak.Result> peaks, List<WorkloadReport> reports, IReadOnlyList<DivergenceCost> pair) => new
    {
        schema = 2,
        date = DateTime.UtcNow.ToString("O", Inv),
        machine = new
        {
            cores = Environment.ProcessorCount,
            runtime = Environment.Version.ToString(),
            os = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
        },
        quick,
        repeats,
        fma_peak = peaks.ToDictionary(kv => SpecResolver.Name(kv.Key), kv => new
        {
            flops_per_second = kv.Value.FlopsPerSecond,
            vector_bits = kv.Value.VectorBits,
            threads = kv.Value.Threads,
        }),
        workloads = reports.Select(w => new
        {
            workload = w.Workload,
            model = w.Spec.Model,
            loss = Core.Models.LossInfo.Of(w.Spec.Loss).Name,
            precision = SpecResolver.Name(w.Spec.Precision),
            trajectories = w.Spec.Grid.Count,
            step_budget = w.Spec.Steps,
            flops_per_step = w.FlopsPerStep,
            floor_steps_per_second = w.FloorStepsPerSecond,
            results = w.Results.Select(r => new
            {
                runner = r.Runner,
                kind = r.Kind switch
                {
                    RunnerKind.Engine => "engine",
                    RunnerKind.ScalarLoop => "scalar",
                    RunnerKind.ParallelFor => "parallel_for",
                    _ => "numpy",
                },
                trajectories = r.Trajectories,
                steps = r.Steps,
                median_seconds = r.MedianSeconds,
                steps_per_second = r.StepsPerSecond,
                vs_scalar = r.Kind == RunnerKind.Engine ? w.Ratio(r, RunnerKind.ScalarLoop) : null,
                vs_parallel_for = r.Kind == RunnerKind.Engine ? w.Ratio(r, RunnerKind.ParallelFor) : null,
                vs_numpy = r.Kind == RunnerKind.Engine ? w.Ratio(r, RunnerKind.Numpy) : null,
                share_of_floor = r.Kind == RunnerKind.Engine ? w.Ratio(r, null) : null,
            }),
            notes = w.Notes,
        }),
        divergence = pair.Select(d => new
        {
            runner = d.Runner,
            trajectories = d.Trajectories,
            step_budget = d.StepBudget,
            diverged_share_low = d.DivergedShareLow,
            diverged_share_high = d.DivergedShareHigh,
            seconds_low = d.SecondsLow,
            seconds_high = d.SecondsHigh,
            speedup = d.Speedup,
        }),
    };
}
