namespace EosSweep.Core;

/// <summary>
/// The one statement of how a trajectory is classified; kernels implement exactly this, and the
/// README quotes <see cref="Text"/>.
/// </summary>
/// <remarks>
/// At step t the kernel evaluates the loss L(θ_t), the sharpness λ_t (largest Hessian eigenvalue, exact
/// for the built-in models) and the stability ratio r_t = η·λ_t/2, then takes θ_{t+1} = θ_t − η∇L(θ_t).
/// <list type="bullet">
/// <item><b>diverged</b> at step t+1: L(θ_t) or a component of θ_{t+1} is not finite, or ‖θ_{t+1}‖₁ &gt; B.</item>
/// <item><b>converged</b> at step t+1: ‖θ_{t+1} − θ_t‖₁ ≤ tol·(1 + ‖θ_{t+1}‖₁) and r_t &lt; 1 (a stationary
/// point that GD cannot leave: near an unstable fixed point the move is small but r ≥ 1).</item>
/// <item>converged with max_t r_t &lt; 1 − m (final point included) → <b>gf</b>; with max_t r_t ≥ 1 − m → <b>eos</b>.
/// The margin m (default <see cref="DefaultEosMargin"/>) is there because self-stabilising runs approach the edge
/// from below: the ratio climbs to 0.998–0.9999 and hovers there without ever crossing 1.</item>
/// <item>neither within the step budget → <b>unconverged</b>.</item>
/// </list>
/// Parameters with |θ| below <see cref="FlushF64"/> (f64) or <see cref="FlushF32"/> (f32) are set to 0
/// after each step, the same rule on every backend, so decaying coordinates never become subnormal.
/// </remarks>
public static class RegimeRules
{
    /// <summary>Default convergence tolerance in float64.</summary>
    public const double DefaultToleranceF64 = 1e-10;

    /// <summary>Default convergence tolerance in float32 (a few ulps of 1).</summary>
    public const double DefaultToleranceF32 = 1e-6;

    /// <summary>Default margin m below 1 at which the stability ratio counts as having reached the edge.</summary>
    public const double DefaultEosMargin = 0.02;

    /// <summary>Default divergence bound B on ‖θ‖₁.</summary>
    public const double DefaultDivergenceBound = 1e8;

    /// <summary>Flush-to-zero threshold for float64 parameters (squares stay normal).</summary>
    public const double FlushF64 = 1e-100;

    /// <summary>Flush-to-zero threshold for float32 parameters (squares stay normal).</summary>
    public const float FlushF32 = 1e-15f;

    /// <summary>The rules in words, for the README, <c>models</c> and sweep.json.</summary>
    public const string Text =
        "At each step t: loss L_t, sharpness λ_t, ratio r_t = η·λ_t/2, then θ_{t+1} = θ_t − η·∇L(θ_t). " +
        "diverged: L_t or θ_{t+1} not finite, or ‖θ_{t+1}‖₁ > B (default 1e8). " +
        "converged: ‖θ_{t+1} − θ_t‖₁ ≤ tol·(1 + ‖θ_{t+1}‖₁) with r_t < 1 (tol 1e-10 in f64, 1e-6 in f32). " +
        "gf: converged and r stayed below 1 − m at every step and at the end; eos: converged after r reached 1 − m " +
        "(m = 0.02, --eos-margin: self-stabilising runs approach 2/η from below and hover at r ≈ 0.998–0.9999); " +
        "unconverged: neither within --steps. |θ| < 1e-100 (f64) / 1e-15 (f32) is flushed to 0 after each step.";

    /// <summary>The data-set name of a regime.</summary>
    public static string Name(Regime r) => r switch
    {
        Regime.Gf => "gf",
        Regime.Eos => "eos",
        Regime.Diverged => "diverged",
        Regime.Unconverged => "unconverged",
        _ => throw new ArgumentOutOfRangeException(nameof(r)),
    };

    /// <summary>Parses a data-set regime name.</summary>
    public static Regime Parse(string name) =>
        TryParse(name, out var regime) ? regime : throw new FormatException($"unknown regime '{name}'");

    /// <summary>Parses a data-set regime name; false for any other text (null included).</summary>
    public static bool TryParse(string? name, out Regime regime)
    {
        Regime? parsed = name switch
        {
            "gf" => Regime.Gf,
            "eos" => Regime.Eos,
            "diverged" => Regime.Diverged,
            "unconverged" => Regime.Unconverged,
            _ => null,
        };
        regime = parsed.GetValueOrDefault();
        return parsed.HasValue;
    }

    /// <summary>All regimes in code order.</summary>
    public static IReadOnlyList<Regime> All { get; } = [Regime.Gf, Regime.Eos, Regime.Diverged, Regime.Unconverged];
}
