using EosSweep.Core.Models;

namespace EosSweep.Benchmarks;

/// <summary>
/// Floating-point operations of one GD step, the numerator of the bench's floor (peak flops/s ÷ flops per step).
/// Counted on the model math as written (kernels/EosSweep.Kernels), transcendentals included at the cost of the
/// project's own PMath implementations: + − × ÷ √ one flop each, a fused multiply-add two, RoundToInteger two and
/// Pow2 one (their float adds), sign, compare, select and bit tricks none. The derivation is in
/// benchmarks/README.md; tests recount it with a counting number type, so an edit of the math that changes the
/// count fails until this table follows.
/// </summary>
public static class StepFlops
{
    /// <summary>The trajectory driver's own flops per step: the stability ratio η/2·λ, and tol·(1 + ‖θ‖₁).</summary>
    public const int Driver = 3;

    /// <summary>Flops of one model step (loss, ℓ', ℓ'', exact sharpness, update, flush, move and size), or null where not tabled.</summary>
    public static int? Of(string model, LossKind loss) => (model, loss) switch
    {
        ("xy", LossKind.Logistic) => 110,
        ("mean", LossKind.Logistic) => 260,
        ("quartic", LossKind.Square) => 34,
        ("cosine", LossKind.Square) => 84,   // the additive form (the bench's workload); multiplicative: 92
        _ => null,
    };

    /// <summary>Flops per trajectory-step as the floor counts them: the model's step and the driver's bookkeeping.</summary>
    public static int? PerTrajectoryStep(string model, LossKind loss) => Of(model, loss) + Driver;
}
