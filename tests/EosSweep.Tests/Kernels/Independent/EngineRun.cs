using EosSweep.Core;
using EosSweep.Engine;
using EosSweep.Tests.Engine;

namespace EosSweep.Tests.Kernels.Independent;

/// <summary>Runs a sweep in memory on a named CPU engine and checks that that engine, and no other, ran it.</summary>
internal static class EngineRun
{
    /// <summary>The two CPU engines every independent check runs on: ILGPU's CPU accelerator (the compiled kernel) and the SIMD lanes.</summary>
    public static TheoryData<AcceleratorChoice> Engines() => new() { AcceleratorChoice.CpuIlgpu, AcceleratorChoice.Cpu };

    /// <summary>
    /// The rows of <paramref name="settings"/> run with <paramref name="engine"/>: <see cref="AcceleratorChoice.Cpu"/>
    /// (the SIMD lanes; asserted: the engine's name carries "SIMD") or <see cref="AcceleratorChoice.CpuIlgpu"/>
    /// (ILGPU's CPU accelerator; asserted: no "SIMD").
    /// </summary>
    public static List<SweepHarness.Row> Rows(SweepSettings settings, AcceleratorChoice engine)
    {
        var spec = SpecResolver.Resolve(settings with { Accelerator = SpecResolver.Name(engine) }, ModelCatalog.All);
        var rows = new List<SweepHarness.Row>();
        var outcome = SweepRunner.RunAsync(spec, (b, _) =>
        {
            lock (rows)
            {
                rows.AddRange(SweepHarness.Rows(b));
            }

            return Task.CompletedTask;
        }).GetAwaiter().GetResult();
        if (engine == AcceleratorChoice.Cpu)
        {
            Assert.Contains("SIMD", outcome.Accelerator);
        }
        else
        {
            Assert.Equal("cpu", outcome.AcceleratorKind);
            Assert.DoesNotContain("SIMD", outcome.Accelerator);
        }

        rows.Sort((a, b) => a.Index.CompareTo(b.Index));
        return rows;
    }

    /// <summary>
    /// Steps, regime and diverged step identical; for a run that did not diverge, the final parameters, final and
    /// smallest loss, final and largest sharpness and the stability ratio within
    /// |engine − reference| ≤ rel·max(|engine|, |reference|) + abs. Returns the largest relative deviation of the columns held to
    /// <paramref name="rel"/>, max |engine − reference|/max(|reference|, abs/rel), for the report. The sharpness columns
    /// (final, largest, and the stability ratio) are held to <paramref name="sharpnessRel"/> when given (mlp: the engine
    /// estimates them by power iteration), else to <paramref name="rel"/>.
    /// </summary>
    public static double AssertAgrees(
        SweepHarness.Row row, ReferenceTrajectory expected, double[] expectedParameters, double rel, double abs, string label, double? sharpnessRel = null)
    {
        Assert.True(expected.Regime == row.Regime, $"{label}: regime {row.Regime}, reference {expected.Regime}");
        Assert.True(expected.Steps == row.Steps, $"{label}: steps {row.Steps}, reference {expected.Steps}");
        Assert.True(expected.DivergedStep == row.DivergedStep, $"{label}: diverged step {row.DivergedStep}, reference {expected.DivergedStep}");
        if (expected.Regime == Regime.Diverged)
        {
            return 0;
        }

        double worst = 0;
        void Near(string what, double actual, double reference, double tolerance)
        {
            double diff = Math.Abs(actual - reference);
            Assert.True(diff <= (tolerance * Math.Max(Math.Abs(actual), Math.Abs(reference))) + abs, $"{label}: {what} engine {actual:R}, reference {reference:R}");
            if (tolerance == rel)
            {
                worst = Math.Max(worst, diff / Math.Max(Math.Abs(reference), abs / tolerance));
            }
        }

        double sharp = sharpnessRel ?? rel;

        for (int k = 0; k < expectedParameters.Length; k++)
        {
            Near($"parameter {k}", row.Parameters[k], expectedParameters[k], rel);
        }

        Near("final loss", row.FinalLoss, expected.FinalLoss, rel);
        Near("min loss", row.MinLoss, expected.MinLoss, rel);
        Near("final sharpness", row.SharpnessFinal, expected.SharpnessFinal, sharp);
        Near("max sharpness", row.SharpnessMax, expected.SharpnessMax, sharp);
        Near("stability ratio", row.Ratio, expected.Ratio, sharp);
        return worst;
    }
}
