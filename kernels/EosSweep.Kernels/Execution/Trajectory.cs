using EosSweep.Core;
using EosSweep.Kernels.Models;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Execution;

/// <summary>
/// The scalar trajectory driver: runs GD on one model until it diverges, converges or runs out of
/// steps, applying EosSweep.Core.RegimeRules through <see cref="StepRules"/>. Used by the kernel and by host reference loops alike.
/// Allocation-free; bookkeeping in double (exact for f32 values).
/// </summary>
public static class Trajectory
{
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
        int regime = RegimeCode.Unconverged;
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

            StepRules.Track(loss, sharp, ratio, ref minLoss, ref maxSharp, ref maxRatio);
            if (StepRules.Diverged(loss, size, limits.Bound))
            {
                regime = RegimeCode.Diverged;
                break;
            }

            if (StepRules.Converged(T.ToDouble(info.Move), size, ratio, limits.Tolerance))
            {
                regime = RegimeCode.Gf;
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

        return StepRules.Finish(finalLoss, finalSharp, finalRatio, minLoss, maxSharp, maxRatio, t, regime, limits.EosThreshold);
    }

    /// <summary>round(τ/η), halves away from zero: the same formula as SpecResolver.StepsForTau.</summary>
    public static int StepsForTau(double tau, double eta) => (int)((tau / eta) + 0.5);
}
