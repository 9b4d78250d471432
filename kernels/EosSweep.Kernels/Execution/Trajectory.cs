using EosSweep.Kernels.Models;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Execution;

/// <summary>
/// The scalar trajectory driver: runs GD on one model until it diverges, converges or runs out of
/// steps, applying EosSweep.Core.RegimeRules. Used by the kernel and by host reference loops alike.
/// Allocation-free; bookkeeping in double (exact for f32 values).
/// </summary>
public static class Trajectory
{
    private const int RegimeGf = 0;
    private const int RegimeEos = 1;
    private const int RegimeDiverged = 2;
    private const int RegimeUnconverged = 3;

    /// <summary>Runs one trajectory from <paramref name="model"/>'s start; leaves the final state in it.</summary>
    public static TrajectoryOutcome Run<TModel, T>(ref TModel model, RunLimits limits)
        where TModel : struct, IGdModel<TModel, T>
        where T : struct, IScalar<T>
    {
        var none = default(TraceSink);
        return Run<TModel, T>(ref model, limits, ref none);
    }

    /// <summary>Runs one trajectory, recording rows into <paramref name="trace"/> when it is enabled.</summary>
    public static TrajectoryOutcome Run<TModel, T>(ref TModel model, RunLimits limits, ref TraceSink trace)
        where TModel : struct, IGdModel<TModel, T>
        where T : struct, IScalar<T>
    {
        double halfEta = 0.5 * T.ToDouble(model.StepSize);
        double minLoss = double.PositiveInfinity;
        double maxSharp = 0.0;
        double maxRatio = 0.0;
        int regime = RegimeUnconverged;
        int divergedStep = -1;
        int t = 0;
        int budget = limits.Tau > 0 ? StepsForTau(limits.Tau, 2 * halfEta) : limits.Steps;
        while (t < budget)
        {
            bool record = trace.Due(t);
            if (record)
            {
                trace.Begin<TModel, T>(t, ref model);
            }

            var info = model.Step();
            t++;
            double loss = T.ToDouble(info.Loss);
            double sharp = T.ToDouble(info.Sharpness);
            double size = T.ToDouble(info.Size);
            double ratio = halfEta * sharp;
            if (record)
            {
                trace.End(loss, sharp, ratio);
            }

            Track(loss, sharp, ratio, ref minLoss, ref maxSharp, ref maxRatio);

            // !(a <= b) is true for NaN as well as for a > b; ±∞ fail IsFinite-style via the bound.
            if (!(Math.Abs(loss) <= double.MaxValue) || !(size <= limits.Bound))
            {
                regime = RegimeDiverged;
                divergedStep = t;
                break;
            }

            if (T.ToDouble(info.Move) <= limits.Tolerance * (1.0 + size) && ratio < 1.0)
            {
                regime = RegimeGf;
                break;
            }
        }

        // The final point, evaluated without moving.
        var last = model.Evaluate();
        double finalLoss = T.ToDouble(last.Loss);
        double finalSharp = T.ToDouble(last.Sharpness);
        double finalRatio = halfEta * finalSharp;
        if (trace.Enabled && trace.Count < trace.Rows)
        {
            trace.Begin<TModel, T>(t, ref model);
            trace.End(finalLoss, finalSharp, finalRatio);
        }

        Track(finalLoss, finalSharp, finalRatio, ref minLoss, ref maxSharp, ref maxRatio);
        if (regime == RegimeGf && maxRatio >= limits.EosThreshold)
        {
            regime = RegimeEos;
        }

        TrajectoryOutcome o;
        o.FinalLoss = finalLoss;
        o.MinLoss = minLoss;
        o.SharpnessFinal = finalSharp;
        o.SharpnessMax = maxSharp;
        o.StabilityRatio = finalRatio;
        o.Steps = t;
        o.DivergedStep = divergedStep;
        o.Regime = regime;
        return o;
    }

    /// <summary>round(τ/η), halves away from zero: the same formula as SpecResolver.StepsForTau.</summary>
    public static int StepsForTau(double tau, double eta) => (int)((tau / eta) + 0.5);

    /// <summary>Running min of the loss and max of sharpness and ratio; NaN never replaces a value.</summary>
    private static void Track(double loss, double sharp, double ratio, ref double minLoss, ref double maxSharp, ref double maxRatio)
    {
        minLoss = loss < minLoss ? loss : minLoss;
        maxSharp = sharp > maxSharp ? sharp : maxSharp;
        maxRatio = ratio > maxRatio ? ratio : maxRatio;
    }
}
