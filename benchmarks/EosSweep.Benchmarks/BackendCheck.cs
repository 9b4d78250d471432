using EosSweep.Core;
using EosSweep.Core.Models;
using EosSweep.Core.Results;
using EosSweep.Engine;

namespace EosSweep.Benchmarks;

/// <summary>
/// Runs the same sweeps on two accelerators and compares every row: a GPU against the CPU reference
/// (<c>eos-sweep check</c>, scripts/gpu-check.sh), or the CPU against itself where no GPU exists. Regimes must be
/// identical and every double column of rows in the same regime within a relative tolerance,
/// |a − b| ≤ tol·max(|a|, |b|) (NaN equals NaN; rows where both runs diverged compare their regime and step only,
/// since a blow-up's last values carry no accuracy). The tested side runs twice: the second run is timed and must
/// equal the first bit for bit.
/// </summary>
public static class BackendCheck
{
    /// <summary>
    /// The check sweeps, about <paramref name="trajectories"/> each: every built-in model on its
    /// <see cref="ModelWorkloads"/> grid through its regimes (2,000 steps unless <paramref name="steps"/>; mlp at most
    /// 32 × 32 and 100 steps), and sparse-coding at the paper's size (d = 200, n = 300, 1,000 test samples) over η ×
    /// seeds for 200 steps.
    /// </summary>
    public static IReadOnlyList<SweepSettings> Workloads(int trajectories, int? steps, string? precision, string? model = null)
    {
        int side = Math.Max(2, (int)Math.Ceiling(Math.Sqrt(trajectories)));
        int etas = Math.Clamp(trajectories, 2, 100);
        int seeds = Math.Max(1, (trajectories + etas - 1) / etas);
        // mlp: a trajectory costs hundreds of xy ones, so its grid is at most 32 × 32 and 100 steps unless asked.
        var all = ModelWorkloads.Models
            .Select(m => m == "mlp"
                ? ModelWorkloads.Grid(m, Math.Min(side, 32), steps ?? 100, precision)
                : ModelWorkloads.Grid(m, side, steps ?? 2000, precision))
            .ToList();
        all.Insert(2, new SweepSettings
        {
            Model = "sparse-coding",
            Steps = steps ?? 200,
            Precision = precision,
            Axes = new Dictionary<string, string>
            {
                ["eta"] = $"log:1e-4:0.012:{etas}",
                ["seed"] = seeds == 1 ? "0" : $"lin:0:{seeds - 1}:{seeds}",
                ["n_test"] = "1000",
            },
        });
        return model is null ? all : all.Where(s => string.Equals(s.Model, model, StringComparison.OrdinalIgnoreCase)).ToList();
    }

    /// <summary>Runs <paramref name="settings"/> on <paramref name="tested"/> (with <paramref name="options"/>) and on <paramref name="reference"/> (project math, one thread per trajectory), and compares.</summary>
    /// <exception cref="SweepInputException">An accelerator is absent, or the settings are invalid.</exception>
    public static CheckResult Run(
        SweepSettings settings, AcceleratorChoice tested, KernelOptions options, AcceleratorChoice reference, double tolerance, IReadOnlyList<ModelInfo> catalog)
    {
        var spec = SpecResolver.Resolve(settings with { Accelerator = SpecResolver.Name(tested) }, catalog);
        var refSpec = spec with { Accelerator = reference };
        var first = Collect(spec, options, out _, out _);
        var second = Collect(spec, options, out double testedSeconds, out string testedName);
        var expected = Collect(refSpec, KernelOptions.Default with { Layout = KernelLayout.Thread }, out double refSeconds, out string refName);
        string name = $"{spec.Model}/{LossInfo.Of(spec.Loss).Name}/{SpecResolver.Name(spec.Precision)}";
        var (regimes, stepsDiffer, beyond, maxRel, worst) = Compare(second, expected, tolerance);
        long trajectorySteps = second.Ints[ResultLayout.StepsColumn].Sum(s => (long)s);
        return new CheckResult(
            name, spec.Grid.Count, $"{testedName}, math {KernelOptions.Name(options.Math)}", refName, testedSeconds, refSeconds,
            trajectorySteps, regimes, stepsDiffer, beyond, maxRel, worst, tolerance, Identical(first, second));
    }

