using System.Runtime.CompilerServices;
using EosSweep.Core.Results;

namespace EosSweep.Kernels.Execution;

/// <summary>
/// Places one trajectory's common columns in a row, in the layout of EosSweep.Core.Results.ResultLayout: the one
/// writer of rows for the GPU kernels, the host reference and the SIMD lanes (the model's parameters and extra
/// columns are written by the driver, at <c>k</c> and <see cref="ExtraColumn"/>).
/// </summary>
public static class RowWriter
{
    /// <summary>Writes the measures and the int columns of <paramref name="o"/> to row <paramref name="i"/> for a model of <paramref name="p"/> parameters.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write<TSink>(TSink sink, int p, int i, TrajectoryOutcome o)
        where TSink : struct, IResultSink
    {
        sink.SetDouble(p + ResultLayout.FinalLossSlot, i, o.FinalLoss);
        sink.SetDouble(p + ResultLayout.MinLossSlot, i, o.MinLoss);
        sink.SetDouble(p + ResultLayout.SharpnessFinalSlot, i, o.SharpnessFinal);
        sink.SetDouble(p + ResultLayout.SharpnessMaxSlot, i, o.SharpnessMax);
        sink.SetDouble(p + ResultLayout.StabilityRatioSlot, i, o.StabilityRatio);
        sink.SetInt(ResultLayout.StepsColumn, i, o.Steps);
        sink.SetInt(ResultLayout.DivergedStepColumn, i, o.DivergedStep);
        sink.SetInt(ResultLayout.RegimeColumn, i, o.Regime);
    }

    /// <summary>The double column of extra column <paramref name="e"/> for a model of <paramref name="p"/> parameters.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ExtraColumn(int p, int e) => p + ResultLayout.MeasureCount + e;
}
