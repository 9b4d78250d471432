namespace EosSweep.Engine;

/// <summary>One accelerator ILGPU sees.</summary>
/// <param name="Index">Position in the context's device list.</param>
/// <param name="Name">Device name.</param>
/// <param name="Kind">cpu, cuda or opencl.</param>
/// <param name="MemoryBytes">Device memory.</param>
/// <param name="WarpSize">Threads per warp.</param>
/// <param name="MaxThreadsPerGroup">Largest group.</param>
/// <param name="Multiprocessors">Multiprocessors.</param>
public sealed record DeviceInfo(int Index, string Name, string Kind, long MemoryBytes, int WarpSize, int MaxThreadsPerGroup, int Multiprocessors);
