using EosSweep.Engine;

namespace EosSweep.Tests.Cli;

/// <summary>
/// Which GPU accelerators ILGPU sees on this machine, so a test of <c>--accelerator cuda|opencl</c> asserts the
/// refusal where the device is absent and a working run where it is present, never assuming either.
/// </summary>
internal static class GpuHost
{
    private static readonly Lazy<HashSet<string>> Kinds = new(() =>
    {
        using var context = AcceleratorFactory.CreateContext();
        return AcceleratorFactory.List(context).Select(d => d.Kind).ToHashSet(StringComparer.Ordinal);
    });

    /// <summary>Whether an accelerator of <paramref name="kind"/> (<c>cuda</c>, <c>opencl</c>) is present.</summary>
    public static bool Has(string kind) => Kinds.Value.Contains(kind);
}
