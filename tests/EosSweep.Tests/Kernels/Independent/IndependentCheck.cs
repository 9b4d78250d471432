using EosSweep.Core;
using EosSweep.Tests.Engine;

namespace EosSweep.Tests.Kernels.Independent;

/// <summary>Runs a sweep on one engine and holds every row to the independent reference of its grid point.</summary>
internal static class IndependentCheck
{
    /// <summary>
    /// Runs <paramref name="settings"/> on <paramref name="engine"/> and, row by row, the reference model of the row's
    /// grid index under <paramref name="limits"/>: the reference must reach the <paramref name="expected"/> regime with
    /// every decision at least <paramref name="margin"/> from flipping (so the engine's rounding cannot flip it), and the
    /// engine must agree with it (<see cref="EngineRun.AssertAgrees"/>). Returns the largest relative deviation measured.
    /// </summary>
    public static double Check(
        SweepSettings settings, AcceleratorChoice engine, Func<long, IReferenceModel> model, ReferenceLimits limits,
        Func<double[], double[]> columns, double rel, double abs, double margin, params Regime[] expected) =>
        Check(settings, engine, model, limits, columns, rel, abs, margin, null, null, expected);

    /// <summary>
    /// <see cref="Check(SweepSettings, AcceleratorChoice, Func{long, IReferenceModel}, ReferenceLimits, Func{double[], double[]}, double, double, double, Regime[])"/>
    /// with the sharpness columns held to <paramref name="sharpnessRel"/> and <paramref name="extra"/> run on each row
    /// and its reference (a model's extra columns).
    /// </summary>
    public static double Check(
        SweepSettings settings, AcceleratorChoice engine, Func<long, IReferenceModel> model, ReferenceLimits limits,
        Func<double[], double[]> columns, double rel, double abs, double margin, double? sharpnessRel,
        Action<SweepHarness.Row, ReferenceTrajectory>? extra, params Regime[] expected) =>
        Check(settings, engine, model, limits, columns, rel, abs, new ReferenceMargins(margin), sharpnessRel, extra, expected);

    /// <summary>
    /// <see cref="Check(SweepSettings, AcceleratorChoice, Func{long, IReferenceModel}, ReferenceLimits, Func{double[], double[]}, double, double, double, double?, Action{SweepHarness.Row, ReferenceTrajectory}?, Regime[])"/>
    /// with a margin of its own for each decision (an f32 run's move is known to a float ulp of θ, its ratio far better).
    /// </summary>
    public static double Check(
        SweepSettings settings, AcceleratorChoice engine, Func<long, IReferenceModel> model, ReferenceLimits limits,
        Func<double[], double[]> columns, double rel, double abs, ReferenceMargins margins, double? sharpnessRel,
        Action<SweepHarness.Row, ReferenceTrajectory>? extra, params Regime[] expected)
    {
        var rows = EngineRun.Rows(settings, engine);
        Assert.Equal(expected.Length, rows.Count);
        double worst = 0;
        foreach (var row in rows)
        {
            var reference = ReferenceTrajectory.Run(model(row.Index), limits);
            string label = $"{settings.Model} row {row.Index} on {engine}";
            Assert.True(expected[row.Index] == reference.Regime, $"{label}: reference regime {reference.Regime}, intended {expected[row.Index]}");
            AssertClearOfThresholds(reference, margins, label);
            worst = Math.Max(worst, EngineRun.AssertAgrees(row, reference, columns(reference.Theta), rel, abs, label, sharpnessRel));
            extra?.Invoke(row, reference);
        }

        return worst;
    }

    /// <summary>Every decision of the reference (converged test, divergence bound, eos margin, flush) at least <paramref name="margin"/> from flipping.</summary>
    public static void AssertClearOfThresholds(ReferenceTrajectory r, double margin, string label) =>
        AssertClearOfThresholds(r, new ReferenceMargins(margin), label);

    /// <summary>Every decision of the reference at least its own margin of <paramref name="margins"/> from flipping.</summary>
    public static void AssertClearOfThresholds(ReferenceTrajectory r, ReferenceMargins margins, string label)
    {
        Assert.True(r.DecisionMargin >= margins.Decision, $"{label}: the converged test came within {r.DecisionMargin:G3} of flipping");
        Assert.True(r.BoundMargin >= margins.Bound, $"{label}: ‖θ‖₁ came within {r.BoundMargin:G3} (relative) of the divergence bound");
        Assert.True(r.EdgeMargin >= margins.Edge, $"{label}: the largest ratio came within {r.EdgeMargin:G3} of 1 − m");
        Assert.True(r.FlushMargin >= margins.Flush, $"{label}: a parameter came within {r.FlushMargin:G3} decades of the flush threshold");
    }
}
