namespace EosSweep.Kernels.Execution;

/// <summary>Where the trajectory body reads grid values: device views in a kernel, arrays on the host.</summary>
public interface IGridSource
{
    /// <summary>The value of axis <paramref name="k"/> at grid index <paramref name="index"/>.</summary>
    double Value(long index, int k);
}
