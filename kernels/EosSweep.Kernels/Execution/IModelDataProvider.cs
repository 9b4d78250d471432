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
    ModelDataBuffers Prepare(SweepSpec spec, Accelerator accelerator);
}
