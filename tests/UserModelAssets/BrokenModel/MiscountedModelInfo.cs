using EosSweep.Core;
using EosSweep.Core.Models;
using EosSweep.Kernels.Execution;
using EosSweep.Kernels.Losses;
using EosSweep.Kernels.Numerics;

namespace BrokenModel;

/// <summary>The registration of <see cref="MiscountedModel{T}"/>: two parameters where the struct has three.</summary>
public sealed class MiscountedModelInfo : ModelInfo, IKernelFamily
{
    /// <inheritdoc/>
    public override string Name => "miscounted";

    /// <inheritdoc/>
    public override string Description => "½x², with a struct whose parameter count disagrees with this ModelInfo";

    /// <inheritdoc/>
    public override IReadOnlyList<AxisInfo> Axes { get; } = [new("eta", 0.5, "step size η", PositiveOnly: true), new("x0", 1, "initial x")];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Parameters { get; } = ["x", "y"];

    /// <inheritdoc/>
    public override IReadOnlyList<LossKind> Losses { get; } = [LossKind.Square];

    /// <inheritdoc/>
    public override LossKind DefaultLoss => LossKind.Square;

    /// <inheritdoc/>
    public override IReadOnlyList<string> Theory { get; } = ["L = ½x²"];

    /// <inheritdoc/>
    public ITrajectoryKernel Make<TLoss, T>()
        where TLoss : struct, ILoss
        where T : struct, IScalar<T> => new TrajectoryKernel<MiscountedModel<T>, T>();
}
