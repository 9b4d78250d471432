using EosSweep.Core;
using EosSweep.Core.Models;
using EosSweep.Core.Results;
using EosSweep.Kernels.Execution;
using EosSweep.Kernels.Losses;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Models;

/// <summary>
/// Registration and theory of <see cref="CosineModel{T}"/> (docs/models.md, test beds). Derived and checked by simulation:
/// with δ = 0 both forms are the quadratic x² (GD converges iff η &lt; 1, diverges iff η &gt; 1). In the additive
/// form 2 − |δ|k² ≤ L'' ≤ 2 + |δ|k² (k = 2π/λ), so GD converges with the ratio below 1 all along when
/// η &lt; 2/(2 + |δ|k²), and when |δ|k² &lt; 2 no stationary point is stable for η &gt; 2/(2 − |δ|k²). In the
/// multiplicative form the minimiser x = 0 has L''(0) = 2(1 + δ): stable iff η(1 + δ) &lt; 1. In between, the
/// basins of the stable minima interleave with divergence: the trainability boundary is fractal.
/// </summary>
public sealed class CosineModelInfo : ModelInfo, IKernelFamily
{
    /// <summary>The one instance.</summary>
    public static CosineModelInfo Instance { get; } = new();

    /// <inheritdoc/>
    public override string Name => "cosine";

    /// <inheritdoc/>
    public override string Description => "1-D GD on L(x) = x² + δ·cos(2πx/λ) (or x²·(1 + δ·cos(2πx/λ))): a fractal trainability boundary";

    /// <inheritdoc/>
    public override IReadOnlyList<AxisInfo> Axes { get; } =
    [
        new("eta", 0.5, "step size η", PositiveOnly: true),
        new("delta", 0.1, "ripple amplitude δ"),
        new("lambda", 1.0, "ripple wavelength λ", PositiveOnly: true),
        new("x0", 1.0, "initial x"),
    ];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Parameters { get; } = ["x"];

    /// <summary>The model's loss is fixed (the square loss of √2·x plus the ripple); square is its only value.</summary>
    public override IReadOnlyList<LossKind> Losses { get; } = [LossKind.Square];

    /// <inheritdoc/>
    public override LossKind DefaultLoss => LossKind.Square;

    /// <inheritdoc/>
    public override IReadOnlyList<ModelOption> Options { get; } =
    [
        new("form", ["additive", "multiplicative"], "additive", "L = x² + δ·cos(2πx/λ) (additive) or x²·(1 + δ·cos(2πx/λ)) (multiplicative)"),
    ];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Theory { get; } =
    [
        "k = 2π/λ; additive: L = x² + δ·cos kx, L' = 2x − δk·sin kx, L'' = 2 − δk²·cos kx (the sharpness)",
        "multiplicative: L = x²(1 + δ·cos kx), L' = 2x(1 + δ cos kx) − δk·x²·sin kx, L'' = 2(1 + δ cos kx) − 4δk·x·sin kx − δk²·x²·cos kx",
        "δ = 0: the quadratic x²; GD converges iff η < 1, diverges iff η > 1",
        "additive: η < 2/(2 + |δ|k²) converges (L is (2 + |δ|k²)-smooth); if |δ|k² < 2, nothing is stable for η > 2/(2 − |δ|k²)",
        "multiplicative: x = 0 has L''(0) = 2(1 + δ), stable iff η(1 + δ) < 1",
        "in between, basins of stable minima interleave with divergence: the (η, x0) boundary is fractal (box-counting dimension > 1)",
    ];

    /// <inheritdoc/>
    public override string CurveColumn => ResultColumns.Final("x");

    /// <inheritdoc/>
    public override IReadOnlyList<string> CurveColumns { get; } = [ResultColumns.Final("x"), ResultColumns.StabilityRatio];

    /// <summary>k = 2π/λ.</summary>
    public static double Wavenumber(double lambda) => 2 * Math.PI / lambda;

