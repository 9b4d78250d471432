namespace EosSweep.Kernels.Execution;

/// <summary>Where the trajectory body writes its row (layout of EosSweep.Core.Results.ResultLayout).</summary>
public interface IResultSink
{
    /// <summary>Writes double column <paramref name="c"/> of row <paramref name="i"/>.</summary>
    void SetDouble(int c, int i, double v);

    /// <summary>Writes int column <paramref name="c"/> of row <paramref name="i"/>.</summary>
    void SetInt(int c, int i, int v);
}
