using System.Diagnostics;
using EosSweep.Core;
using EosSweep.Core.Results;
using EosSweep.Kernels.Execution;

namespace EosSweep.Engine;

/// <summary>
/// Trajectory-steps per second of the sweep kernel on the CPU accelerator beside a single-thread scalar
/// C# loop running the very same model and driver code (<see cref="ITrajectoryKernel.RunOnHost"/>).
/// Convergence is switched off (tol = 0) so every trajectory runs its full step budget and the work is
/// exactly trajectories × steps; repeats are interleaved and the median is reported.
/// </summary>
public static class ThroughputBenchmark
{
    /// <summary>The benchmark workloads: a grid per built-in model spanning gf, eos and some divergence.</summary>
    public static IReadOnlyList<SweepSettings> Workloads(bool quick)
    {
        int side = quick ? 32 : 256;
        int steps = quick ? 200 : 2000;
        return
        [
            new SweepSettings
            {
                Model = "xy", Loss = "logistic", Steps = steps, Tolerance = 0, Accelerator = "cpu",
                Axes = new Dictionary<string, string> { ["eta"] = $"log:0.01:0.5:{side}", ["y0"] = $"lin:0.5:12:{side}", ["x0"] = "0.1" },
            },
            new SweepSettings
            {
                Model = "mean", Loss = "logistic", Steps = steps, Tolerance = 0, Accelerator = "cpu",
                Axes = new Dictionary<string, string> { ["eta"] = $"log:3e-5:0.0125:{side}", ["a_plus0"] = $"lin:-0.2:0.2:{side}" },
            },
            SparseCoding(quick, "fast"),
            SparseCoding(quick, "direct"),
        ];
    }

    /// <summary>The paper's Figure 1 size (d = 200, n = 300) with the fast or the direct step.</summary>
    private static SweepSettings SparseCoding(bool quick, string step) => new()
    {
        Model = "sparse-coding",
        Steps = quick ? 20 : (step == "fast" ? 2000 : 200),
        Tolerance = 0,
        Accelerator = "cpu",
        Axes = new Dictionary<string, string>
        {
            ["eta"] = quick ? "log:1e-4:0.012:4" : "log:1e-4:0.012:32",
            ["seed"] = "0,1",
            ["n_test"] = quick ? "100" : "1000",
        },
        Options = new Dictionary<string, string> { ["step"] = step },
    };

    /// <summary>Runs every workload: the accelerator over the whole grid, the scalar loop over a slice.</summary>
    /// <param name="quick">Tiny workloads (a smoke test).</param>
    /// <param name="repeats">Measured repeats (medians).</param>
    /// <param name="catalog">The models.</param>
    /// <param name="accelerator">The engine's accelerator (default cpu; cuda for scripts/gpu-check.sh).</param>
    /// <param name="precision">f64 or f32 (default f64).</param>
    public static IEnumerable<BenchmarkResult> Run(
        bool quick, int repeats, IReadOnlyList<Core.Models.ModelInfo> catalog, string? accelerator = null, string? precision = null)
    {
        foreach (var workload in Workloads(quick))
        {
            var settings = workload with { Accelerator = accelerator ?? workload.Accelerator, Precision = precision ?? workload.Precision };
            var spec = SpecResolver.Resolve(settings, catalog);
            var model = catalog.First(m => m.Name == spec.Model);
            var nonDefault = spec.Options.Where(o => model.Options.First(x => x.Name == o.Key).Default != o.Value).Select(o => $"{o.Key}={o.Value}");
            string name = string.Join("/", new[] { spec.Model, Core.Models.LossInfo.Of(spec.Loss).Name, SpecResolver.Name(spec.Precision) }.Concat(nonDefault));
            var accel = new List<double>();
            var scalar = new List<double>();
            long accelSteps = 0, scalarSteps = 0;
            using var session = SweepSession.Open(spec);
            int sliceCount = (int)Math.Min(spec.Grid.Count, quick ? 256 : 4096) / (spec.Model == "sparse-coding" ? 8 : 1);
            var kernel = ModelCatalog.Kernel(spec);
            var grid = new HostGrid(spec.Grid);
            var batch = new ResultBatch(kernel.ParameterCount, sliceCount, kernel.ExtraCount);
            var simdKernel = ModelCatalog.Simd(model, spec.Loss, spec.Precision);
            int total = (int)spec.Grid.Count;
            var simdBatch = simdKernel is null ? null : new ResultBatch(kernel.ParameterCount, total, kernel.ExtraCount);
            var simd = new List<double>();
            long simdSteps = 0;
            var parallel = new List<double>();
            long parallelSteps = 0;
            var parallelBatch = new ResultBatch(kernel.ParameterCount, total, kernel.ExtraCount);
            bool runParallel = spec.Model != "sparse-coding";
            for (int r = 0; r < repeats + 1; r++)
            {
                var outcome = session.RunAsync((_, _) => Task.CompletedTask).GetAwaiter().GetResult();
                var clock = Stopwatch.StartNew();
                kernel.RunOnHost(grid, session.Data, SweepSession.Args(spec, 0, sliceCount, sliceCount), batch);
                double scalarSeconds = clock.Elapsed.TotalSeconds;
                double parallelSeconds = 0;
                if (runParallel)
                {
                    // The same scalar driver on every core: chunks of trajectories in Parallel.For.
                    clock.Restart();
                    var args = SweepSession.Args(spec, 0, total, total);
                    Parallel.For(0, (total + 255) / 256, c =>
                    {
                        var part = args;
                        part.Start = c * 256L;
                        part.Count = Math.Min(256, total - (c * 256));
                        kernel.RunOnHostRows(grid, session.Data, part, parallelBatch, c * 256);
                    });
                    parallelSeconds = clock.Elapsed.TotalSeconds;
                }

                double simdSeconds = 0;
                if (simdKernel is not null && simdBatch is not null)
                {
                    clock.Restart();
                    SimdSweep.Run(simdKernel, grid, session.Data, SweepSession.Args(spec, 0, total, total), simdBatch);
                    simdSeconds = clock.Elapsed.TotalSeconds;
                }

                if (r == 0)
                {
                    continue;   // warm-up: JIT and kernel compile
                }

                accel.Add(outcome.Elapsed.TotalSeconds);
                accelSteps = outcome.TrajectorySteps;
                scalar.Add(scalarSeconds);
                scalarSteps = SumSteps(batch);
                if (runParallel)
                {
                    parallelBatch.Count = total;
                    parallel.Add(parallelSeconds);
                    parallelSteps = SumSteps(parallelBatch);
                }
                if (simdBatch is not null)
                {
                    simd.Add(simdSeconds);
                    simdSteps = SumSteps(simdBatch);
                }
            }

            yield return new BenchmarkResult(name, $"ilgpu {session.AcceleratorKind} ({session.AcceleratorName})", spec.Grid.Count, accelSteps, Median(accel), repeats);
            yield return new BenchmarkResult(name, "scalar C# loop, 1 thread", sliceCount, scalarSteps, Median(scalar), repeats);
            if (parallel.Count > 0)
            {
                yield return new BenchmarkResult(name, $"scalar C# loop, Parallel.For ({Environment.ProcessorCount} threads)", total, parallelSteps, Median(parallel), repeats);
            }
            if (simd.Count > 0)
            {
                yield return new BenchmarkResult(name, $"SIMD V8 lanes, {Environment.ProcessorCount} threads", spec.Grid.Count, simdSteps, Median(simd), repeats);
            }
        }
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
