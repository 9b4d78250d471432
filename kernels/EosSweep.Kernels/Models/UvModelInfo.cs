using EosSweep.Core;
using EosSweep.Core.Models;
using EosSweep.Core.Results;
using EosSweep.Kernels.Execution;
using EosSweep.Kernels.Losses;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Models;

/// <summary>
/// Registration and theory of <see cref="UvModel{T}"/> (docs/models.md, test beds; Lewkowycz et al. 2020, the catapult
/// phase). With λ₀ = (|u₀|² + |v₀|²)/m the initial NTK eigenvalue: lazy for η &lt; 2/λ₀ (the loss falls, the
/// sharpness stays ≈ λ₀), catapult for 2/λ₀ &lt; η &lt; 4/λ₀ (the loss first rises, the sharpness falls below 2/η,
/// then GD converges), divergent above ≈ 4/λ₀. The thresholds are the wide-network limit; checked here where
/// the initial residual is small against λ₀·√m (κ = |f₀ − y|/(λ₀√m) ≤ 0.1, verified by simulation over
/// m = 30…3000, y = 0…5, σ = 0.3…2). In the data set the phases are the regimes: gf = lazy,
/// eos = catapult (the ratio η·λ/2 starts above 1), diverged = divergent.
/// </summary>
public sealed class UvModelInfo : ModelInfo, IKernelFamily
{
    /// <summary>λ₀ = (|u₀|² + |v₀|²)/m.</summary>
    public const string Lambda0 = "lambda0";

    /// <summary>η·λ₀: below 2 lazy, 2 to 4 catapult, above 4 divergent.</summary>
    public const string EtaLambda0 = "eta_lambda0";

    /// <summary>The initial loss.</summary>
    public const string Loss0 = "loss0";

    /// <summary>max_t L_t / L_0: above 1 when the loss rose (the catapult).</summary>
    public const string LossPeakRatio = "loss_peak_ratio";

    /// <summary>The one instance.</summary>
    public static UvModelInfo Instance { get; } = new();

    /// <inheritdoc/>
    public override string Name => "uv";

    /// <inheritdoc/>
    public override string Description => "two-layer linear network of width m on one example, L = ½(v·u/√m − y)² (catapult phases)";

    /// <inheritdoc/>
    public override IReadOnlyList<AxisInfo> Axes { get; } =
    [
        new("eta", 1.25, "step size η", PositiveOnly: true),
        new("m", 1000, "width m", Integer: true, PositiveOnly: true),
        new("y", 1.0, "target y (the one example has x = 1)"),
        new("init_scale", 1.0, "σ: u, v ~ N(0, σ²·I_m) at the start", PositiveOnly: true),
        new("seed", 0, "seed of the initial u, v (one draw per seed, shared by every η, y)", Integer: true),
    ];

    /// <summary>The state the dynamics close on: |u|², |v|² and u·v (f = u·v/√m).</summary>
    public override IReadOnlyList<string> Parameters { get; } = ["uu", "vv", "uv"];

    /// <summary>The square loss ½(f − y)²: the only loss of this model.</summary>
    public override IReadOnlyList<LossKind> Losses { get; } = [LossKind.Square];

    /// <inheritdoc/>
    public override LossKind DefaultLoss => LossKind.Square;

    /// <inheritdoc/>
    public override IReadOnlyList<string> ExtraColumns { get; } = [Lambda0, EtaLambda0, Loss0, LossPeakRatio];

    /// <inheritdoc/>
    public override string ExtraColumnMeaning(string column) => column switch
    {
        Lambda0 => "λ₀ = (|u₀|² + |v₀|²)/m, the initial NTK eigenvalue",
        EtaLambda0 => "η·λ₀: below 2 lazy, 2 to 4 catapult, above 4 divergent",
        Loss0 => "the loss at the start",
        LossPeakRatio => "max_t L_t / L_0: above 1 when the loss rose (the catapult)",
        _ => base.ExtraColumnMeaning(column),
    };

    /// <inheritdoc/>
    public override IReadOnlyList<string> Theory { get; } =
    [
        "f = v·u/√m, e = f − y, L = ½e²; g = η·e/√m: u' = u − g·v, v' = v − g·u",
        "closed on a = |u|², b = |v|², c = u·v: a' = a − 2gc + g²b, b' = b − 2gc + g²a, c' = c(1 + g²) − g(a + b)",
        "sharpness = (a + b)/(2m) + √((c/m + e/√m)² + ((a + b)²/4 − c²)/m²) (exact: 2×2 block of the 2m×2m Hessian)",
        "λ₀ = (a₀ + b₀)/m (NTK); lazy η < 2/λ₀ (gf), catapult 2/λ₀ < η < 4/λ₀ (loss rises, sharpness falls below 2/η, converges: eos), divergent η > ≈4/λ₀",
        "columns: lambda0, eta_lambda0 = η·λ₀, loss0, loss_peak_ratio = max_t L_t / L_0 (> 1 in the catapult)",
    ];

    /// <inheritdoc/>
    public override string CurveColumn => LossPeakRatio;

    /// <inheritdoc/>
    public override IReadOnlyList<string> CurveColumns { get; } = [LossPeakRatio, ResultColumns.SharpnessFinal];

    /// <summary>λ₀ of the draw for (m, σ, seed), computed with the kernel's own code.</summary>
    public static double InitialSharpness(double m, double scale, double seed)
    {
        UvInitialization.Moments((long)m, scale, (ulong)seed, out double a, out double b, out _);
        return (a + b) / m;
    }

    /// <summary>κ = |f₀ − y|/(λ₀·√m): the wide-network thresholds hold where it is small (≤ 0.1 in the checks).</summary>
    public static double Width(double loss0, double lambda0, double m) => Math.Sqrt(2 * loss0) / (lambda0 * Math.Sqrt(m));

