using EosSweep.Core.Models;

namespace EosSweep.Tests.Storage;

/// <summary>A two-parameter model description for storage tests: axes eta, x0, y0 and an integer seed.</summary>
internal sealed class FakeXyModel : ModelInfo
{
    public static FakeXyModel Instance { get; } = new();

    public override string Name => "fake_xy";

    public override string Description => "A stand-in model with parameters x and y.";

    public override IReadOnlyList<AxisInfo> Axes { get; } =
    [
        new AxisInfo("eta", 0.1, "step size", PositiveOnly: true),
        new AxisInfo("x0", 1.0, "initial x"),
        new AxisInfo("y0", 1.0, "initial y"),
        new AxisInfo("seed", 0, "seed", Integer: true),
    ];

    public override IReadOnlyList<string> Parameters { get; } = ["x", "y"];

    public override IReadOnlyList<LossKind> Losses { get; } = [LossKind.Square, LossKind.Logistic];

    public override LossKind DefaultLoss => LossKind.Square;

    public override IReadOnlyList<string> Theory { get; } = [];
}
