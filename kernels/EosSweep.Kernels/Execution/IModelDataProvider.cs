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

    /// <summary>Bytes <see cref="Prepare"/> will allocate on the accelerator (shared data and per-trajectory scratch),
    /// computed without allocating, so the run can be refused with the numbers before any work.</summary>
    /// <exception cref="SweepInputException">The spec asks for more data sets than the model supports.</exception>
    long DataBytes(SweepSpec spec, int capacity);

    /// <summary>
    /// Whether a trajectory's data is a function of its grid point's axis values alone (generated per value of the
    /// data axes from the seed), not of where the point sits in the grid, so that the same point in another grid
    /// (a refinement level) reads the same data and gives the same row bit for bit. Refinement refuses models without it.
    /// </summary>
    bool DataFollowsAxisValues => false;
}
