using EosSweep.Core;
using EosSweep.Core.Models;
using EosSweep.Core.Results;
using EosSweep.Kernels.Execution;
using EosSweep.Kernels.Losses;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Models;

/// <summary>
/// Registration and theory of <see cref="QuarticModel{T}"/> (docs/models.md, test beds). The theory is derived here and
/// checked by simulation: gradient flow conserves D = x² − y² (x·∂L/∂x = y·∂L/∂y), so from (x0, y0) it
/// reaches the minimiser with x² + y² = √(D² + 4), of sharpness S(D) = 2√(D² + 4). GD with η·S(D)/2 &lt; 1
/// converges close to it; with η·S(D)/2 &gt; 1 and η &lt; ½ it oscillates across the manifold and drifts along it
/// to a flatter minimiser, settling at the edge (final η·λ/2 just below 1); above η = ½ no minimiser is
/// stable (every one has sharpness ≥ 4 &gt; 2/η).
/// </summary>
public sealed class QuarticModelInfo : ModelInfo, IKernelFamily
{
    /// <summary>The one instance.</summary>
    public static QuarticModelInfo Instance { get; } = new();

    /// <inheritdoc/>
    public override string Name => "quartic";

    /// <inheritdoc/>
    public override string Description => "L(x, y) = ¼(x²y² − 1)², the minimalist edge-of-stability example (GD with bifurcations)";

    /// <inheritdoc/>
    public override IReadOnlyList<AxisInfo> Axes { get; } =
    [
        new("eta", 0.1, "step size η", PositiveOnly: true),
        new("x0", 1.5, "initial x"),
        new("y0", 0.5, "initial y"),
    ];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Parameters { get; } = ["x", "y"];

    /// <summary>The model's loss is fixed: ¼(x²y² − 1)² is the square loss ½r² of r = (x²y² − 1)/√2.</summary>
    public override IReadOnlyList<LossKind> Losses { get; } = [LossKind.Square];

    /// <inheritdoc/>
    public override LossKind DefaultLoss => LossKind.Square;

    /// <inheritdoc/>
    public override IReadOnlyList<string> Theory { get; } =
    [
        "q = x²y²; ∂L/∂x = (q − 1)·x·y², ∂L/∂y = (q − 1)·x²·y (the loss is fixed: the square loss of (x²y² − 1)/√2)",
        "Hessian [[y²(3q − 1), 2xy(2q − 1)], [·, x²(3q − 1)]]; on the minimisers xy = ±1 the sharpness is 2(x² + y²) ≥ 4",
        "gradient flow conserves D = x² − y²: it reaches the minimiser of sharpness S(D) = 2√(D² + 4) (4 when balanced)",
        "η·S(D)/2 < 1: GD converges near that minimiser; η·S(D)/2 > 1 and η < ½: it settles at the edge (final η·λ/2 ≈ 1)",
        "η > ½: no minimiser is stable (all have sharpness ≥ 4 > 2/η): GD never converges onto xy = ±1",
    ];

    /// <inheritdoc/>
    public override string CurveColumn => ResultColumns.SharpnessFinal;

    /// <inheritdoc/>
    public override IReadOnlyList<string> CurveColumns { get; } = [ResultColumns.SharpnessFinal, ResultColumns.StabilityRatio];

    /// <summary>S(D) = 2√(D² + 4) with D = x0² − y0²: the sharpness of the minimiser gradient flow reaches.</summary>
    public static double FlowSharpness(double x0, double y0)
    {
        double d = (x0 * x0) - (y0 * y0);
        return 2 * Math.Sqrt((d * d) + 4);
    }

    /// <summary>The predicted final sharpness: S(D) while η·S(D)/2 &lt; 1, 2/η at the edge up to η = ½, NaN above.</summary>
    public static double PredictedSharpness(double eta, double x0, double y0)
    {
        double s = FlowSharpness(x0, y0);
        return eta * s / 2 < 1 ? s : eta < 0.5 ? 2 / eta : double.NaN;
    }

    /// <inheritdoc/>
    public override IReadOnlyList<TheoryMarker> Markers(SweepSpec spec)
    {
        var list = new List<TheoryMarker>();
        if (spec.Axis("eta").Count > 1)
        {
            list.Add(new TheoryMarker("η = ½ (no stable minimiser above)", "eta", 0.5));
            if (spec.ConstantOf("x0") is { } x0 && spec.ConstantOf("y0") is { } y0)
            {
                double e = 2 / FlowSharpness(x0, y0);
                list.Add(new TheoryMarker($"η = 1/√(D² + 4) = {e:G4}", "eta", e));
            }
        }

        return list;
    }

