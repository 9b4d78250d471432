namespace EosSweep.Engine;

/// <summary>Engine-level kernel choices that never change what a sweep means, only how it is computed.</summary>
/// <param name="Math">Whose exp/log/tanh the f64 kernels use.</param>
/// <param name="Layout">Thread or group per trajectory.</param>
public sealed record KernelOptions(KernelMath Math = KernelMath.Project, KernelLayout Layout = KernelLayout.Auto)
{
    /// <summary>The defaults: the project's math, layout chosen per accelerator and model.</summary>
    public static KernelOptions Default { get; } = new();

    /// <summary>Parses <c>project</c> or <c>libdevice</c> (null → project).</summary>
    /// <exception cref="Core.SweepInputException">Another word.</exception>
    public static KernelMath ParseMath(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "project" => KernelMath.Project,
        "libdevice" => KernelMath.LibDevice,
        _ => throw new Core.SweepInputException($"unknown --gpu-math '{text}'; expected project or libdevice"),
    };

    /// <summary>The CLI name of a math choice.</summary>
    public static string Name(KernelMath math) => math == KernelMath.LibDevice ? "libdevice" : "project";
}
