using EosSweep.Core;
using EosSweep.Core.Results;
using EosSweep.Engine;

namespace EosSweep.Tests.Engine;

/// <summary>Runs sweeps in memory on the CPU accelerator and returns their rows.</summary>
internal static class SweepHarness
{
    /// <summary>One trajectory's results, columns by name.</summary>
    internal sealed record Row(long Index, double[] Parameters, double FinalLoss, double MinLoss, double SharpnessFinal,
        double SharpnessMax, double Ratio, int Steps, int DivergedStep, Regime Regime, double[] Extras);

    public static SweepSpec Spec(SweepSettings s) =>
        SpecResolver.Resolve(s.Over(new SweepSettings { Accelerator = "cpu" }), ModelCatalog.All);

    public static List<Row> Run(SweepSpec spec)
    {
        var rows = new List<Row>();
        SweepRunner.RunAsync(spec, (b, _) =>
        {
            lock (rows)
            {
                rows.AddRange(Rows(b));
            }

            return Task.CompletedTask;
        }).GetAwaiter().GetResult();
        rows.Sort((a, b) => a.Index.CompareTo(b.Index));
        return rows;
    }

    public static List<Row> Run(SweepSettings s) => Run(Spec(s));

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