    /// <inheritdoc/>
    public override IReadOnlyList<TheoryCurve> Curves(SweepSpec spec)
    {
        var curves = new List<TheoryCurve>();
        var eta = spec.Axis("eta");
        if (eta.Count > 1 && spec.ConstantOf("x0") is { } x0 && spec.ConstantOf("y0") is { } y0)
        {
            var xs = SampleAxis(eta.Values.Min(), eta.Values.Max(), eta.IsLog).ToList();
            curves.Add(new TheoryCurve("S(D) = 2√(D² + 4) below η = 1/√(D² + 4), 2/η above", "eta", ResultColumns.SharpnessFinal,
                xs.Select(e => (e, PredictedSharpness(e, x0, y0))).ToList()));
            curves.Add(new TheoryCurve("min(η·S(D)/2, 1)", "eta", ResultColumns.StabilityRatio,
                xs.Select(e => (e, e < 0.5 ? Math.Min(e * FlowSharpness(x0, y0) / 2, 1) : double.NaN)).ToList()));
        }

        // Where the flow's minimiser reaches the edge, |x0² − y0²| = √(1/η² − 4), in each plane of two start axes or η.
        if (eta.Count > 1 && spec.Axis("x0").Count > 1 && spec.ConstantOf("y0") is { } yc)
        {
            AddEdgeCurves(curves, eta, "x0", yc);
        }

        if (eta.Count > 1 && spec.Axis("y0").Count > 1 && spec.ConstantOf("x0") is { } xc)
        {
            AddEdgeCurves(curves, eta, "y0", xc);
        }

        if (spec.ConstantOf("eta") is { } e0 && e0 < 0.5 && spec.Axis("x0").Count > 1 && spec.Axis("y0").Count > 1)
        {
            double k = Math.Sqrt((1 / (e0 * e0)) - 4);
            var x = spec.Axis("x0");
            var xs = SampleAxis(x.Values.Min(), x.Values.Max(), x.IsLog).ToList();
            foreach (double sign in new[] { 1.0, -1.0 })
            {
                curves.Add(new TheoryCurve($"x0² − y0² = −√(1/η² − 4) ({(sign > 0 ? "+" : "−")})", "x0", "y0",
                    xs.Select(v => (v, sign * Math.Sqrt((v * v) + k))).ToList(), GfBoundary: false));
                curves.Add(new TheoryCurve($"x0² − y0² = +√(1/η² − 4) ({(sign > 0 ? "+" : "−")})", "x0", "y0",
                    xs.Select(v => (v, (v * v) >= k ? sign * Math.Sqrt((v * v) - k) : double.NaN)).ToList(), GfBoundary: false));
            }
        }

        return curves;
    }

