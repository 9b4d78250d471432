using EosSweep.Core;
using EosSweep.Core.Models;
using EosSweep.Core.Results;
using EosSweep.Kernels.Execution;
using EosSweep.Kernels.Losses;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Models;

/// <summary>Registration and theory of <see cref="MeanModel{TLoss, T}"/> (docs/models.md, mean).</summary>
public sealed class MeanModelInfo : ModelInfo, IKernelFamily
{
    /// <summary>The one instance.</summary>
    public static MeanModelInfo Instance { get; } = new();

    /// <inheritdoc/>
    public override string Name => "mean";

    /// <inheritdoc/>
    public override string Description => "the paper's network with the data replaced by its mean (reduced model)";

    /// <inheritdoc/>
    public override IReadOnlyList<AxisInfo> Axes { get; } =
    [
        new("eta", 8 * Math.PI / (200.0 * 200.0), "step size η (default η* = 8π/d² at d = 200)", PositiveOnly: true),
        new("a_plus0", 0.05, "initial a₊"),
        new("a_minus0", -0.02, "initial a₋"),
        new("b0", 0.0, "initial bias b"),
        new("d", 200, "dimension d", Integer: true, PositiveOnly: true),
        new("seed", 0, "random seed (the mean model draws no random numbers; kept as a label)", Integer: true),
    ];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Parameters { get; } = ["a_plus", "a_minus", "b"];

    /// <inheritdoc/>
    public override IReadOnlyList<LossKind> Losses { get; } = [LossKind.Logistic, LossKind.Sqrt, LossKind.LogCosh, LossKind.Square];

    /// <inheritdoc/>
    public override LossKind DefaultLoss => LossKind.Logistic;

    /// <inheritdoc/>
    public override IReadOnlyList<string> Theory { get; } =
    [
        "G = d·g(b), g(b) = b·Φ(b) + φ(b); A = a₊ + a₋; f = G·A; L = ℓ(f)",
        "∂L/∂a± = ℓ'(f)·G,  ∂L/∂b = ℓ'(f)·d·Φ(b)·A  (b never increases)",
        "sharpness at A = 0: 2·ℓ''(0)·d²·g(b)² (d²/(4π) at b = 0, logistic)",
        "threshold η* = 2π/(ℓ''(0)·d²) = 8π/d² (logistic); below it b stays ≈ b0",
        "above it GD settles at the edge with g(b∞) = 1/(d·√(η·ℓ''(0))) = 2/(d·√η)",
    ];

    /// <inheritdoc/>
    public override string CurveColumn => ResultColumns.Final("b");

    /// <summary>g(b) = E[ReLU(z + b)] = b·Φ(b) + φ(b), with the project's Φ.</summary>
    public static double G(double b)
    {
        double cdf = PMath.NormalCdf(new R64(b), out var pdf).V;
        return (b * cdf) + pdf.V;
    }

    /// <summary>η* = 2π/(ℓ''(0)·d²).</summary>
    public static double EtaStar(double d, LossKind loss) => 2 * Math.PI / (LossInfo.Of(loss).CurvatureAtZero * d * d);

