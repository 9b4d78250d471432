using ILGPU;

namespace EosSweep.Kernels.Execution;

/// <summary>A loaded sweep kernel: the launcher ILGPU returns for <see cref="SweepKernel.Run"/>.</summary>
/// <param name="Launch">Index extent, axis values, axis meta, args, double and int outputs, model data, scratch, trace slots and buffer.</param>
public sealed record SweepLaunch(
    Action<Index1D, ArrayView<double>, ArrayView<long>, KernelArgs, ArrayView<double>, ArrayView<int>, ArrayView<double>, ArrayView<int>, ArrayView<double>, ArrayView<int>, ArrayView<double>> Launch);