    /// <inheritdoc/>
    public override IReadOnlyList<TheoryCheck> Checks(SweepSpec spec, ResultTable table)
    {
        var eta = table.Column("eta");
        var x0 = table.Column("x0");
        var y0 = table.Column("y0");
        var x = table.Column(ResultColumns.Final("x"));
        var y = table.Column(ResultColumns.Final("y"));
        var sharp = table.Column(ResultColumns.SharpnessFinal);
        var ratio = table.Column(ResultColumns.StabilityRatio);
        int flowRows = 0, flowOk = 0, edgeRows = 0, edgeOk = 0, balancedRows = 0, largeRows = 0, largeOnManifold = 0;
        double balancedMax = 0;
        for (int i = 0; i < table.Count; i++)
        {
            var regime = table.Regimes[i];
            bool converged = regime == Regime.Gf || regime == Regime.Eos;
            double q0 = x0[i] * x0[i] * y0[i] * y0[i];
            double s = FlowSharpness(x0[i], y0[i]);
            double r0 = eta[i] * s / 2;
            bool onManifold = Math.Abs(Math.Abs(x[i] * y[i]) - 1) <= 1e-4;

            // Starts inside the manifold and away from the saddle at 0 (0.01 ≤ x0²y0² ≤ 0.9): there the
            // sharpness along the way stays below its value at the end, so the flow's minimiser is what GD meets.
            bool inside = q0 >= 0.01 && q0 <= 0.9;
            if (inside && r0 <= 0.9)
            {
                flowRows++;
                flowOk += converged && onManifold && ratio[i] < 1 && Math.Abs(sharp[i] - s) <= 0.02 * s ? 1 : 0;
                if (Math.Abs(Math.Abs(x0[i]) - Math.Abs(y0[i])) == 0)
                {
                    balancedRows++;
                    balancedMax = Math.Max(balancedMax, converged ? Math.Abs(sharp[i] - 4) : double.PositiveInfinity);
                }
            }

            if (inside && r0 >= 1.05 && r0 <= 1.5 && eta[i] <= 0.45 && spec.Steps >= 2000 / eta[i])
            {
                edgeRows++;
                edgeOk += converged && onManifold && ratio[i] >= 0.9 && ratio[i] < 1 ? 1 : 0;
            }

            if (eta[i] > 0.5)
            {
                largeRows++;
                largeOnManifold += converged && onManifold ? 1 : 0;
            }
        }

        return
        [
            new("flow_minimiser", "share of rows starting with 0.01 ≤ x0²y0² ≤ 0.9 and η·S(D)/2 ≤ 0.9 that converge onto xy = ±1 (within 1e-4) with η·λ/2 < 1 and final sharpness within 2 % of S(D) = 2√(D² + 4)",
                Share(flowOk, flowRows), "1 (all such rows)", flowRows == 0 ? null : flowOk == flowRows),
            new("balanced_sharpness", "max |λ − 4| over those rows with |x0| = |y0| (GD keeps them balanced: they reach (±1, ±1), sharpness 2(x² + y²) = 4)",
                balancedRows == 0 ? double.NaN : balancedMax, "≤ 1e-6", balancedRows == 0 ? null : balancedMax <= 1e-6),
            new("edge_final_ratio", "share of rows starting with 0.01 ≤ x0²y0² ≤ 0.9, η·S(D)/2 in [1.05, 1.5], η ≤ 0.45 and ≥ 2000/η steps that converge onto xy = ±1 with final η·λ/2 in [0.9, 1)",
                Share(edgeOk, edgeRows), "1 (all such rows)", edgeRows == 0 ? null : edgeOk == edgeRows),
            new("no_stable_minimiser", "rows with η > ½ that converge onto xy = ±1 (every minimiser has sharpness ≥ 4 > 2/η)",
                largeOnManifold, "0", largeRows == 0 ? null : largeOnManifold == 0),
        ];
    }

    /// <inheritdoc/>
    public ITrajectoryKernel Make<TLoss, T>()
        where TLoss : struct, ILoss
        where T : struct, IScalar<T> => new TrajectoryKernel<QuarticModel<T>, T>();

    /// <inheritdoc/>
    public Simd.ISimdKernel MakeSimd<TLoss, T, TW>()
        where TLoss : struct, ILoss
        where T : struct, ISimdReal<T, TW>
        where TW : struct, ILanes<TW> => new Simd.SimdKernel<QuarticModel<T>, T, TW>(interleave: false);

    private static void AddEdgeCurves(List<TheoryCurve> curves, Core.Grid.AxisSpec eta, string axis, double other)
    {
        var xs = SampleAxis(eta.Values.Min(), Math.Min(eta.Values.Max(), 0.5), eta.IsLog).ToList();
        double K(double e) => Math.Sqrt(Math.Max(0, (1 / (e * e)) - 4));
        double o2 = other * other;
        foreach (double sign in new[] { 1.0, -1.0 })
        {
            string s = sign > 0 ? "" : "−";
            curves.Add(new TheoryCurve($"{axis} = {s}√({(axis == "x0" ? "y0" : "x0")}² + √(1/η² − 4)) (flow minimiser at the edge)", "eta", axis,
                xs.Select(e => (e, sign * Math.Sqrt(o2 + K(e)))).ToList(), GfBoundary: false));
            curves.Add(new TheoryCurve($"{axis} = {s}√({(axis == "x0" ? "y0" : "x0")}² − √(1/η² − 4))", "eta", axis,
                xs.Select(e => (e, o2 >= K(e) ? sign * Math.Sqrt(o2 - K(e)) : double.NaN)).ToList(), GfBoundary: false));
        }
    }

    private static double Share(int k, int n) => n == 0 ? double.NaN : (double)k / n;
}