    /// <summary>The predicted edge bias: the root of g(b) = 1/(d·√(η·ℓ''(0))) (bisection; g is increasing).</summary>
    public static double BInfinity(double eta, double d, LossKind loss)
    {
        double target = 1 / (d * Math.Sqrt(eta * LossInfo.Of(loss).CurvatureAtZero));
        double lo = -40, hi = 40;
        for (int i = 0; i < 200 && hi - lo > 1e-15; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (G(mid) < target)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return 0.5 * (lo + hi);
    }

    /// <summary>The predicted final b: b0 below η*, b∞(η) above (when b0 lies above b∞).</summary>
    public static double PredictedB(double eta, double d, double b0, LossKind loss) =>
        eta <= EtaStar(d, loss) ? b0 : Math.Min(b0, BInfinity(eta, d, loss));

    /// <inheritdoc/>
    public override IReadOnlyList<TheoryMarker> Markers(SweepSpec spec)
    {
        var list = new List<TheoryMarker>();
        if (spec.ConstantOf("d") is { } d && spec.Axis("eta").Count > 1)
        {
            double e = EtaStar(d, spec.Loss);
            list.Add(new TheoryMarker($"η* = 2π/(ℓ''(0)·d²) = {e:G4}", "eta", e));
        }

        if (spec.ConstantOf("eta") is { } eta && spec.Axis("d").Count > 1)
        {
            double dStar = Math.Sqrt(2 * Math.PI / (LossInfo.Of(spec.Loss).CurvatureAtZero * eta));
            list.Add(new TheoryMarker($"d* = √(2π/(ℓ''(0)·η)) = {dStar:G4}", "d", dStar));
        }

        return list;
    }

    /// <inheritdoc/>
    public override IReadOnlyList<TheoryCurve> Curves(SweepSpec spec)
    {
        var eta = spec.Axis("eta");
        var curves = new List<TheoryCurve>();
        if (eta.Count < 2)
        {
            return curves;
        }

        var xs = SampleAxis(eta.Values.Min(), eta.Values.Max(), eta.IsLog).ToList();
        if (spec.ConstantOf("d") is { } d && spec.ConstantOf("b0") is { } b0)
        {
            curves.Add(new TheoryCurve("b∞: g(b∞) = 1/(d·√(η·ℓ''(0))) above η*", "eta", ResultColumns.Final("b"),
                xs.Select(x => (x, PredictedB(x, d, b0, spec.Loss))).ToList()));
        }

        if (spec.Axis("d").Count > 1)
        {
            double c = LossInfo.Of(spec.Loss).CurvatureAtZero;
            curves.Add(new TheoryCurve("η = 2π/(ℓ''(0)·d²)", "eta", "d",
                xs.Select(x => (x, Math.Sqrt(2 * Math.PI / (c * x)))).ToList()));
        }

        return curves;
    }

    /// <inheritdoc/>
    public override IReadOnlyList<TheoryCheck> Checks(SweepSpec spec, ResultTable table)
    {
        var eta = table.Column("eta");
        var d = table.Column("d");
        var b0 = table.Column("b0");
        var b = table.Column(ResultColumns.Final("b"));
        double belowMax = 0, aboveMax = 0, farMax = 0;
        int below = 0, above = 0, far = 0, split = 0, splitRows = 0;
        for (int i = 0; i < table.Count; i++)
        {
            double star = EtaStar(d[i], spec.Loss);
            var regime = table.Regimes[i];
            if (eta[i] <= 0.9 * star)
            {
                below++;
                belowMax = Math.Max(belowMax, Math.Abs(b[i] - b0[i]));
                splitRows++;
                split += regime == Regime.Gf ? 1 : 0;
            }
            else if (eta[i] >= 1.5 * star && b0[i] == 0)
            {
                double dev = Math.Abs(b[i] - BInfinity(eta[i], d[i], spec.Loss));
                if (eta[i] <= 4 * star)
                {
                    above++;
                    aboveMax = Math.Max(aboveMax, dev);
                }
                else
                {
                    far++;
                    farMax = Math.Max(farMax, dev);
                }

                splitRows++;
                split += regime == Regime.Eos ? 1 : 0;
            }
        }

        return
        [
            new("below_threshold_b", "max |b − b0| over rows with η ≤ 0.9·η*", below == 0 ? double.NaN : belowMax,
                "≤ 0.01", below == 0 ? null : belowMax <= 0.01),
            new("above_threshold_b", "max |b − b∞(η)| over rows with 1.5·η* ≤ η ≤ 4·η* and b0 = 0", above == 0 ? double.NaN : aboveMax,
                "≤ 0.01", above == 0 ? null : aboveMax <= 0.01),
            new("far_above_threshold_b", "max |b − b∞(η)| over rows with η > 4·η* and b0 = 0 (b∞ is the small-step limit; larger steps settle a little below it)",
                far == 0 ? double.NaN : farMax, "informational", null),
            new("regime_split", "share of rows (η ≤ 0.9·η* or ≥ 1.5·η*) that are gf below η* and eos above",
                splitRows == 0 ? double.NaN : (double)split / splitRows, "1", splitRows == 0 ? null : split == splitRows),
        ];
    }

    /// <inheritdoc/>
    public ITrajectoryKernel Make<TLoss, T>()
        where TLoss : struct, ILoss
        where T : struct, IScalar<T> => new TrajectoryKernel<MeanModel<TLoss, T>, T>();

    /// <inheritdoc/>
    public Simd.ISimdKernel MakeSimd<TLoss, T, TW>()
        where TLoss : struct, ILoss
        where T : struct, ISimdReal<T, TW>
        where TW : struct, ILanes<TW> => new Simd.SimdKernel<MeanModel<TLoss, T>, T, TW>(interleave: false);
}
