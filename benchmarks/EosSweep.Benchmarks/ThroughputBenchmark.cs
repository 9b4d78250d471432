using System.Diagnostics;
using EosSweep.Core;
using EosSweep.Core.Models;
using EosSweep.Core.Results;
using EosSweep.Engine;
using EosSweep.Kernels.Execution;

namespace EosSweep.Benchmarks;

/// <summary>
/// Trajectory-steps per second (TSPS) of every engine — the ILGPU accelerators present and the CPU SIMD path —
/// beside four baselines from the same run: (a) the scalar C# driver on one thread, (b) the same driver in
/// Parallel.For on every core, (c) the numpy-vectorised script (benchmarks/numpy_sweep.py) and (d) the floor,
/// this machine's measured FMA peak over the flops of one step (<see cref="StepFlops"/>). The scalar loops run
/// the very same model and driver code (<see cref="ITrajectoryKernel.RunOnHost"/>). Convergence is switched off
/// (tol = 0) so the work is the steps counted; repeats are interleaved and the median is reported.
/// </summary>
public static class ThroughputBenchmark
{
    /// <summary>Trajectories per Parallel.For chunk of the scalar baseline.</summary>
    private const int Chunk = 256;

    /// <summary>The benchmark workloads: a grid per built-in model and precision, spanning gf, eos and some divergence.</summary>
    public static IReadOnlyList<SweepSettings> Workloads(bool quick)
    {
        int side = quick ? 32 : 256;
        int steps = quick ? 200 : 2000;
        var all = new List<SweepSettings>();
        foreach (var precision in new[] { "f64", "f32" })
        {
            foreach (var model in ModelWorkloads.Models)
            {
                // mlp: a trajectory costs hundreds of xy ones (two 72 × 8 × 8 products per step).
                var grid = model == "mlp"
                    ? ModelWorkloads.Grid(model, quick ? 4 : 16, quick ? 20 : 200, precision)
                    : ModelWorkloads.Grid(model, side, steps, precision);
                all.Add(grid with { Tolerance = 0, Accelerator = "cpu" });
                if (model == "mean")
                {
                    all.Add(SparseCoding(quick, "fast", precision));
                    all.Add(SparseCoding(quick, "direct", precision));
                }
            }
        }

        return all;
    }

    /// <summary>
    /// The divergence pair: xy with the square loss (ℓ''(0) = 1), η = 0.1, x0 in [0.05, 0.15], both grids the same
    /// size and budget. Low: start ratios η·y0²/2 in [0.97, 0.9986], just below the edge, where x decays by
    /// |1 − 2r| ≥ 0.94 per step and no trajectory stops early. High: y0 up to 30 (ratios up to 45); the square loss
    /// diverges above a start ratio of about 3 (docs/models.md, xy), so about 90 % of the grid diverges within tens of steps.
    /// </summary>
    public static (SweepSettings Low, SweepSettings High) DivergencePair(bool quick)
    {
        int side = quick ? 32 : 256;
        int steps = quick ? 200 : 2000;
        SweepSettings Grid(string y0) => new()
        {
            Model = "xy",
            Loss = "square",
            Steps = steps,
            Tolerance = 0,
            Accelerator = "cpu",
            Axes = new Dictionary<string, string> { ["eta"] = "0.1", ["x0"] = $"lin:0.05:0.15:{side}", ["y0"] = y0 },
        };
        return (Grid($"lin:4.405:4.469:{side}"), Grid($"lin:4.405:30:{side}"));
    }

    /// <summary>The paper's Figure 1 size (d = 200, n = 300) with the fast or the direct step.</summary>
    private static SweepSettings SparseCoding(bool quick, string step, string precision) => new()
    {
        Model = "sparse-coding",
        Steps = quick ? 20 : (step == "fast" ? 2000 : 200),
        Tolerance = 0,
        Accelerator = "cpu",
        Precision = precision,
        Axes = new Dictionary<string, string>
        {
            ["eta"] = quick ? "log:1e-4:0.012:4" : "log:1e-4:0.012:32",
            ["seed"] = "0,1",
            ["n_test"] = quick ? "100" : "1000",
        },
        Options = new Dictionary<string, string> { ["step"] = step },
    };

