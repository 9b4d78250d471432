using EosSweep.Core;
using EosSweep.Core.Models;
using EosSweep.Core.Results;

namespace EosSweep.Tests.Analysis;

/// <summary>
/// A stand-in model for summarizer tests: axes eta, y0 and seed; square loss so the stability ratio at
/// (0, y0) is η·y0²/2 and the gf/unstable boundary is y0 = √(2/η). It overrides every theory hook.
/// </summary>
internal sealed class FakeModel : ModelInfo
{
    public const double Threshold = 0.05;

    public override string Name => "fake";

    public override string Description => "test double for the summarizer";

    public override IReadOnlyList<AxisInfo> Axes { get; } =
    [
        new("eta", 0.1, "step size", PositiveOnly: true),
        new("y0", 1.0, "initial y"),
        new("seed", 0, "replicate", Integer: true),
    ];

    public override IReadOnlyList<string> Parameters { get; } = ["x", "y"];

    public override IReadOnlyList<LossKind> Losses { get; } = [LossKind.Square, LossKind.Logistic];

    public override LossKind DefaultLoss => LossKind.Square;

    public override IReadOnlyList<string> Theory { get; } = ["r = η·y0²/2"];

    public override string CurveColumn => "final_y";

    public override IReadOnlyList<TheoryMarker> Markers(SweepSpec spec) =>
        [new("η* = 0.05 (test threshold)", "eta", Threshold), new("y0 = 4", "y0", 4.0)];

    public override IReadOnlyList<TheoryCurve> Curves(SweepSpec spec)
    {
        var eta = spec.Axis("eta").Values;
        double lo = eta.Min(), hi = eta.Max();
        var etas = Enumerable.Range(0, 200).Select(i => lo * Math.Pow(hi / lo, i / 199.0)).ToArray();
        var y0s = Enumerable.Range(0, 200).Select(i => 0.2 + (i * 0.05)).ToArray();
        return
        [
            // The boundary as y0(η), and a second one given the other way round: η(y0).
            new("boundary y0 = √(2/η)", "eta", "y0", etas.Select(e => (e, Math.Sqrt(2 / e))).ToList()),
            new("divergence η = 6/y0²", "y0", "eta", y0s.Select(y => (y, 6 / (y * y))).ToList()),
            new("edge y = √(2/η)", "eta", "final_y", etas.Select(e => (e, e > 0.5 ? Math.Sqrt(2 / e) : double.NaN)).ToList()),
        ];
    }

    public override IReadOnlyList<TheoryCheck> Checks(SweepSpec spec, ResultTable table) =>
    [
        new("edge_ratio", "final ratio of eos rows, mean", 0.95, "in [0.9, 1.0]", true),
        new("boundary, fit", "a check that \"cannot\" be judged", double.NaN, "n/a", null),
        new("always_fails", "a failing check", 3.0, "< 1", false),
    ];
}
