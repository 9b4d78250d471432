using EosSweep.Core;

namespace EosSweep.Tests.Kernels.Independent;

/// <summary>
/// Gradient descent under the rules of README "Regimes: the exact rules", written from the README alone (no engine
/// code): at step t, L_t, λ_t and r_t = η·λ_t/2 at θ_t, then θ_{t+1} = θ_t − η∇L(θ_t) with |θ| below the flush
/// threshold set to 0; diverged when L_t or θ_{t+1} is not finite or ‖θ_{t+1}‖₁ &gt; B; converged when
/// ‖θ_{t+1} − θ_t‖₁ ≤ tol·(1 + ‖θ_{t+1}‖₁) and r_t &lt; 1; gf when r stayed below 1 − m at every step and at the end,
/// eos otherwise; unconverged at the budget. The measured columns are those of the README's column table.
/// </summary>
/// <remarks>
/// Besides the outcome it reports how far each decision was from flipping (<see cref="DecisionMargin"/>,
/// <see cref="BoundMargin"/>, <see cref="EdgeMargin"/>, <see cref="FlushMargin"/>), so a test can assert that rounding
/// differences between this reference and the engine (their own exp/log/tanh, FMA) cannot change steps or regime.
/// </remarks>
internal sealed record ReferenceTrajectory(
    double[] Theta, double FinalLoss, double MinLoss, double SharpnessFinal, double SharpnessMax, double Ratio, double MaxRatio,
    int Steps, int DivergedStep, Regime Regime, double[] Losses)
{
    /// <summary>
    /// The smallest, over the steps, distance of the converged test from flipping: for a test that held,
    /// min(1 − move/threshold, 1 − r); for one that failed, max(move/threshold − 1, r − 1) (relative on the move,
    /// absolute on the ratio). +∞ with --tol 0 (the move is then compared with exact zero).
    /// </summary>
    public double DecisionMargin { get; init; } = double.PositiveInfinity;

    /// <summary>The smallest |‖θ_{t+1}‖₁/B − 1| over the steps (finite sizes only).</summary>
    public double BoundMargin { get; init; } = double.PositiveInfinity;

    /// <summary>For a converged run, |max r − (1 − m)|; +∞ otherwise.</summary>
    public double EdgeMargin { get; init; } = double.PositiveInfinity;

    /// <summary>The smallest |log10(|θ|/flush)| over nonzero new parameters of every step: decades from the flush threshold.</summary>
    public double FlushMargin { get; init; } = double.PositiveInfinity;

    /// <summary>How many parameter values the flush rule set to 0.</summary>
    public int Flushed { get; init; }

    public static ReferenceTrajectory Run(IReferenceModel model, ReferenceLimits limits)
    {
        var theta = limits.Single ? model.Start.Select(v => (double)(float)v).ToArray() : (double[])model.Start.Clone();
        var losses = new List<double>();
        double minLoss = double.PositiveInfinity, maxSharp = 0, maxRatio = 0;
        double decision = double.PositiveInfinity, bound = double.PositiveInfinity, flushMargin = double.PositiveInfinity;
        int flushed = 0, steps = 0, divergedStep = -1;
        var regime = Regime.Unconverged;
        while (steps < limits.Steps)
        {
            double loss = model.Loss(theta);
            double sharp = model.Sharpness(theta);
            double ratio = model.Eta * sharp / 2;
            losses.Add(loss);
            minLoss = Math.Min(minLoss, loss);
            maxSharp = Math.Max(maxSharp, sharp);
            maxRatio = Math.Max(maxRatio, ratio);

            var next = model.Next(theta);
            double size = 0, move = 0;
            for (int k = 0; k < next.Length; k++)
            {
                if (limits.Single)
                {
                    next[k] = (float)next[k];
                }

                double v = next[k];
                if (v != 0 && double.IsFinite(v))
                {
                    flushMargin = Math.Min(flushMargin, Math.Abs(Math.Log10(Math.Abs(v) / limits.Flush)));
                }

                if (Math.Abs(v) < limits.Flush && v != 0)
                {
                    next[k] = 0;
                    flushed++;
                }

                size += Math.Abs(next[k]);
                move += Math.Abs(next[k] - theta[k]);
            }

            steps++;
            if (double.IsFinite(size))
            {
                bound = Math.Min(bound, Math.Abs((size / limits.Bound) - 1));
            }

            theta = next;
            if (!double.IsFinite(loss) || !(size <= limits.Bound))
            {
                regime = Regime.Diverged;
                divergedStep = steps;
                break;
            }

            double threshold = limits.Tol * (1 + size);
            double moveMargin = threshold > 0 ? (move / threshold) - 1 : move > 0 ? double.PositiveInfinity : double.NegativeInfinity;
            bool converged = moveMargin <= 0 && ratio < 1;
            double margin = converged ? Math.Min(-moveMargin, 1 - ratio) : Math.Max(moveMargin, ratio - 1);
            decision = Math.Min(decision, margin);
            if (converged)
            {
                regime = Regime.Gf;
                break;
            }
        }

        double finalLoss = model.Loss(theta);
        double finalSharp = model.Sharpness(theta);
        double finalRatio = model.Eta * finalSharp / 2;
        minLoss = Math.Min(minLoss, finalLoss);
        maxSharp = Math.Max(maxSharp, finalSharp);
        maxRatio = Math.Max(maxRatio, finalRatio);
        double edge = double.PositiveInfinity;
        if (regime == Regime.Gf)
        {
            edge = Math.Abs(maxRatio - (1 - limits.EosMargin));
            regime = maxRatio < 1 - limits.EosMargin ? Regime.Gf : Regime.Eos;
        }

        return new ReferenceTrajectory(theta, finalLoss, minLoss, finalSharp, maxSharp, finalRatio, maxRatio, steps, divergedStep, regime, [.. losses])
        {
            DecisionMargin = decision,
            BoundMargin = bound,
            EdgeMargin = edge,
            FlushMargin = flushMargin,
            Flushed = flushed,
        };
    }
}