    /// <summary>The columns of a whole sweep, collected from its batches.</summary>
    private sealed class Columns(int doubles, int ints, long rows, IReadOnlyList<string> names)
    {
        public double[][] Doubles { get; } = Enumerable.Range(0, doubles).Select(_ => new double[rows]).ToArray();

        public int[][] Ints { get; } = Enumerable.Range(0, ints).Select(_ => new int[rows]).ToArray();

        public IReadOnlyList<string> Names { get; } = names;
    }

    private static Columns Collect(SweepSpec spec, KernelOptions options, out double seconds, out string accelerator)
    {
        using var session = SweepSession.Open(spec, options);
        var model = ModelCatalog.Find(spec.Model);
        int p = model.Parameters.Count, extras = model.ExtraColumns.Count;
        var names = model.Parameters.Select(ResultColumns.Final).Concat(ResultLayout.MeasureNames).Concat(model.ExtraColumns).ToList();
        var columns = new Columns(ResultLayout.DoubleCount(p, extras), ResultLayout.IntCount, spec.Grid.Count, names);
        var outcome = session.RunAsync((batch, _) =>
        {
            for (int c = 0; c < columns.Doubles.Length; c++)
            {
                Array.Copy(batch.Doubles, c * batch.Capacity, columns.Doubles[c], batch.Start, batch.Count);
            }

            for (int c = 0; c < ResultLayout.IntCount; c++)
            {
                Array.Copy(batch.Ints, c * batch.Capacity, columns.Ints[c], batch.Start, batch.Count);
            }

            return Task.CompletedTask;
        }).GetAwaiter().GetResult();
        seconds = outcome.Elapsed.TotalSeconds;
        accelerator = $"{session.AcceleratorKind} ({session.AcceleratorName}){(session.Grouped ? ", group per trajectory" : string.Empty)}";
        return columns;
    }

    private static (long Regimes, long Steps, long Beyond, double MaxRelative, string Worst) Compare(Columns a, Columns b, double tolerance)
    {
        long regimes = 0, steps = 0, beyond = 0;
        double maxRel = 0;
        string worst = "-";
        var regimeA = a.Ints[ResultLayout.RegimeColumn];
        var regimeB = b.Ints[ResultLayout.RegimeColumn];
        for (long r = 0; r < regimeA.LongLength; r++)
        {
            steps += a.Ints[ResultLayout.StepsColumn][r] != b.Ints[ResultLayout.StepsColumn][r] ? 1 : 0;
            if (regimeA[r] != regimeB[r])
            {
                regimes++;
                continue;
            }

            if (regimeA[r] == (int)Regime.Diverged)
            {
                continue;
            }

            bool over = false;
            for (int c = 0; c < a.Doubles.Length; c++)
            {
                double rel = Relative(a.Doubles[c][r], b.Doubles[c][r]);
                if (rel > maxRel)
                {
                    maxRel = rel;
                    worst = a.Names[c];
                }

                over |= rel > tolerance;
            }

            beyond += over ? 1 : 0;
        }

        return (regimes, steps, beyond, maxRel, worst);
    }

    /// <summary>|a − b| / max(|a|, |b|); 0 when equal (NaN equals NaN), ∞ when one side is not finite and the other differs.</summary>
    public static double Relative(double a, double b)
    {
        if (a.Equals(b))
        {
            return 0;
        }

        double scale = Math.Max(Math.Abs(a), Math.Abs(b));
        double rel = Math.Abs(a - b) / scale;
        return double.IsFinite(rel) ? rel : double.PositiveInfinity;
    }

    private static bool Identical(Columns a, Columns b) =>
        a.Doubles.Zip(b.Doubles).All(p => p.First.AsSpan().SequenceEqual(p.Second)) && a.Ints.Zip(b.Ints).All(p => p.First.AsSpan().SequenceEqual(p.Second));
}
