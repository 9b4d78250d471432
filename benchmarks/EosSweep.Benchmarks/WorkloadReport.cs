using EosSweep.Core;

namespace EosSweep.Benchmarks;

/// <summary>Every runner on one workload, its floor, and what was skipped and why.</summary>
/// <param name="Workload">Model, loss, precision and non-default options, e.g. <c>xy/logistic/f64</c>.</param>
/// <param name="Spec">The resolved sweep.</param>
/// <param name="Results">Engines and baselines, as measured.</param>
/// <param name="FlopsPerStep">Flops of one trajectory-step (<see cref="StepFlops"/>), or null where not tabled.</param>
/// <param name="FloorStepsPerSecond">Baseline (d): the machine's FMA peak over <paramref name="FlopsPerStep"/>, or null.</param>
/// <param name="Notes">One line per runner that was skipped.</param>
public sealed record WorkloadReport(
    string Workload, SweepSpec Spec, IReadOnlyList<BenchmarkResult> Results, int? FlopsPerStep, double? FloorStepsPerSecond, IReadOnlyList<string> Notes)
{
    /// <summary>Steps/s of the baseline of this kind, or null when it did not run.</summary>
    public double? Baseline(RunnerKind kind) => Results.FirstOrDefault(r => r.Kind == kind)?.StepsPerSecond;

    /// <summary>An engine's steps/s over a baseline's (or the floor's when <paramref name="kind"/> is null); null where absent.</summary>
    public double? Ratio(BenchmarkResult engine, RunnerKind? kind)
    {
        double? b = kind is { } k ? Baseline(k) : FloorStepsPerSecond;
        return b is > 0 ? engine.StepsPerSecond / b : null;
    }
}