    /// <inheritdoc/>
    public override IReadOnlyList<TheoryMarker> Markers(SweepSpec spec)
    {
        if (spec.Axis("eta").Count < 2 || Lambda0Of(spec) is not { } l0)
        {
            return [];
        }

        return
        [
            new TheoryMarker($"η = 2/λ₀ = {2 / l0:G4} (lazy | catapult)", "eta", 2 / l0),
            new TheoryMarker($"η = 4/λ₀ = {4 / l0:G4} (catapult | divergent)", "eta", 4 / l0),
        ];
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
        if (Lambda0Of(spec) is { } l0)
        {
            curves.Add(new TheoryCurve("λ₀ (lazy); 2/η, the bound the catapult lands under", "eta", ResultColumns.SharpnessFinal,
                xs.Select(e => (e, e * l0 < 2 ? l0 : e * l0 < 4 ? 2 / e : double.NaN)).ToList()));
        }

        // λ₀ scales as σ² for one draw: η·σ²·λ₀(1) = 2 and = 4 in the (η, init_scale) plane.
        if (spec.Axis("init_scale").Count > 1 && spec.ConstantOf("m") is { } m && spec.ConstantOf("seed") is { } seed)
        {
            double unit = InitialSharpness(m, 1.0, seed);
            curves.Add(new TheoryCurve("σ² = 2/(η·λ₀(σ = 1)) (lazy | catapult)", "eta", "init_scale",
                xs.Select(e => (e, Math.Sqrt(2 / (e * unit)))).ToList()));
            curves.Add(new TheoryCurve("σ² = 4/(η·λ₀(σ = 1)) (catapult | divergent)", "eta", "init_scale",
                xs.Select(e => (e, Math.Sqrt(4 / (e * unit)))).ToList(), GfBoundary: false));
        }

        // In the (η, m) plane λ₀ is the draw's own at each width on the axis.
        if (spec.Axis("m").Count > 1 && spec.ConstantOf("init_scale") is { } scale && spec.ConstantOf("seed") is { } s)
        {
            var widths = spec.Axis("m").Values.Order().ToList();
            var l = widths.Select(w => InitialSharpness(w, scale, s)).ToList();
            curves.Add(new TheoryCurve("η = 2/λ₀(m) (lazy | catapult)", "m", "eta", widths.Select((w, i) => (w, 2 / l[i])).ToList()));
            curves.Add(new TheoryCurve("η = 4/λ₀(m) (catapult | divergent)", "m", "eta", widths.Select((w, i) => (w, 4 / l[i])).ToList(), GfBoundary: false));
        }

        return curves;
    }

    /// <inheritdoc/>
    public override IReadOnlyList<TheoryCheck> Checks(SweepSpec spec, ResultTable table)
    {
        var m = table.Column("m");
        var lambda0 = table.Column(Lambda0);
        var ratio0 = table.Column(EtaLambda0);
        var loss0 = table.Column(Loss0);
        var peak = table.Column(LossPeakRatio);
        var sharp = table.Column(ResultColumns.SharpnessFinal);
        int lazy = 0, lazyOk = 0, catapult = 0, catapultOk = 0, divergent = 0, divergentOk = 0, narrow = 0;
        for (int i = 0; i < table.Count; i++)
        {
            if (!(Width(loss0[i], lambda0[i], m[i]) <= 0.1))
            {
                narrow++;
                continue;
            }

            var regime = table.Regimes[i];
            bool converged = regime == Regime.Gf || regime == Regime.Eos;
            if (ratio0[i] <= 1.9)
            {
                lazy++;
                lazyOk += converged && peak[i] <= 1 + 1e-9 ? 1 : 0;
            }
            else if (ratio0[i] >= 2.2 && ratio0[i] <= 3.5)
            {
                catapult++;
                catapultOk += converged && peak[i] > 1 && sharp[i] < lambda0[i] ? 1 : 0;
            }
            else if (ratio0[i] >= 4.5)
            {
                divergent++;
                divergentOk += regime == Regime.Diverged ? 1 : 0;
            }
        }

        return
        [
            new("lazy_phase", "share of wide rows (κ ≤ 0.1) with η·λ₀ ≤ 1.9 that converge without the loss ever rising above L₀",
                Share(lazyOk, lazy), "1 (all such rows)", lazy == 0 ? null : lazyOk == lazy),
            new("catapult_phase", "share of wide rows with 2.2 ≤ η·λ₀ ≤ 3.5 that converge after the loss rose above L₀, with final sharpness below λ₀ (and below 2/η)",
                Share(catapultOk, catapult), "1 (all such rows)", catapult == 0 ? null : catapultOk == catapult),
            new("divergent_phase", "share of wide rows with η·λ₀ ≥ 4.5 that diverge",
                Share(divergentOk, divergent), "1 (all such rows)", divergent == 0 ? null : divergentOk == divergent),
            new("narrow_rows", "rows outside the wide-network regime (κ = |f₀ − y|/(λ₀√m) > 0.1), not judged",
                narrow, "informational", null),
        ];
    }

    /// <inheritdoc/>
    public ITrajectoryKernel Make<TLoss, T>()
        where TLoss : struct, ILoss
        where T : struct, IScalar<T> => new TrajectoryKernel<UvModel<T>, T>();

    private static double? Lambda0Of(SweepSpec spec) =>
        spec.ConstantOf("m") is { } m && spec.ConstantOf("init_scale") is { } scale && spec.ConstantOf("seed") is { } seed
            ? InitialSharpness(m, scale, seed)
            : null;

    private static double Share(int k, int n) => n == 0 ? double.NaN : (double)k / n;
}
