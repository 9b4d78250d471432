using EosSweep.Core;
using EosSweep.Core.Results;
using EosSweep.Engine;
using EosSweep.Kernels.Simd;

namespace EosSweep.Tests.Engine;

/// <summary>Runs sweeps in memory on the CPU accelerator and returns their rows.</summary>
internal static class SweepHarness
{
    /// <summary>One whole-grid run: its rows (one batch) and the engine that computed them.</summary>
    /// <param name="Batch">The rows, trajectory i in row i.</param>
    /// <param name="AcceleratorName">The session's accelerator name (", SIMD …" appended on the CPU lanes).</param>
    /// <param name="AcceleratorKind">cpu, cuda or opencl.</param>
    /// <param name="Grouped">Whether the kernel held runs a group of threads per trajectory.</param>
    internal sealed record EngineRun(ResultBatch Batch, string AcceleratorName, string AcceleratorKind, bool Grouped);

    /// <summary>One trajectory's results, columns by name.</summary>
    internal sealed record Row(long Index, double[] Parameters, double FinalLoss, double MinLoss, double SharpnessFinal,
        double SharpnessMax, double Ratio, int Steps, int DivergedStep, Regime Regime, double[] Extras);

    public static SweepSpec Spec(SweepSettings s) =>
        SpecResolver.Resolve(s.Over(new SweepSettings { Accelerator = "cpu" }), ModelCatalog.All);

    public static List<Row> Run(SweepSpec spec) => Run(spec, out _);

    public static List<Row> Run(SweepSettings s) => Run(Spec(s));

    /// <summary>Runs <paramref name="spec"/> on its accelerator, in its batches; <paramref name="accelerator"/> is the name of the engine that ran it.</summary>
    public static List<Row> Run(SweepSpec spec, out string accelerator)
    {
        var rows = new List<Row>();
        using var session = SweepSession.Open(spec);
        session.RunAsync((b, _) =>
        {
            lock (rows)
            {
                rows.AddRange(Rows(b));
            }

            return Task.CompletedTask;
        }).GetAwaiter().GetResult();
        rows.Sort((a, b) => a.Index.CompareTo(b.Index));
        accelerator = session.AcceleratorName;
        return rows;
    }

    /// <summary>
    /// Runs the whole grid of <paramref name="spec"/> as one batch on its accelerator with <paramref name="options"/>
    /// (default: the engine's choice) and keeps the rows with the name of what ran them.
    /// </summary>
    public static EngineRun RunEngine(SweepSpec spec, KernelOptions? options = null)
    {
        using var session = SweepSession.Open(spec with { Batch = (int)spec.Grid.Count }, options ?? KernelOptions.Default);
        return RunEngine(session, spec, null);
    }

    /// <summary>Runs an open session of <paramref name="spec"/> (one batch); <paramref name="alsoWithData"/> is called with the session's model data while it is open.</summary>
    public static EngineRun RunEngine(SweepSession session, SweepSpec spec, Action<EosSweep.Kernels.Models.ModelData>? alsoWithData)
    {
        ResultBatch? copy = null;
        session.RunAsync((b, _) =>
        {
            copy = new ResultBatch(b.ParameterCount, b.Capacity, b.ExtraCount) { Start = b.Start, Count = b.Count };
            b.Doubles.CopyTo(copy.Doubles, 0);
            b.Ints.CopyTo(copy.Ints, 0);
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();
        Assert.NotNull(copy);
        Assert.Equal(spec.Grid.Count, copy.Count);
        alsoWithData?.Invoke(session.Data);
        return new EngineRun(copy, session.AcceleratorName, session.AcceleratorKind, session.Grouped);
    }

    /// <summary>Asserts that <paramref name="run"/> ran the ILGPU-compiled kernel on ILGPU's CPU accelerator (not the SIMD lanes), in the given layout.</summary>
    public static void AssertIlgpuCpuKernel(EngineRun run, bool grouped)
    {
        Assert.Equal("cpu", run.AcceleratorKind);
        Assert.DoesNotContain("SIMD", run.AcceleratorName, StringComparison.Ordinal);
        Assert.Equal(grouped, run.Grouped);
    }

    /// <summary>Asserts that <paramref name="run"/> ran on the CPU SIMD lanes of <paramref name="lanes"/>.</summary>
    public static void AssertSimdLanes(EngineRun run, ISimdKernel lanes)
    {
        Assert.Equal("cpu", run.AcceleratorKind);
        Assert.EndsWith($", SIMD {lanes.Lanes}", run.AcceleratorName, StringComparison.Ordinal);
        Assert.False(run.Grouped);
    }

    public static IEnumerable<Row> Rows(ResultBatch b)
    {
        int p = b.ParameterCount, cap = b.Capacity;
        for (int i = 0; i < b.Count; i++)
        {
            var par = new double[p];
            for (int k = 0; k < p; k++)
            {
                par[k] = b.Doubles[(k * cap) + i];
            }

            yield return new Row(
                b.Start + i, par,
                b.Doubles[(ResultLayout.FinalLoss(p) * cap) + i],
                b.Doubles[(ResultLayout.MinLoss(p) * cap) + i],
                b.Doubles[(ResultLayout.SharpnessFinal(p) * cap) + i],
                b.Doubles[(ResultLayout.SharpnessMax(p) * cap) + i],
                b.Doubles[(ResultLayout.StabilityRatio(p) * cap) + i],
                b.Ints[i], b.Ints[cap + i], (Regime)b.Ints[(2 * cap) + i],
                Enumerable.Range(0, b.ExtraCount).Select(e => b.Doubles[((ResultLayout.Extra(p) + e) * cap) + i]).ToArray());
        }
    }
}
