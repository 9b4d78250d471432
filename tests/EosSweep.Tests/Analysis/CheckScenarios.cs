using System.Globalization;
using EosSweep.Core;
using EosSweep.Core.Models;
using EosSweep.Kernels.Models;

namespace EosSweep.Tests.Analysis;

/// <summary>
/// One <see cref="CheckScenario"/> per built-in model and per option that changes its checks, each built from the
/// check's rule as the model states it (the README's model sections): the satisfying rows sit inside the rule with a
/// margin, the breaking rows outside it with a margin, so neither verdict hangs on a boundary.
/// </summary>
internal static class CheckScenarios
{
    public static IReadOnlyList<CheckScenario> All { get; } = [Xy(), XyPlane(), Mean(), SparseCoding(), Quartic(), CosineAdditive(), CosineMultiplicative(), Uv(), Mlp()];

    public static CheckScenario Find(string variant) => All.Single(s => s.Variant == variant);

    private static SweepSettings Settings(string model, int steps, (string Axis, string Values)[] axes, Dictionary<string, string>? options = null) => new()
    {
        Model = model,
        Steps = steps,
        Axes = axes.ToDictionary(a => a.Axis, a => a.Values),
        Options = options,
    };

    private static string List(params double[] values) => string.Join(",", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    /// <summary>
    /// xy, logistic (ℓ''(0) = 1/4), η = 0.1, x0 = 0.1, y0 over start ratios r0 = η·y0²/8 from 0.05 to 2.8: below 1 gf
    /// at y0, in [1.05, 1.5] eos at ratio 0.95, above eos. Breaks: boundary_agreement — the r0 = 1.8 row gf (1 of 8
    /// disagrees, share 0.875 &lt; 0.95); gf_keeps_y0 — y0 = 5 ends at 0.9·y0; edge_final_ratio — y0 = 10 ends at ratio 0.85.
    /// </summary>
    private static CheckScenario Xy() => new(
        "xy",
        Settings("xy", 20000, [("eta", "0.1"), ("x0", "0.1"), ("y0", List(2, 5, 8, 9.5, 10, 10.5, 12, 15))]),
        ["boundary_agreement", "gf_keeps_y0", "edge_final_ratio"],
        (v, broken) =>
        {
            double y0 = v("y0"), r0 = v("eta") * y0 * y0 / 8;
            if (r0 < 1)
            {
                double y = broken == "gf_keeps_y0" && y0 == 5 ? 0.9 * y0 : y0;
                return new SyntheticRow([1e-8, y], Regime.Gf) { Ratio = r0 };
            }

            var regime = broken == "boundary_agreement" && y0 == 12 ? Regime.Gf : Regime.Eos;
            double ratio = broken == "edge_final_ratio" && y0 == 10 ? 0.85 : 0.95;
            return new SyntheticRow([1e-8, Math.Sqrt(8 * ratio / v("eta"))], regime) { Ratio = ratio };
        });

    /// <summary>
    /// xy on the (η, y0) plane, where the summarizer itself measures the gf boundary against y0² = 2/(η·ℓ''(0)): rows
    /// are gf at y0 exactly where the start ratio is below 1, eos above. Breaks: gf_keeps_y0 — gf rows with r0 &lt; 0.5
    /// end at 0.9·y0; boundary_agreement — rows with 1 ≤ r0 &lt; 2 end gf (which moves the gf boundary too);
    /// boundary_distance_median — gf up to r0 = 9 (y0 three times the theory's, far from the curve where it crosses the
    /// grid: a median of about 5 cells), which boundary_agreement cannot pass either.
    /// </summary>
    private static CheckScenario XyPlane() => new(
        "xy-plane",
        Settings("xy", 1000, [("eta", "log:0.05:1:12"), ("x0", "0.1"), ("y0", "lin:0.5:16:12")]),
        ["boundary_agreement", "gf_keeps_y0", "boundary_distance_median"],
        (v, broken) =>
        {
            double y0 = v("y0"), r0 = v("eta") * y0 * y0 / 8;
            double edge = broken switch { "boundary_distance_median" => 9, "boundary_agreement" => 2, _ => 1 };
            if (r0 < edge)
            {
                double y = broken == "gf_keeps_y0" && r0 < 0.5 ? 0.9 * y0 : y0;
                return new SyntheticRow([1e-8, y], Regime.Gf) { Ratio = Math.Min(r0, 0.99) };
            }

            return new SyntheticRow([1e-8, y0], Regime.Eos) { Ratio = 0.95 };
        },
        new Dictionary<string, string[]>
        {
            ["boundary_distance_median"] = ["boundary_agreement"],
            ["boundary_agreement"] = ["boundary_distance_median"],
        });

    /// <summary>
    /// mean, d = 200 (η* = 8π/d²), b0 = 0, η at 0.5, 0.8, 2, 3 and 6 η*: below η* gf with b within 0.001 of b0, above eos
    /// with b within 0.001 of b∞(η). Breaks: below_threshold_b — b = −0.05 at 0.5 η*; above_threshold_b — b∞ + 0.05 at
    /// 2 η*; regime_split — the 3 η* row gf.
    /// </summary>
    private static CheckScenario Mean()
    {
        double star = MeanModelInfo.EtaStar(200, LossKind.Logistic);
        return new(
            "mean",
            Settings("mean", 20000, [("eta", List(0.5 * star, 0.8 * star, 2 * star, 3 * star, 6 * star)), ("d", "200"), ("b0", "0")]),
            ["below_threshold_b", "above_threshold_b", "regime_split"],
            (v, broken) =>
            {
                double eta = v("eta");
                if (eta < star)
                {
                    double b = broken == "below_threshold_b" && eta < 0.6 * star ? -0.05 : 0.001;
                    return new SyntheticRow([0.01, 0.01, b], Regime.Gf) { Ratio = 0.5 };
                }

                double bInf = MeanModelInfo.BInfinity(eta, 200, LossKind.Logistic);
                double bAbove = broken == "above_threshold_b" && eta < 2.5 * star ? bInf + 0.05 : bInf + 0.001;
                var regime = broken == "regime_split" && eta > 2.5 * star && eta < 4 * star ? Regime.Gf : Regime.Eos;
                return new SyntheticRow([0.01, -0.01, bAbove], regime) { Ratio = 0.99 };
            });
    }

    /// <summary>
    /// sparse-coding, d = 200, λ = 3 (η* = 6.28e-4, Φ(λ/√d) = 0.584): b = 0 below 7e-4 and −0.2 from there (transition
    /// at 1.1 η*), test accuracy 0.584 at η ≤ η*/2 and 0.9 at the largest η. Breaks: transition_eta — b falls only at
    /// 2e-3 (3.2 η*); small_eta_test_accuracy — 0.70 at small η; large_eta_accuracy_gain — 0.55 at the largest η.
    /// </summary>
    private static CheckScenario SparseCoding() => new(
        "sparse-coding",
        Settings("sparse-coding", 1000, [("eta", List(1e-4, 2e-4, 3e-4, 5e-4, 7e-4, 9e-4, 1.2e-3, 2e-3)), ("d", "200"), ("lambda", "3"), ("n", "300"), ("n_test", "1000")]),
        ["transition_eta", "small_eta_test_accuracy", "large_eta_accuracy_gain"],
        (v, broken) =>
        {
            double eta = v("eta");
            double b = eta >= (broken == "transition_eta" ? 2e-3 : 7e-4) ? -0.2 : 0.0;
            double acc = eta >= 2e-3 ? (broken == "large_eta_accuracy_gain" ? 0.55 : 0.9)
                : eta <= 3e-4 && broken == "small_eta_test_accuracy" ? 0.70 : 0.584;
            return new SyntheticRow([0.05, -0.05, b], Regime.Unconverged) { Extras = new Dictionary<string, double> { [SparseCodingInfo.TestAccuracy] = acc } };
        });

    /// <summary>
    /// quartic, y0 = 0.4, x0 ∈ {0.4 (balanced, S = 4), 2 (S(D) = 8.66)}, η ∈ {0.1, 0.3, 0.7}: flow rows (η·S/2 ≤ 0.9)
    /// gf on xy = 1 with sharpness S; the x0 = 2, η = 0.3 row (η·S/2 = 1.3) eos at ratio 0.95; η = 0.7 unconverged off
    /// the manifold. Breaks: flow_minimiser — sharpness 1.1·S at x0 = 2, η = 0.1; balanced_sharpness — 4.001 at
    /// x0 = 0.4, η = 0.1 (within the flow check's 2 %); edge_final_ratio — ratio 0.8; no_stable_minimiser — a η = 0.7
    /// row gf on xy = 1.
    /// </summary>
    private static CheckScenario Quartic() => new(
        "quartic",
        Settings("quartic", 10000, [("eta", List(0.1, 0.3, 0.7)), ("x0", List(0.4, 2)), ("y0", "0.4")]),
        ["flow_minimiser", "balanced_sharpness", "edge_final_ratio", "no_stable_minimiser"],
        (v, broken) =>
        {
            double eta = v("eta"), x0 = v("x0");
            double s = QuarticModelInfo.FlowSharpness(x0, 0.4);
            bool balanced = x0 == 0.4;
            if (eta > 0.5)
            {
                return broken == "no_stable_minimiser" && balanced
                    ? new SyntheticRow([1, 1], Regime.Gf) { SharpnessFinal = 4, Ratio = eta * 2 }
                    : new SyntheticRow([0.1, 0.1], Regime.Unconverged) { Ratio = 0.1 };
            }

            if (eta * s / 2 <= 0.9)
            {
                double sharp = (broken, balanced, eta) switch
                {
                    ("flow_minimiser", false, 0.1) => 1.1 * s,
                    ("balanced_sharpness", true, 0.1) => 4.001,
                    _ => s,
                };
                double[] xy = balanced ? [1, 1] : [2, 0.5];
                return new SyntheticRow(xy, Regime.Gf) { SharpnessFinal = sharp, Ratio = eta * sharp / 2 };
            }

            double ratio = broken == "edge_final_ratio" ? 0.8 : 0.95;
            return new SyntheticRow([1.5, 1 / 1.5], Regime.Eos) { SharpnessFinal = 2 * ratio / eta, Ratio = ratio };
        });

    /// <summary>
    /// cosine (additive), λ = 1, x0 = 1, δ ∈ {0, 0.01} (|δ|k² = 0.39: smooth below η = 0.79, nothing stable above 1.27),
    /// η ∈ {0.5, 1.5}: the quadratic converges at 0.5 and diverges at 1.5; the rippled one ends gf at 0.5 and unconverged
    /// at 1.5. Breaks: quadratic_limit — δ = 0, η = 1.5 gf; smooth_converges — δ = 0.01, η = 0.5 eos; nothing_stable —
    /// δ = 0.01, η = 1.5 gf.
    /// </summary>
    private static CheckScenario CosineAdditive() => new(
        "cosine",
        Settings("cosine", 1000, [("eta", List(0.5, 1.5)), ("delta", List(0, 0.01)), ("lambda", "1"), ("x0", "1")]),
        ["quadratic_limit", "smooth_converges", "nothing_stable"],
        (v, broken) => Cosine(v("eta"), v("delta"), broken, 0.01, "smooth_converges", "nothing_stable"));

    /// <summary>
    /// cosine (multiplicative), λ = 1, x0 = 0.04 (|k·x0| = 0.25), δ ∈ {0, 0.1}, η ∈ {0.5, 1.5}: δ = 0 as above; at
    /// δ = 0.1 the η(1 + δ) = 0.55 row converges to x = 0 and the 1.65 row diverges. Breaks: quadratic_limit as above;
    /// origin_basin — the 0.55 row ends gf at x = 0.5; origin_unstable — the 1.65 row ends gf at x = 0.
    /// </summary>
    private static CheckScenario CosineMultiplicative() => new(
        "cosine-multiplicative",
        Settings("cosine", 1000, [("eta", List(0.5, 1.5)), ("delta", List(0, 0.1)), ("lambda", "1"), ("x0", "0.04")],
            new Dictionary<string, string> { ["form"] = "multiplicative" }),
        ["quadratic_limit", "origin_basin", "origin_unstable"],
        (v, broken) => Cosine(v("eta"), v("delta"), broken, 0.1, "origin_basin", "origin_unstable"));

    private static SyntheticRow Cosine(double eta, double delta, string? broken, double ripple, string lowCheck, string highCheck)
    {
        if (delta == 0)
        {
            return eta < 1 || broken == "quadratic_limit"
                ? new SyntheticRow([0], Regime.Gf) { SharpnessFinal = 2, Ratio = eta }
                : new SyntheticRow([double.PositiveInfinity], Regime.Diverged) { SharpnessFinal = double.NaN, Ratio = double.NaN };
        }

        if (eta < 1)
        {
            return broken == lowCheck
                ? new SyntheticRow([lowCheck == "origin_basin" ? 0.5 : 0], lowCheck == "origin_basin" ? Regime.Gf : Regime.Eos) { SharpnessFinal = 2, Ratio = 0.99 }
                : new SyntheticRow([0], Regime.Gf) { SharpnessFinal = 2 * (1 + ripple), Ratio = eta * (1 + ripple) };
        }

        return broken == highCheck
            ? new SyntheticRow([0], Regime.Gf) { SharpnessFinal = 1, Ratio = eta / 2 }
            : new SyntheticRow([double.PositiveInfinity], Regime.Diverged) { SharpnessFinal = double.NaN, Ratio = double.NaN };
    }

    /// <summary>
    /// uv, m = 1000, λ₀ = 1 and L₀ = 0.5 on every row (κ = √(2L₀)/(λ₀√m) = 0.03: wide), η·λ₀ ∈ {1, 2.5, 5}: lazy gf with
    /// the loss never above L₀, catapult eos after a peak of 3·L₀ with final sharpness 0.5 &lt; λ₀, divergent diverged.
    /// Breaks: lazy_phase — peak 1.5·L₀; catapult_phase — final sharpness 1.2 &gt; λ₀; divergent_phase — unconverged.
    /// </summary>
    private static CheckScenario Uv() => new(
        "uv",
        Settings("uv", 1000, [("eta", List(1, 2.5, 5)), ("m", "1000")]),
        ["lazy_phase", "catapult_phase", "divergent_phase"],
        (v, broken) =>
        {
            double eta = v("eta");
            SyntheticRow row = eta switch
            {
                < 2 => new SyntheticRow([1, 1, 0.5], Regime.Gf) { SharpnessFinal = 1, Ratio = eta / 2 },
                < 4 => new SyntheticRow([1, 1, 0.5], Regime.Eos) { SharpnessFinal = broken == "catapult_phase" ? 1.2 : 0.5, Ratio = eta * 0.25 },
                _ => broken == "divergent_phase"
                    ? new SyntheticRow([1e3, 1e3, 1e3], Regime.Unconverged) { SharpnessFinal = 5, Ratio = 12.5 }
                    : new SyntheticRow([double.NaN, double.NaN, double.NaN], Regime.Diverged) { SharpnessFinal = double.NaN, Ratio = double.NaN },
            };
            double peak = eta switch { < 2 => broken == "lazy_phase" ? 1.5 : 1.0, < 4 => 3.0, _ => 1e6 };
            return row with
            {
                Extras = new Dictionary<string, double>
                {
                    [UvModelInfo.Lambda0] = 1.0,
                    [UvModelInfo.EtaLambda0] = eta,
                    [UvModelInfo.Loss0] = 0.5,
                    [UvModelInfo.LossPeakRatio] = peak,
                },
            };
        });

    /// <summary>
    /// mlp, η₁ ∈ {0.1, 10}: the small step gf with convergence measure 0.01, the large one diverged with 1e6. Breaks
    /// regime_consistent — the diverged row's measure 0.5 (trainable by the measure, diverged by the regime).
    /// </summary>
    private static CheckScenario Mlp() => new(
        "mlp",
        Settings("mlp", 500, [("eta1", List(0.1, 10)), ("eta2", "0.1"), ("m", "4"), ("d", "2")]),
        ["regime_consistent"],
        (v, broken) =>
        {
            bool small = v("eta1") < 1;
            double measure = small ? 0.01 : broken == "regime_consistent" ? 0.5 : 1e6;
            var row = small
                ? new SyntheticRow([0.5, 0.5], Regime.Gf) { Ratio = 0.5 }
                : new SyntheticRow([double.NaN, double.NaN], Regime.Diverged) { SharpnessFinal = double.NaN, Ratio = double.NaN };
            return row with { Extras = new Dictionary<string, double> { [MlpModelInfo.ConvergenceMeasure] = measure, [MlpModelInfo.Loss0] = 1.0 } };
        });
}
