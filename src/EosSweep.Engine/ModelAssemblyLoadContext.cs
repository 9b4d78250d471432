using System.Reflection;
using System.Runtime.Loader;

namespace EosSweep.Engine;

/// <summary>
/// The load context of one user model assembly. Every assembly the host can load itself (EosSweep.Core,
/// EosSweep.Kernels, ILGPU, the runtime) comes from the host, so the user's <c>ModelInfo</c> and model struct
/// implement the host's own types even when the user's build output carries copies of them; only the user's
/// private dependencies load from beside the assembly (through its .deps.json when it has one).
/// </summary>
internal sealed class ModelAssemblyLoadContext : AssemblyLoadContext
{
    private readonly AssemblyDependencyResolver? _resolver;
    private readonly string _directory;

    /// <summary>A context for the assembly at <paramref name="path"/> (a full path).</summary>
    public ModelAssemblyLoadContext(string path)
        : base($"eos-sweep model assembly {Path.GetFileName(path)}")
    {
        _directory = Path.GetDirectoryName(path) ?? ".";
        try
        {
            _resolver = new AssemblyDependencyResolver(path);
        }
        catch (InvalidOperationException)
        {
            // No usable .deps.json: dependencies are probed in the assembly's directory instead.
            _resolver = null;
        }
    }

    /// <inheritdoc/>
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        try
        {
            // The host's copy first: shared types must be the same types.
            return Default.LoadFromAssemblyName(assemblyName);
        }
        catch (FileNotFoundException)
        {
            string? path = _resolver?.ResolveAssemblyToPath(assemblyName);
            string beside = Path.Combine(_directory, assemblyName.Name + ".dll");
            return path is not null ? LoadFromAssemblyPath(path) : File.Exists(beside) ? LoadFromAssemblyPath(beside) : null;
        }
    }

    /// <inheritdoc/>
    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        string? path = _resolver?.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
