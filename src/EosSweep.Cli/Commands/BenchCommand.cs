using System.CommandLine;
using System.Globalization;
using EosSweep.Engine;

namespace EosSweep.Cli.Commands;

/// <summary><c>eos-sweep bench</c>: trajectory-steps per second of the kernels beside a scalar C# loop.</summary>
public static class BenchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var quick = new Option<bool>("--quick") { Description = "Tiny workloads (a smoke test, not a measurement)" };
        var json = new Option<string?>("--json") { Description = "Also write the results as JSON (for tracking over time)", HelpName = "FILE" };
        var repeats = new Option<string?>("--repeats") { Description = "Measured repeats per runner (median reported; default 3)", HelpName = "N" };
        var accelerator = new Option<string?>("--accelerator") { Description = "The engine's accelerator: cpu (default), cuda, opencl or auto", HelpName = "KIND" };
        var precision = new Option<string?>("--precision") { Description = "f64 (default) or f32", HelpName = "P" };
        var cmd = new Command("bench", "Trajectory-steps per second: ILGPU CPU accelerator and the SIMD path vs a single-thread scalar C# loop of the same math")
        {
            quick, repeats, accelerator, precision, json,
        };
        cmd.SetAction(pr => CliAction.Guard(stderr, () =>
        {
            int n = OptionText.Int(pr.GetValue(repeats), "--repeats") ?? 3;
            if (n < 1)
            {
                throw new Core.SweepInputException($"--repeats must be >= 1, got {n}");
            }

            var inv = CultureInfo.InvariantCulture;
            stdout.WriteLine($"{"workload",-40} {"runner",-44} {"trajectories",12} {"steps",14} {"median s",9} {"M steps/s",10}");
            var all = new List<BenchmarkResult>();
            var byWorkload = new Dictionary<string, double>();
            var scalarRate = new Dictionary<string, double>();
            var parallelRate = new Dictionary<string, double>();
            string? accel = pr.GetValue(accelerator) is { } a ? Core.SpecResolver.Name(Core.SpecResolver.ParseAccelerator(a)) : null;
            string? prec = pr.GetValue(precision) is { } p ? Core.SpecResolver.Name(Core.SpecResolver.ParsePrecision(p)) : null;
            foreach (var r in ThroughputBenchmark.Run(pr.GetValue(quick), n, ModelCatalog.All, accel, prec))
            {
                all.Add(r);
                stdout.WriteLine(string.Create(inv,
                    $"{r.Workload,-40} {r.Runner,-44} {r.Trajectories,12:N0} {r.Steps,14:N0} {r.MedianSeconds,9:0.000} {r.StepsPerSecond / 1e6,10:0.0000}"));
                if (r.Runner.StartsWith("ilgpu", StringComparison.Ordinal))
                {
                    byWorkload[r.Workload] = r.StepsPerSecond;
                }
                else if (r.Runner.Contains("Parallel.For", StringComparison.Ordinal))
                {
                    parallelRate[r.Workload] = r.StepsPerSecond;
                    stdout.WriteLine(string.Create(inv, $"{string.Empty,-40} ratio ilgpu / Parallel.For loop: {byWorkload[r.Workload] / r.StepsPerSecond:0.00}×"));
                }
                else if (r.Runner.StartsWith("scalar", StringComparison.Ordinal))
                {
                    scalarRate[r.Workload] = r.StepsPerSecond;
                    stdout.WriteLine(string.Create(inv, $"{string.Empty,-40} ratio ilgpu / scalar loop: {byWorkload[r.Workload] / r.StepsPerSecond:0.00}×"));
                }
                else
                {
                    string vsParallel = parallelRate.TryGetValue(r.Workload, out var pr) ? $", simd / Parallel.For: {r.StepsPerSecond / pr:0.00}×" : string.Empty;
                    stdout.WriteLine(string.Create(inv,
                        $"{string.Empty,-40} ratio simd / scalar loop: {r.StepsPerSecond / scalarRate[r.Workload]:0.00}×{vsParallel}, simd / ilgpu: {r.StepsPerSecond / byWorkload[r.Workload]:0.00}×"));
                }
            }

            stdout.WriteLine(string.Create(inv, $"machine: {Environment.ProcessorCount} logical cores, .NET {Environment.Version}; repeats: {n} (median); convergence off (tol = 0)"));
            if (pr.GetValue(json) is { } path)
            {
                var doc = new
                {
                    date = DateTime.UtcNow.ToString("O", inv),
                    cores = Environment.ProcessorCount,
                    runtime = Environment.Version.ToString(),
                    repeats = n,
                    results = all.Select(r => new
                    {
                        workload = r.Workload,
                        runner = r.Runner,
                        trajectories = r.Trajectories,
                        steps = r.Steps,
                        median_seconds = r.MedianSeconds,
                        steps_per_second = r.StepsPerSecond,
                    }),
                };
                File.WriteAllText(path, Core.SpecJson.WriteObject(doc));
                stdout.WriteLine($"wrote {path}");
            }
            return 0;
        }));
        return cmd;
    }
}
