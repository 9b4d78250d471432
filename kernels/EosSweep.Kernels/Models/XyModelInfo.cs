using EosSweep.Core;
using EosSweep.Core.Models;
using EosSweep.Core.Results;
using EosSweep.Kernels.Execution;
using EosSweep.Kernels.Losses;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Models;

/// <summary>Registration and theory of <see cref="XyModel{TLoss, T}"/> (docs/models.md, xy).</summary>
public sealed class XyModelInfo : ModelInfo, IKernelFamily
{
    /// <summary>The one instance.</summary>
    public static XyModelInfo Instance { get; } = new();

    /// <inheritdoc/>
    public override string Name => "xy";

    /// <inheritdoc/>
    public override string Description => "single-neuron linear network, L(x, y) = ℓ(x·y)";

    /// <inheritdoc/>
    public override IReadOnlyList<AxisInfo> Axes { get; } =
    [
        new("eta", 0.1, "step size η", PositiveOnly: true),
        new("x0", 0.1, "initial x"),
        new("y0", 1.0, "initial y"),
        new("seed", 0, "random seed (the xy model draws no random numbers; kept as a label)", Integer: true),
    ];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Parameters { get; } = ["x", "y"];

    /// <inheritdoc/>
    public override IReadOnlyList<LossKind> Losses { get; } = [LossKind.Logistic, LossKind.Sqrt, LossKind.LogCosh, LossKind.Square];

    /// <inheritdoc/>
    public override LossKind DefaultLoss => LossKind.Logistic;

    /// <inheritdoc/>
    public override IReadOnlyList<string> Theory { get; } =
    [
        "x' = x − η·ℓ'(xy)·y,  y' = y − η·ℓ'(xy)·x",
        "Hessian [[ℓ''y², ℓ''xy + ℓ'], [ℓ''xy + ℓ', ℓ''x²]] at s = xy; sharpness = its largest eigenvalue",
        "minimisers: the axes xy = 0; at (0, y) the sharpness is ℓ''(0)·y²",
        "phase boundary: y0² = 2/(η·ℓ''(0)); below it GD converges near (0, y0) (gf)",
        "above it, sub-quadratic losses settle at the edge: ℓ''(0)·y∞² ≈ 2/η (final ratio in [0.9, 1])",
    ];

    /// <inheritdoc/>
    public override string CurveColumn => ResultColumns.StabilityRatio;

    /// <summary>The start ratio ℓ''(0)·y0²·η/2: above 1 the start is unstable.</summary>
    public static double StartRatio(double eta, double y0, LossKind loss) =>
        LossInfo.Of(loss).CurvatureAtZero * y0 * y0 * eta / 2;

    /// <inheritdoc/>
    public override IReadOnlyList<TheoryMarker> Markers(SweepSpec spec)
    {
        double c = LossInfo.Of(spec.Loss).CurvatureAtZero;
        var list = new List<TheoryMarker>();
        if (spec.ConstantOf("y0") is { } y0 && y0 != 0 && spec.Axis("eta").Count > 1)
        {
            double eta = 2 / (c * y0 * y0);
            list.Add(new TheoryMarker($"η = 2/(ℓ''(0)·y0²) = {eta:G4}", "eta", eta));
        }

        if (spec.ConstantOf("eta") is { } e && spec.Axis("y0").Count > 1)
        {
            double y = Math.Sqrt(2 / (c * e));
            list.Add(new TheoryMarker($"y0 = √(2/(η·ℓ''(0))) = {y:G4}", "y0", y));
            list.Add(new TheoryMarker($"y0 = −√(2/(η·ℓ''(0)))", "y0", -y));
        }

        return list;
    }

