namespace EosSweep.Kernels.Execution;

/// <summary>Scalar arguments of one sweep-kernel launch.</summary>
public struct KernelArgs
{
    /// <summary>Grid index of the launch's first trajectory.</summary>
    public long Start;

    /// <summary>Trajectories in this launch.</summary>
    public int Count;

    /// <summary>Column block length of the output views (≥ Count).</summary>
    public int Capacity;

    /// <summary>Number of axes.</summary>
    public int AxisCount;

    /// <summary>Slot of the seed axis, −1 when the model has none.</summary>
    public int SeedAxis;

    /// <summary>The model's option flags (ModelInfo.OptionFlags).</summary>
    public int ModelFlags;

    /// <summary>Steps between trace rows; 0 when nothing is traced.</summary>
    public int TraceEvery;

    /// <summary>Rows of one trace slot.</summary>
    public int TraceRows;

    /// <summary>Step budget and thresholds.</summary>
    public RunLimits Limits;
}