    /// <summary>
    /// Runs every workload whose model and precision pass the filters. <paramref name="peak"/> holds the measured
    /// FMA peak per precision (flops/s); <paramref name="python"/> a python3 with numpy, or null to skip numpy with
    /// <paramref name="pythonNote"/>.
    /// </summary>
    public static IEnumerable<WorkloadReport> Run(
        bool quick, int repeats, IReadOnlyList<ModelInfo> catalog, IReadOnlyDictionary<Precision, double> peak,
        string? python, string pythonNote, Func<SweepSpec, bool>? filter = null)
    {
        foreach (var workload in Workloads(quick))
        {
            var settings = workload;
            var spec = SpecResolver.Resolve(settings, catalog);
            if (filter is not null && !filter(spec))
            {
                continue;
            }

            var model = catalog.First(m => m.Name == spec.Model);
            string name = Name(spec, model);
            var measured = Measure(spec, model, name, quick, repeats);
            var results = measured.Results;
            var notes = measured.Notes;
            if (NumpyBaseline.Supports(spec))
            {
                if (python is null)
                {
                    notes.Add(pythonNote);
                }
                else
                {
                    try
                    {
                        var np = NumpyBaseline.Run(python, spec, repeats);
                        results.Add(new BenchmarkResult(name, $"numpy {np.NumpyVersion} (vectorised, 1 process)", RunnerKind.Numpy, np.Trajectories, np.Steps, np.MedianSeconds, np.Repeats));
                    }
                    catch (InvalidOperationException e)
                    {
                        notes.Add($"numpy: skipped, {e.Message}");
                    }
                }
            }
            else
            {
                notes.Add("numpy: no twin of this model in benchmarks/numpy_sweep.py (xy and mean only)");
            }

            int? flops = StepFlops.PerTrajectoryStep(spec.Model, spec.Loss);
            if (flops is null)
            {
                notes.Add("floor: flops per step not tabled for this model (StepFlops)");
            }

            double? floor = flops is { } f && peak.TryGetValue(spec.Precision, out double p) ? p / f : null;
            yield return new WorkloadReport(name, spec, results, flops, floor, notes);
        }
    }

    /// <summary>Runs the divergence pair on every CPU engine and baseline loop; one entry per runner.</summary>
    public static IReadOnlyList<DivergenceCost> Divergence(bool quick, int repeats, IReadOnlyList<ModelInfo> catalog)
    {
        var (lowSettings, highSettings) = DivergencePair(quick);
        var low = SpecResolver.Resolve(lowSettings, catalog);
        var high = SpecResolver.Resolve(highSettings, catalog);
        var model = catalog.First(m => m.Name == low.Model);
        var a = Measure(low, model, "low", quick, repeats);
        var b = Measure(high, model, "high", quick, repeats);
        double Share(long[] counts) => (double)counts[(int)Regime.Diverged] / counts.Sum();
        var pairs = new List<DivergenceCost>();
        foreach (var r in a.Results)
        {
            if (b.Results.FirstOrDefault(x => x.Runner == r.Runner) is { } h)
            {
                pairs.Add(new DivergenceCost(r.Runner, r.Trajectories, low.Steps, Share(a.Regimes), Share(b.Regimes), r.MedianSeconds, h.MedianSeconds));
            }
        }

        return pairs;
    }

    /// <summary>workload name: model/loss/precision plus the non-default options.</summary>
    private static string Name(SweepSpec spec, ModelInfo model)
    {
        var nonDefault = spec.Options.Where(o => model.Options.First(x => x.Name == o.Key).Default != o.Value).Select(o => $"{o.Key}={o.Value}");
        return string.Join("/", new[] { spec.Model, LossInfo.Of(spec.Loss).Name, SpecResolver.Name(spec.Precision) }.Concat(nonDefault));
    }

    private sealed record Measured(List<BenchmarkResult> Results, List<string> Notes, long[] Regimes);

