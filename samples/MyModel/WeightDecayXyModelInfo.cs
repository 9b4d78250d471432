using EosSweep.Core;
using EosSweep.Core.Models;
using EosSweep.Core.Results;
using EosSweep.Kernels.Execution;
using EosSweep.Kernels.Losses;
using EosSweep.Kernels.Numerics;
using EosSweep.Kernels.Simd;

namespace MyModel;

/// <summary>
/// What eos-sweep needs to know about <see cref="WeightDecayXyModel{T}"/>: its name, axes, parameters, loss and theory
/// (<see cref="ModelInfo"/>), and how to close the struct over a number type (<see cref="IKernelFamily"/>). eos-sweep finds
/// this class in the assembly given to <c>--model-assembly</c> through its public static <see cref="Instance"/>.
/// </summary>
/// <remarks>
/// Theory. For 0 ≤ λ &lt; 1 the minimisers are the balanced points x = y = ±√(1 − λ) (weight decay makes
/// λ(x² − y²) = 0 at every stationary point but the origin, a saddle). There the Hessian is [[1, 1 − 2λ], [1 − 2λ, 1]],
/// of sharpness 2 − 2λ for λ ≤ ½, so GD can converge onto them iff η·(2 − 2λ)/2 &lt; 1, i.e. η &lt; 1/(1 − λ); above
/// that no minimiser is stable and GD never converges.
/// </remarks>
public sealed class WeightDecayXyModelInfo : ModelInfo, IKernelFamily
{
    /// <summary>The one instance.</summary>
    public static WeightDecayXyModelInfo Instance { get; } = new();

    /// <inheritdoc/>
    public override string Name => "wd-xy";

    /// <inheritdoc/>
    public override string Description => "L(x, y) = ½(xy − 1)² + (λ/2)(x² + y²): scalar factorisation with weight decay (a sample user model)";

    /// <inheritdoc/>
    public override IReadOnlyList<AxisInfo> Axes { get; } =
    [
        new("eta", 0.5, "step size η", PositiveOnly: true),
        new("decay", 0.1, "weight decay λ"),
        new("x0", 1.5, "initial x"),
        new("y0", 0.5, "initial y"),
    ];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Parameters { get; } = ["x", "y"];

    /// <summary>The loss is fixed: ½(xy − 1)² is the square loss of xy − 1 (the decay term is part of the model).</summary>
    public override IReadOnlyList<LossKind> Losses { get; } = [LossKind.Square];

    /// <inheritdoc/>
    public override LossKind DefaultLoss => LossKind.Square;

    /// <inheritdoc/>
    public override IReadOnlyList<string> Theory { get; } =
    [
        "r = xy − 1; ∂L/∂x = r·y + λx, ∂L/∂y = r·x + λy; Hessian [[y² + λ, 2xy − 1], [·, x² + λ]]",
        "0 ≤ λ < 1: the minimisers are x = y = ±√(1 − λ), of sharpness 2 − 2λ (λ ≤ ½)",
        "η < 1/(1 − λ): GD can converge onto them; η > 1/(1 − λ): no minimiser is stable, GD never converges",
    ];

    /// <summary>The largest step size at which the minimisers are stable: 1/(1 − λ) (λ ≤ ½).</summary>
    public static double StableStep(double decay) => 1 / (1 - decay);

    /// <inheritdoc/>
    public override IReadOnlyList<TheoryMarker> Markers(SweepSpec spec) =>
        spec.Axis("eta").Count > 1 && spec.ConstantOf("decay") is { } decay && decay is >= 0 and <= 0.5
            ? [new TheoryMarker($"η = 1/(1 − λ) = {StableStep(decay):G4}", "eta", StableStep(decay))]
            : [];

    /// <inheritdoc/>
    public override IReadOnlyList<TheoryCurve> Curves(SweepSpec spec)
    {
        var eta = spec.Axis("eta");
        var decay = spec.Axis("decay");
        if (eta.Count < 2 || decay.Count < 2)
        {
            return [];
        }

        var points = SampleAxis(eta.Values.Min(), eta.Values.Max(), eta.IsLog)
            .Select(e => (e, 1 - (1 / e) is var l && l >= 0 && l <= 0.5 ? l : double.NaN))
            .ToList();
        return [new TheoryCurve("λ = 1 − 1/η (minimisers stable below η = 1/(1 − λ))", "eta", "decay", points, GfBoundary: false)];
    }

    /// <inheritdoc/>
    public override IReadOnlyList<TheoryCheck> Checks(SweepSpec spec, ResultTable table)
    {
        var eta = table.Column("eta");
        var decay = table.Column("decay");
        int rows = 0, converged = 0;
        for (int i = 0; i < table.Count; i++)
        {
            if (decay[i] is >= 0 and <= 0.5 && eta[i] > 1.01 * StableStep(decay[i]))
            {
                rows++;
                converged += table.Regimes[i] is Regime.Gf or Regime.Eos ? 1 : 0;
            }
        }

        return
        [
            new("no_stable_minimiser", "rows with 0 ≤ λ ≤ ½ and η > 1.01/(1 − λ) that converge (no minimiser is stable there)",
                converged, "0", rows == 0 ? null : converged == 0),
        ];
    }

    /// <inheritdoc/>
    public ITrajectoryKernel Make<TLoss, T>()
        where TLoss : struct, ILoss
        where T : struct, IScalar<T> => new TrajectoryKernel<WeightDecayXyModel<T>, T>();

    /// <inheritdoc/>
    public ISimdKernel MakeSimd<TLoss, T, TW>()
        where TLoss : struct, ILoss
        where T : struct, ISimdReal<T, TW>
        where TW : struct, ILanes<TW> => new SimdKernel<WeightDecayXyModel<T>, T, TW>(interleave: false);
}