    /// <inheritdoc/>
    public override IReadOnlyList<TheoryMarker> Markers(SweepSpec spec)
    {
        var list = new List<TheoryMarker>();
        if (spec.Axis("eta").Count < 2 || spec.ConstantOf("delta") is not { } delta)
        {
            return list;
        }

        if (delta == 0)
        {
            list.Add(new TheoryMarker("η = 1 (δ = 0: the quadratic)", "eta", 1.0));
            return list;
        }

        if (Multiplicative(spec))
        {
            if (delta > -1)
            {
                list.Add(new TheoryMarker($"η = 1/(1 + δ) = {1 / (1 + delta):G4} (x = 0 unstable above)", "eta", 1 / (1 + delta)));
            }

            return list;
        }

        if (spec.ConstantOf("lambda") is { } lambda)
        {
            double dk2 = Math.Abs(delta) * Math.Pow(Wavenumber(lambda), 2);
            list.Add(new TheoryMarker($"η = 2/(2 + |δ|k²) = {2 / (2 + dk2):G4} (converges below)", "eta", 2 / (2 + dk2)));
            if (dk2 < 2)
            {
                list.Add(new TheoryMarker($"η = 2/(2 − |δ|k²) = {2 / (2 - dk2):G4} (nothing stable above)", "eta", 2 / (2 - dk2)));
            }
        }

        return list;
    }

    /// <inheritdoc/>
    public override IReadOnlyList<TheoryCurve> Curves(SweepSpec spec)
    {
        var eta = spec.Axis("eta");
        if (eta.Count < 2 || spec.Axis("delta").Count < 2)
        {
            return [];
        }

        var xs = SampleAxis(eta.Values.Min(), eta.Values.Max(), eta.IsLog).ToList();
        if (Multiplicative(spec))
        {
            return [new TheoryCurve("δ = 1/η − 1 (x = 0 stable below)", "eta", "delta", xs.Select(e => (e, (1 / e) - 1)).ToList(), GfBoundary: false)];
        }

        if (spec.ConstantOf("lambda") is not { } lambda)
        {
            return [];
        }

        double k2 = Math.Pow(Wavenumber(lambda), 2);
        return
        [
            new TheoryCurve("|δ| = (2/η − 2)/k² (converges below)", "eta", "delta", xs.Select(e => (e, ((2 / e) - 2) / k2)).ToList(), GfBoundary: false),
            new TheoryCurve("|δ| = (2 − 2/η)/k² (nothing stable below, η > 1)", "eta", "delta",
                xs.Select(e => (e, e > 1 ? (2 - (2 / e)) / k2 : double.NaN)).ToList(), GfBoundary: false),
        ];
    }

