using ILGPU;

namespace EosSweep.Kernels.Execution;

/// <summary>A loaded sweep kernel: the launcher ILGPU returns for <see cref="SweepKernel.Run"/>.</summary>
/// <param name="Launch">Index extent (the batch's trajectories) and the launch's views.</param>
public sealed record SweepLaunch(Action<Index1D, SweepViews> Launch);
