using System.Runtime.CompilerServices;
using EosSweep.Core;

namespace EosSweep.Kernels.Execution;

/// <summary>
/// EosSweep.Core.RegimeRules as code, written once for every driver: the scalar trajectory driver
/// (<see cref="Trajectory"/>, on the GPU and on the host) calls these directly, and the SIMD lane ledger calls
/// them for its per-lane row and uses the same named thresholds in its lane-wise form.
/// </summary>
/// <remarks>
/// The lane ledger keeps its own lane-wise version of <see cref="Diverged"/> and <see cref="Converged"/> (selects
/// over double lanes, no branches) because evaluating these scalar rules lane by lane would cost the lanes
/// their speed; it compares against <see cref="FiniteLimit"/> and <see cref="StableRatio"/> from here, so the
/// thresholds cannot drift apart, and the bit-identity tests of lanes against the kernel pin the rest.
/// </remarks>
public static class StepRules
{
    /// <summary>A loss whose magnitude is not at most this is not finite (NaN fails the comparison too).</summary>
    public const double FiniteLimit = double.MaxValue;

    /// <summary>A small move counts as converged only while the stability ratio is below this.</summary>
    public const double StableRatio = 1.0;

    /// <summary>
    /// Diverged: the loss is not finite, or ‖θ‖₁ is not at most the bound. <c>!(a &lt;= b)</c> is true for NaN as well
    /// as for a &gt; b, so NaN counts as diverged and ±∞ fail via the limits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Diverged(double loss, double size, double bound) =>
        !(Math.Abs(loss) <= FiniteLimit) || !(size <= bound);

    /// <summary>Converged: the move is small relative to 1 + ‖θ‖₁ and the ratio is below <see cref="StableRatio"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Converged(double move, double size, double ratio, double tolerance) =>
        move <= tolerance * (1.0 + size) && ratio < StableRatio;

    /// <summary>Running min of the loss and max of sharpness and ratio; NaN never replaces a value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Track(double loss, double sharp, double ratio, ref double minLoss, ref double maxSharp, ref double maxRatio)
    {
        minLoss = loss < minLoss ? loss : minLoss;
        maxSharp = sharp > maxSharp ? sharp : maxSharp;
        maxRatio = ratio > maxRatio ? ratio : maxRatio;
    }

    /// <summary>The final regime: a converged (gf) run whose maximum ratio reached the threshold is eos.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Settle(int regime, double maxRatio, double eosThreshold)
    {
        if (regime == RegimeCode.Gf && maxRatio >= eosThreshold)
        {
            return RegimeCode.Eos;
        }

        return regime;
    }

    /// <summary>
    /// The outcome of a trajectory that stopped after <paramref name="steps"/> steps in <paramref name="regime"/>
    /// (gf, diverged or unconverged), with the running extremes so far and its final point: folds the final point
    /// into the extremes, settles gf/eos, and sets the diverged step.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TrajectoryOutcome Finish(
        double finalLoss, double finalSharp, double finalRatio, double minLoss, double maxSharp, double maxRatio, int steps, int regime, double eosThreshold)
    {
        Track(finalLoss, finalSharp, finalRatio, ref minLoss, ref maxSharp, ref maxRatio);
        regime = Settle(regime, maxRatio, eosThreshold);
        TrajectoryOutcome o;
        o.FinalLoss = finalLoss;
        o.MinLoss = minLoss;
        o.SharpnessFinal = finalSharp;
        o.SharpnessMax = maxSharp;
        o.StabilityRatio = finalRatio;
        o.Steps = steps;
        o.DivergedStep = regime == RegimeCode.Diverged ? steps : -1;
        o.Regime = regime;
        return o;
    }
}