    /// <inheritdoc/>
    public override IReadOnlyList<TheoryCurve> Curves(SweepSpec spec)
    {
        var eta = spec.Axis("eta");
        if (eta.Count < 2 || spec.Axis("y0").Count < 2)
        {
            return [];
        }

        double c = LossInfo.Of(spec.Loss).CurvatureAtZero;
        var pts = SampleAxis(eta.Values.Min(), eta.Values.Max(), eta.IsLog)
            .Select(x => (x, Math.Sqrt(2 / (c * x))))
            .ToList();
        var neg = pts.Select(p => (p.x, -p.Item2)).ToList();
        var curves = new List<TheoryCurve> { new("y0² = 2/(η·ℓ''(0))", "eta", "y0", pts) };
        if (spec.Axis("y0").Values.Min() < 0)
        {
            curves.Add(new TheoryCurve("y0 = −√(2/(η·ℓ''(0)))", "eta", "y0", neg));
        }

        return curves;
    }

    /// <inheritdoc/>
    public override IReadOnlyList<TheoryCheck> Checks(SweepSpec spec, ResultTable table)
    {
        var info = LossInfo.Of(spec.Loss);
        var eta = table.Column("eta");
        var y0 = table.Column("y0");
        var finalY = table.Column(ResultColumns.Final("y"));
        var ratio = table.Column(ResultColumns.StabilityRatio);
        var x0 = table.Column("x0");
        int agree = 0, edgeRows = 0, edgeOk = 0, gfRows = 0, gfOk = 0;
        for (int i = 0; i < table.Count; i++)
        {
            double r0 = StartRatio(eta[i], y0[i], spec.Loss);
            bool gf = table.Regimes[i] == Regime.Gf;
            agree += (r0 < 1) == gf ? 1 : 0;
            // docs/models.md, xy: after 2000/η steps the ratio sits in [0.9, 1]; slow runs may still be converging then.
            if (info.SubQuadratic && eta[i] * info.CurvatureAtZero <= 0.1 && r0 >= 1.05 && r0 <= 1.5 && spec.Steps >= 2000 / eta[i])
            {
                edgeRows++;
                var regime = table.Regimes[i];
                edgeOk += (regime == Regime.Eos || regime == Regime.Unconverged) && ratio[i] >= 0.9 && ratio[i] <= 1.0 ? 1 : 0;
            }

            // "Started near x = 0": gradient flow conserves y² − x², so y moves by ≈ x0²/(2·y0); |y0| ≥ 10·|x0| keeps that under 0.5 %.
            if (r0 <= 0.85 && Math.Abs(y0[i]) >= 10 * Math.Abs(x0[i]))
            {
                gfRows++;
                gfOk += gf && Math.Abs(finalY[i] - y0[i]) <= 0.01 * Math.Abs(y0[i]) ? 1 : 0;
            }
        }

        var checks = new List<TheoryCheck>
        {
            new("boundary_agreement", "share of rows where (start ratio ℓ''(0)·y0²·η/2 < 1) equals (regime = gf)",
                Share(agree, table.Count), "≥ 0.95", table.Count == 0 ? null : Share(agree, table.Count) >= 0.95),
            new("gf_keeps_y0", "share of rows with start ratio ≤ 0.85 and |y0| ≥ 10·|x0| that end gf with |y − y0| ≤ 1% |y0|",
                Share(gfOk, gfRows), "1 (all such rows)", gfRows == 0 ? null : gfOk == gfRows),
        };
        if (info.SubQuadratic)
        {
            checks.Add(new("edge_final_ratio",
                "share of rows with η·ℓ''(0) ≤ 0.1, start ratio in [1.05, 1.5] and ≥ 2000/η steps that end eos (or still converging) with final ratio in [0.9, 1]",
                Share(edgeOk, edgeRows), "1 (all such rows)", edgeRows == 0 ? null : edgeOk == edgeRows));
        }

        return checks;
    }

    /// <inheritdoc/>
    public ITrajectoryKernel Make<TLoss, T>()
        where TLoss : struct, ILoss
        where T : struct, IScalar<T> => new TrajectoryKernel<XyModel<TLoss, T>, T>();

    /// <inheritdoc/>
    public Simd.ISimdKernel MakeSimd<TLoss, T, TW>()
        where TLoss : struct, ILoss
        where T : struct, ISimdReal<T, TW>
        where TW : struct, ILanes<TW> => new Simd.SimdKernel<XyModel<TLoss, T>, T, TW>(interleave: false);

    private static double Share(int k, int n) => n == 0 ? double.NaN : (double)k / n;
}
