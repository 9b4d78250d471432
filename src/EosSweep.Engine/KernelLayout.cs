namespace EosSweep.Engine;

/// <summary>How a launch maps trajectories to device threads.</summary>
public enum KernelLayout
{
    /// <summary>
    /// One thread per trajectory, except on a GPU for models that ask for a group per trajectory (a large per-trajectory
    /// data set: sparse-coding with n·d beyond a few thousand).
    /// </summary>
    Auto,

    /// <summary>Always one thread per trajectory.</summary>
    Thread,

    /// <summary>A group per trajectory wherever the model has that kernel, on any accelerator (tests run it on the CPU accelerator).</summary>
    Group,
}