    /// <summary>The engines and the two scalar baselines on one spec, repeats interleaved after one warm-up.</summary>
    private static Measured Measure(SweepSpec spec, ModelInfo model, string name, bool quick, int repeats)
    {
        var notes = new List<string>();
        var sessions = new List<SweepSession> { SweepSession.Open(spec with { Accelerator = AcceleratorChoice.CpuIlgpu }) };
        try
        {
            foreach (var kind in GpuKinds())
            {
                sessions.Add(SweepSession.Open(spec with { Accelerator = kind }));
            }

            int total = (int)spec.Grid.Count;
            bool heavy = model is IModelDataProvider;   // sparse-coding, mlp: trajectories hundreds of times an xy one
            int sliceCount = Math.Max(1, (int)Math.Min(spec.Grid.Count, quick ? 256 : 4096) / (heavy ? 8 : 1));
            var kernel = ModelCatalog.Kernel(spec);
            var grid = new HostGrid(spec.Grid);
            var data = sessions[0].Data;   // the CPU accelerator's model data is host-readable
            var scalarBatch = new ResultBatch(kernel.ParameterCount, sliceCount, kernel.ExtraCount);
            var simdKernel = ModelCatalog.Simd(model, spec.Loss, spec.Precision);
            if (simdKernel is null)
            {
                notes.Add($"simd: no SIMD path for {spec.Model}/{SpecResolver.Name(spec.Precision)} yet");
            }

            var simdBatch = simdKernel is null ? null : new ResultBatch(kernel.ParameterCount, total, kernel.ExtraCount);
            bool runParallel = !heavy;
            if (!runParallel)
            {
                notes.Add($"Parallel.For: not run for {spec.Model} (a few long trajectories; the accelerator already spreads them)");
            }

            var parallelBatch = runParallel ? new ResultBatch(kernel.ParameterCount, total, kernel.ExtraCount) : null;
            var engineSeconds = sessions.Select(_ => new List<double>()).ToList();
            var engineSteps = new long[sessions.Count];
            long[] regimes = [];
            var scalar = new List<double>();
            var parallel = new List<double>();
            var simd = new List<double>();
            long scalarSteps = 0, parallelSteps = 0, simdSteps = 0;
            for (int r = 0; r < repeats + 1; r++)
            {
                var outcomes = sessions.Select(s => s.RunAsync((_, _) => Task.CompletedTask).GetAwaiter().GetResult()).ToList();
                var clock = Stopwatch.StartNew();
                kernel.RunOnHost(grid, data, SweepSession.Args(spec, 0, sliceCount, sliceCount), scalarBatch);
                double scalarSeconds = clock.Elapsed.TotalSeconds;
                double parallelSeconds = 0;
                if (parallelBatch is not null)
                {
                    clock.Restart();
                    var args = SweepSession.Args(spec, 0, total, total);
                    Parallel.For(0, (total + Chunk - 1) / Chunk, c =>
                    {
                        var part = args;
                        part.Start = c * (long)Chunk;
                        part.Count = Math.Min(Chunk, total - (c * Chunk));
                        kernel.RunOnHostRows(grid, data, part, parallelBatch, c * Chunk);
                    });
                    parallelSeconds = clock.Elapsed.TotalSeconds;
                    parallelBatch.Count = total;
                }

                double simdSeconds = 0;
                if (simdKernel is not null && simdBatch is not null)
                {
                    clock.Restart();
                    SimdSweep.Run(simdKernel, grid, data, SweepSession.Args(spec, 0, total, total), simdBatch);
                    simdSeconds = clock.Elapsed.TotalSeconds;
                }

                if (r == 0)
                {
                    continue;   // warm-up: JIT and kernel compile
                }

                for (int s = 0; s < sessions.Count; s++)
                {
                    engineSeconds[s].Add(outcomes[s].Elapsed.TotalSeconds);
                    engineSteps[s] = outcomes[s].TrajectorySteps;
                }

                regimes = outcomes[0].RegimeCounts;
                scalar.Add(scalarSeconds);
                scalarSteps = SumSteps(scalarBatch);
                if (parallelBatch is not null)
                {
                    parallel.Add(parallelSeconds);
                    parallelSteps = SumSteps(parallelBatch);
                }

                if (simdBatch is not null)
                {
                    simd.Add(simdSeconds);
                    simdSteps = SumSteps(simdBatch);
                }
            }

            var results = new List<BenchmarkResult>();
            for (int s = 0; s < sessions.Count; s++)
            {
                results.Add(new BenchmarkResult(name, $"ilgpu {sessions[s].AcceleratorKind} ({sessions[s].AcceleratorName})", RunnerKind.Engine, total, engineSteps[s], Median(engineSeconds[s]), repeats));
            }

            if (simd.Count > 0)
            {
                results.Add(new BenchmarkResult(name, $"SIMD path ({simdKernel?.Lanes}), {Environment.ProcessorCount} threads", RunnerKind.Engine, total, simdSteps, Median(simd), repeats));
            }

            results.Add(new BenchmarkResult(name, "scalar C# loop (1 thread)", RunnerKind.ScalarLoop, sliceCount, scalarSteps, Median(scalar), repeats));
            if (parallel.Count > 0)
            {
                results.Add(new BenchmarkResult(name, $"scalar C# loop, Parallel.For ({Environment.ProcessorCount} threads)", RunnerKind.ParallelFor, total, parallelSteps, Median(parallel), repeats));
            }

            return new Measured(results, notes, regimes);
        }
        finally
        {
            foreach (var s in sessions)
            {
                s.Dispose();
            }
        }
    }

    private static IReadOnlyList<AcceleratorChoice>? _gpuKinds;

    /// <summary>The GPU accelerator kinds ILGPU sees here (CUDA, OpenCL), looked up once.</summary>
    public static IReadOnlyList<AcceleratorChoice> GpuKinds()
    {
        if (_gpuKinds is null)
        {
            using var context = AcceleratorFactory.CreateContext();
            var kinds = AcceleratorFactory.List(context).Select(d => d.Kind).ToHashSet();
            var found = new List<AcceleratorChoice>();
            if (kinds.Contains("cuda"))
            {
                found.Add(AcceleratorChoice.Cuda);
            }

            if (kinds.Contains("opencl"))
            {
                found.Add(AcceleratorChoice.OpenCL);
            }

            _gpuKinds = found;
        }

        return _gpuKinds;
    }

    private static long SumSteps(ResultBatch b)
    {
        long s = 0;
        for (int i = 0; i < b.Count; i++)
        {
            s += b.Ints[(ResultLayout.StepsColumn * b.Capacity) + i];
        }

        return s;
    }

    private static double Median(List<double> v)
    {
        var a = v.Order().ToArray();
        return a.Length % 2 == 1 ? a[a.Length / 2] : 0.5 * (a[(a.Length / 2) - 1] + a[a.Length / 2]);
    }
}
