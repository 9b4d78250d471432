using EosSweep.Core;
using ILGPU.Runtime;

namespace EosSweep.Kernels.Execution;

/// <summary>
/// Implemented by a model's registration when its trajectories read shared data (a training set per seed):
/// builds that data once per sweep on the accelerator, before any trajectory runs.
/// </summary>
public interface IModelDataProvider
{
    /// <summary>Generates the data of every data key of <paramref name="spec"/> on <paramref name="accelerator"/>.</summary>
    /// <param name="spec">The sweep.</param>
    /// <param name="accelerator">Where the data live.</param>
    /// <param name="capacity">Trajectories per launch: rows of the per-trajectory scratch.</param>
    ModelDataBuffers Prepare(SweepSpec spec, Accelerator accelerator, int capacity);
}
