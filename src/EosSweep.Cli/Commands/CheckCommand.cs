using System.CommandLine;
using System.Globalization;
using EosSweep.Benchmarks;
using EosSweep.Core;
using EosSweep.Engine;

namespace EosSweep.Cli.Commands;

/// <summary>
/// <c>eos-sweep check</c>: the same sweeps on a tested accelerator and a reference, compared row by row (regimes
/// identical, doubles within a relative tolerance), with the throughput of each side. Exit 0 when every workload
/// passes, 1 when one does not, 2 for bad input (an absent accelerator included).
/// </summary>
public static class CheckCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var accelerator = new Option<string?>("--accelerator") { Description = "The tested accelerator: cuda, opencl, cpu or auto (default cuda)", HelpName = "KIND" };
        var against = new Option<string?>("--against") { Description = "The reference accelerator (default cpu)", HelpName = "KIND" };
        var trajectories = new Option<string?>("--trajectories") { Description = "Trajectories per model (default 10000)", HelpName = "N" };
        var steps = new Option<string?>("--steps") { Description = "Step budget (default 2000 for xy and mean, 200 for sparse-coding)", HelpName = "N" };
        var precision = new Option<string?>("--precision") { Description = "f64 (default) or f32", HelpName = "P" };
        var math = new Option<string?>("--gpu-math") { Description = "The tested side's exp/log/tanh: project (default) or libdevice (f64; CUDA needs the toolkit)", HelpName = "MATH" };
        var layout = new Option<string?>("--layout") { Description = "auto (default), thread or group per trajectory on the tested side", HelpName = "L" };
        var tolerance = new Option<string?>("--tolerance") { Description = "Relative tolerance (default 1e-9 in f64, 1e-3 in f32)", HelpName = "TOL" };
        var model = new Option<string?>("--model") { Description = "Check only this model", HelpName = "NAME" };
        var json = new Option<string?>("--json") { Description = "Also write the results as JSON", HelpName = "FILE" };
        var cmd = new Command("check", "Run the same sweeps on two accelerators (a GPU against the CPU) and compare every trajectory")
        {
            accelerator, against, trajectories, steps, precision, math, layout, tolerance, model, json,
        };
        cmd.SetAction(pr => CliAction.Guard(stderr, () =>
        {
            var tested = SpecResolver.ParseAccelerator(pr.GetValue(accelerator) ?? "cuda");
            var reference = SpecResolver.ParseAccelerator(pr.GetValue(against) ?? "cpu");
            int n = OptionText.Int(pr.GetValue(trajectories), "--trajectories") ?? 10_000;
            int? budget = OptionText.Int(pr.GetValue(steps), "--steps");
            if (n < 1 || n > 10_000_000)
            {
                throw new SweepInputException($"--trajectories must be in 1..10000000, got {n}");
            }

            if (budget is < 1)
            {
                throw new SweepInputException($"--steps must be >= 1, got {budget}");
            }

            var p = SpecResolver.ParsePrecision(pr.GetValue(precision));
            var options = new KernelOptions(KernelOptions.ParseMath(pr.GetValue(math)), ParseLayout(pr.GetValue(layout)));
            double tol = OptionText.Double(pr.GetValue(tolerance), "--tolerance") ?? (p == Precision.F64 ? 1e-9 : 1e-3);
            if (!(tol >= 0))
            {
                throw new SweepInputException($"--tolerance must be >= 0, got {tol}");
            }

            string? only = pr.GetValue(model);
            if (only is not null)
            {
                ModelCatalog.Find(only);
            }

            var inv = CultureInfo.InvariantCulture;
            var results = new List<CheckResult>();
            stdout.WriteLine($"{"workload",-28} {"trajectories",12} {"regimes ≠",9} {"steps ≠",8} {"> tol",7} {"max rel",10} {"worst column",-16} {"tested M/s",11} {"ref M/s",9}  result");
            foreach (var settings in BackendCheck.Workloads(n, budget, SpecResolver.Name(p), only))
            {
                var r = BackendCheck.Run(settings, tested, options, reference, tol, ModelCatalog.All);
                results.Add(r);
                stdout.WriteLine(string.Create(inv,
                    $"{r.Workload,-28} {r.Trajectories,12:N0} {r.RegimeMismatches,9} {r.StepMismatches,8} {r.BeyondTolerance,7} {r.MaxRelative,10:0.0e+0} {r.WorstColumn,-16} {r.TestedStepsPerSecond / 1e6,11:0.000} {r.ReferenceStepsPerSecond / 1e6,9:0.000}  {(r.Passed ? "pass" : "FAIL")}"));
                stdout.WriteLine($"{string.Empty,-28} tested: {r.Tested}; reference: {r.Reference}{(r.Repeatable ? string.Empty : "; tested runs NOT repeatable")}");
            }

            stdout.WriteLine(string.Create(inv, $"tolerance {tol:G3} relative; regimes must be identical; rows where both runs diverged compare regime and step only"));
            if (pr.GetValue(json) is { } path)
            {
                var doc = new
                {
                    date = DateTime.UtcNow.ToString("O", inv),
                    tolerance = tol,
                    gpu_math = KernelOptions.Name(options.Math),
                    results = results.Select(r => new
                    {
                        workload = r.Workload,
                        trajectories = r.Trajectories,
                        tested = r.Tested,
                        reference = r.Reference,
                        regime_mismatches = r.RegimeMismatches,
                        step_mismatches = r.StepMismatches,
                        beyond_tolerance = r.BeyondTolerance,
                        max_relative = r.MaxRelative,
                        worst_column = r.WorstColumn,
                        repeatable = r.Repeatable,
                        tested_seconds = r.TestedSeconds,
                        reference_seconds = r.ReferenceSeconds,
                        trajectory_steps = r.TrajectorySteps,
                        tested_steps_per_second = r.TestedStepsPerSecond,
                        reference_steps_per_second = r.ReferenceStepsPerSecond,
                        passed = r.Passed,
                    }),
                };
                File.WriteAllText(path, SpecJson.WriteObject(doc));
                stdout.WriteLine($"wrote {path}");
            }

            var failed = results.Where(r => !r.Passed).Select(r => r.Workload).ToList();
            if (failed.Count > 0)
            {
                stderr.WriteLine($"eos-sweep: check failed: {string.Join(", ", failed)} differ beyond the tolerance or in regime");
                return CliErrors.Failure;
            }

            return 0;
        }));
        return cmd;
    }

    private static KernelLayout ParseLayout(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "auto" => KernelLayout.Auto,
        "thread" => KernelLayout.Thread,
        "group" => KernelLayout.Group,
        _ => throw new SweepInputException($"unknown --layout '{text}'; expected auto, thread or group"),
    };
}
