using EosSweep.Kernels.Models;
using EosSweep.Kernels.Numerics;
using ILGPU;

namespace EosSweep.Kernels.Execution;

/// <summary>
/// The one GD kernel, generic over the model struct and number type; ILGPU specialises it per
/// (model, loss, precision). One thread per trajectory: decode the grid index to its point (mixed
/// radix over <c>axisMeta</c> = (offset, count, stride) per axis into <c>axisValues</c>), run the
/// trajectory, write its row in the layout of EosSweep.Core.Results.ResultLayout.
/// </summary>
public static class SweepKernel
{
    /// <summary>The kernel body.</summary>
    public static void Run<TModel, T>(
        Index1D i,
        ArrayView<double> axisValues,
        ArrayView<long> axisMeta,
        KernelArgs args,
        ArrayView<double> outD,
        ArrayView<int> outI)
        where TModel : struct, IGdModel<TModel, T>
        where T : struct, IScalar<T>
    {
        if (i >= args.Count)
        {
            return;
        }

        var model = TModel.Create(Decode<T>(args.Start + i, axisValues, axisMeta, args));
        var o = Trajectory.Run<TModel, T>(ref model, args.Limits);
        Store<TModel, T>(i, args.Capacity, ref model, o, outD, outI);
    }

    /// <summary>The grid point of trajectory <paramref name="index"/>.</summary>
    public static GridPoint<T> Decode<T>(long index, ArrayView<double> axisValues, ArrayView<long> axisMeta, KernelArgs args)
        where T : struct, IScalar<T>
    {
        GridPoint<T> p = default;
        p.Index = index;
        for (int k = 0; k < args.AxisCount; k++)
        {
            long offset = axisMeta[3 * k];
            long count = axisMeta[(3 * k) + 1];
            long stride = axisMeta[(3 * k) + 2];
            double v = axisValues[offset + ((index / stride) % count)];
            p.Set(k, T.C(v));
            if (k == args.SeedAxis)
            {
                p.Seed = (ulong)v;
            }
        }

        return p;
    }

    private static void Store<TModel, T>(int i, int cap, ref TModel model, TrajectoryOutcome o, ArrayView<double> outD, ArrayView<int> outI)
        where TModel : struct, IGdModel<TModel, T>
        where T : struct, IScalar<T>
    {
        int p = TModel.ParameterCount;
        for (int k = 0; k < p; k++)
        {
            outD[(k * cap) + i] = T.ToDouble(model.Parameter(k));
        }

        outD[(p * cap) + i] = o.FinalLoss;
        outD[((p + 1) * cap) + i] = o.MinLoss;
        outD[((p + 2) * cap) + i] = o.SharpnessFinal;
        outD[((p + 3) * cap) + i] = o.SharpnessMax;
        outD[((p + 4) * cap) + i] = o.StabilityRatio;
        outI[i] = o.Steps;
        outI[cap + i] = o.DivergedStep;
        outI[(2 * cap) + i] = o.Regime;
    }
}
