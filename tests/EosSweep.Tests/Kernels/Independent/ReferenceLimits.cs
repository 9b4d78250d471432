namespace EosSweep.Tests.Kernels.Independent;

/// <summary>
/// The thresholds of README "Regimes: the exact rules", with their documented defaults (f64): step budget, --tol,
/// --diverge-bound, --eos-margin and the flush threshold (1e-100 in f64, 1e-15 in f32). With <paramref name="Single"/>
/// the trajectory keeps its parameters in float, as an f32 run does: θ₀ and every θ_{t+1} rounded to the nearest
/// float before the flush rule and the decisions, while L, ∇L and λ are still evaluated in double at those points.
/// </summary>
internal sealed record ReferenceLimits(int Steps, double Tol = 1e-10, double Bound = 1e8, double EosMargin = 0.02, double Flush = 1e-100, bool Single = false)
{
    /// <summary>The f32 defaults: --tol 1e-6, flush at 1e-15.</summary>
    public static ReferenceLimits F32(int steps) => new(steps, Tol: 1e-6, Flush: 1e-15);

    /// <summary>The f32 defaults with the parameters kept in float (<see cref="Single"/>).</summary>
    public static ReferenceLimits F32Single(int steps) => F32(steps) with { Single = true };
}