    /// <inheritdoc/>
    public override IReadOnlyList<TheoryCheck> Checks(SweepSpec spec, ResultTable table)
    {
        bool multiplicative = Multiplicative(spec);
        var eta = table.Column("eta");
        var delta = table.Column("delta");
        var lambda = table.Column("lambda");
        var x0 = table.Column("x0");
        var x = table.Column(ResultColumns.Final("x"));
        var sharp = table.Column(ResultColumns.SharpnessFinal);
        var steps = table.Column(ResultColumns.Steps);
        int quadRows = 0, quadOk = 0, smoothRows = 0, smoothOk = 0, unstableRows = 0, unstableConverged = 0, basinRows = 0, basinOk = 0;
        for (int i = 0; i < table.Count; i++)
        {
            var regime = table.Regimes[i];
            bool converged = regime == Regime.Gf || regime == Regime.Eos;
            if (delta[i] == 0)
            {
                // x0 = 0 is a fixed point of every step size, and at |η − 1| < 0.02 GD contracts or grows by
                // |1 − 2η| > 0.96 per step, too slowly for a step budget to tell: neither tests the threshold.
                if (Math.Abs(eta[i] - 1) >= 0.02 && x0[i] != 0)
                {
                    quadRows++;
                    quadOk += eta[i] < 1 ? (converged ? 1 : 0) : (regime == Regime.Diverged ? 1 : 0);
                }

                continue;
            }

            double k = Wavenumber(lambda[i]);
            if (multiplicative)
            {
                if (delta[i] > -1 && eta[i] * (1 + delta[i]) > 1.02)
                {
                    unstableRows++;
                    unstableConverged += converged && Math.Abs(x[i]) <= 1e-6 ? 1 : 0;
                }
                else if (delta[i] > -1 && eta[i] * (1 + delta[i]) <= 0.9 && Math.Abs(k * x0[i]) <= 0.3)
                {
                    basinRows++;
                    basinOk += converged && Math.Abs(x[i]) <= 1e-6 ? 1 : 0;
                }
            }
            else
            {
                double dk2 = Math.Abs(delta[i]) * k * k;
                if (eta[i] <= 0.95 * 2 / (2 + dk2))
                {
                    // Near a minimum GD contracts by ≈ 1 − η·L'' per step: a nearly flat one needs more than
                    // 25/(η·L'') steps to reach the tolerance, so a shorter budget leaves the row still converging.
                    smoothRows++;
                    bool slow = regime == Regime.Unconverged && steps[i] * eta[i] * sharp[i] < 25;
                    smoothOk += regime == Regime.Gf || slow ? 1 : 0;
                }
                else if (dk2 < 2 && eta[i] >= 1.02 * 2 / (2 - dk2))
                {
                    unstableRows++;
                    unstableConverged += converged ? 1 : 0;
                }
            }
        }

        var checks = new List<TheoryCheck>
        {
            new("quadratic_limit", "share of rows with δ = 0 (|η − 1| ≥ 0.02, x0 ≠ 0) that converge when η < 1 and diverge when η > 1",
                Share(quadOk, quadRows), "1 (all such rows)", quadRows == 0 ? null : quadOk == quadRows),
        };
        if (multiplicative)
        {
            checks.Add(new("origin_basin", "share of rows with η(1 + δ) ≤ 0.9 and |k·x0| ≤ 0.3 that converge to x = 0 (|x| ≤ 1e-6)",
                Share(basinOk, basinRows), "1 (all such rows)", basinRows == 0 ? null : basinOk == basinRows));
            checks.Add(new("origin_unstable", "rows with η(1 + δ) > 1.02 that converge to x = 0 (where L'' = 2(1 + δ) > 2/η)",
                unstableConverged, "0", unstableRows == 0 ? null : unstableConverged == 0));
        }
        else
        {
            checks.Add(new("smooth_converges", "share of rows with η ≤ 0.95·2/(2 + |δ|k²) that end gf (L'' ≤ 2 + |δ|k² everywhere), or are still converging onto a nearly flat minimum (steps·η·λ < 25)",
                Share(smoothOk, smoothRows), "1 (all such rows)", smoothRows == 0 ? null : smoothOk == smoothRows));
            checks.Add(new("nothing_stable", "rows with |δ|k² < 2 and η ≥ 1.02·2/(2 − |δ|k²) that converge (every stationary point has L'' ≥ 2 − |δ|k² > 2/η)",
                unstableConverged, "0", unstableRows == 0 ? null : unstableConverged == 0));
        }

        return checks;
    }

    /// <inheritdoc/>
    public ITrajectoryKernel Make<TLoss, T>()
        where TLoss : struct, ILoss
        where T : struct, IScalar<T> => new TrajectoryKernel<CosineModel<T>, T>();

    /// <inheritdoc/>
    public Simd.ISimdKernel MakeSimd<TLoss, T, TW>()
        where TLoss : struct, ILoss
        where T : struct, ISimdReal<T, TW>
        where TW : struct, ILanes<TW> => new Simd.SimdKernel<CosineModel<T>, T, TW>(interleave: false);

    private static bool Multiplicative(SweepSpec spec) =>
        spec.Options.TryGetValue("form", out var form) && form == "multiplicative";

    private static double Share(int k, int n) => n == 0 ? double.NaN : (double)k / n;
}
