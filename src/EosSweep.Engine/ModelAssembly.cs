using System.Collections.Concurrent;
using System.Reflection;
using EosSweep.Core;
using EosSweep.Core.Models;
using EosSweep.Kernels.Execution;

namespace EosSweep.Engine;

/// <summary>
/// Loads the models a user wrote in their own assembly (<c>--model-assembly FILE.dll</c>). A model there is what a
/// built-in is: one struct implementing <c>IGdModel&lt;TSelf, T&gt;</c> and a public, non-abstract
/// <see cref="ModelInfo"/> subclass that implements <see cref="IKernelFamily"/>, reached through a public static
/// <c>Instance</c> property or a public parameterless constructor. Every model is checked before use (its name is
/// new, its axes start with η, its kernel closes over every loss and precision it offers, with the parameter and
/// extra-column counts its ModelInfo declares), so a bad one fails as one line here, not halfway through a sweep.
/// ILGPU compiles the struct at run time exactly like a built-in's; the CPU SIMD path takes it when the family offers
/// a SIMD twin.
/// </summary>
public static class ModelAssembly
{
    /// <summary>Assemblies already loaded in this process, by full path, size and time: loading is done once.</summary>
    private static readonly ConcurrentDictionary<(string Path, long Length, DateTime Written), Lazy<IReadOnlyList<ModelInfo>>> Loaded = new();

    /// <summary>The models of every assembly in <paramref name="paths"/>, checked and free of name clashes.</summary>
    /// <exception cref="SweepInputException">A file is missing or not a .NET assembly, defines no model, or a model is unusable.</exception>
    public static IReadOnlyList<ModelInfo> Load(IEnumerable<string> paths)
    {
        var models = new List<ModelInfo>();
        foreach (var path in paths)
        {
            foreach (var m in LoadOne(path))
            {
                if (models.FirstOrDefault(o => string.Equals(o.Name, m.Name, StringComparison.OrdinalIgnoreCase)) is { } other)
                {
                    throw new SweepInputException($"model '{m.Name}' is defined twice: by {m.GetType().FullName} ({Path.GetFileName(path)}) and by {other.GetType().FullName}");
                }

                models.Add(m);
            }
        }

        return models;
    }

    /// <summary>The checked models of one assembly (cached per file version).</summary>
    public static IReadOnlyList<ModelInfo> LoadOne(string path)
    {
        string full = Path.GetFullPath(path);
        var file = new FileInfo(full);
        if (!file.Exists)
        {
            throw new SweepInputException($"--model-assembly '{path}' not found");
        }

        var lazy = Loaded.GetOrAdd((full, file.Length, file.LastWriteTimeUtc), _ => new Lazy<IReadOnlyList<ModelInfo>>(() => Discover(path, full)));
        try
        {
            return lazy.Value;
        }
        catch (SweepInputException)
        {
            // A failure is not cached as a result: the file may be rebuilt under the same stamp in a test.
            Loaded.TryRemove(new KeyValuePair<(string, long, DateTime), Lazy<IReadOnlyList<ModelInfo>>>((full, file.Length, file.LastWriteTimeUtc), lazy));
            throw;
        }
    }

    private static List<ModelInfo> Discover(string path, string full)
    {
        Assembly assembly;
        try
        {
            assembly = new ModelAssemblyLoadContext(full).LoadFromAssemblyPath(full);
        }
        catch (BadImageFormatException)
        {
            throw new SweepInputException($"--model-assembly '{path}' is not a .NET assembly");
        }
        catch (FileLoadException e)
        {
            throw new SweepInputException($"--model-assembly '{path}' cannot be loaded: {OneLine(e.Message)}");
        }

        Type[] types;
        try
        {
            types = assembly.GetExportedTypes();
        }
        catch (Exception e) when (e is ReflectionTypeLoadException or TypeLoadException or FileNotFoundException or FileLoadException)
        {
            throw new SweepInputException($"--model-assembly '{path}': its types cannot be read ({OneLine(e.Message)}); is it built against this EosSweep?");
        }

        var models = new List<ModelInfo>();
        foreach (var type in types.Where(t => t.IsClass && !t.IsAbstract && !t.ContainsGenericParameters && typeof(ModelInfo).IsAssignableFrom(t)).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            var model = Instantiate(type, path);
            Check(model, path);
            models.Add(model);
        }

        if (models.Count == 0)
        {
            throw new SweepInputException($"--model-assembly '{path}' defines no model: expected a public, non-abstract ModelInfo subclass that implements IKernelFamily");
        }

        return models;
    }

    private static ModelInfo Instantiate(Type type, string path)
    {
        try
        {
            if (type.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static) is { } instance && instance.PropertyType.IsAssignableTo(typeof(ModelInfo)))
            {
                return instance.GetValue(null) as ModelInfo
                    ?? throw new SweepInputException($"model type {type.FullName} in '{path}': its static Instance is null");
            }

            if (type.GetConstructor(Type.EmptyTypes) is { } ctor)
            {
                return (ModelInfo)ctor.Invoke(null);
            }
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new SweepInputException($"model type {type.FullName} in '{path}' cannot be created: {e.InnerException.GetType().Name}: {OneLine(e.InnerException.Message)}");
        }

        throw new SweepInputException($"model type {type.FullName} in '{path}' has neither a public static Instance nor a public parameterless constructor");
    }

    /// <summary>
    /// Checks a user model for everything the engine, writer and summarizer rely on: a new name, axes that start with
    /// η, a kernel family that closes over every loss and precision with the struct's parameter and extra-column counts
    /// equal to the ModelInfo's.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="path">Where it came from, for the message.</param>
    /// <exception cref="SweepInputException">The model is unusable; the message says why in one line.</exception>
    public static void Check(ModelInfo model, string path)
    {
        var type = model.GetType();
        string name;
        try
        {
            name = model.Name;
            _ = (model.Axes, model.Parameters, model.Losses, model.DefaultLoss, model.ExtraColumns, model.Options, model.Theory);
        }
        catch (Exception e)
        {
            throw new SweepInputException($"model type {type.FullName} in '{path}' fails to describe itself: {e.GetType().Name}: {OneLine(e.Message)}");
        }

        string where = $"model '{name}' ({type.FullName} in '{path}')";
        if (string.IsNullOrWhiteSpace(name) || name.Any(char.IsWhiteSpace))
        {
            throw new SweepInputException($"model type {type.FullName} in '{path}' has no usable name (empty or with spaces): '{name}'");
        }

        if (ModelCatalog.BuiltIn.FirstOrDefault(b => string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase)) is { } builtIn)
        {
            throw new SweepInputException($"{where} clashes with the built-in model '{builtIn.Name}': give it another name");
        }

        if (model is not IKernelFamily)
        {
            throw new SweepInputException($"{where} does not implement IKernelFamily, so it has no kernel");
        }

        if (model.Axes.Count == 0 || model.Axes.Count > Kernels.Models.GridPoint<Kernels.Numerics.R64>.MaxAxes || model.Axes[0].Name != "eta")
        {
            throw new SweepInputException($"{where} must have 1 to {Kernels.Models.GridPoint<Kernels.Numerics.R64>.MaxAxes} axes, the first named 'eta' (the step size); it has: {string.Join(", ", model.Axes.Select(a => a.Name))}");
        }

        if (model.Parameters.Count == 0 || model.Losses.Count == 0 || !model.Losses.Contains(model.DefaultLoss))
        {
            throw new SweepInputException($"{where} needs at least one parameter and one loss, its default loss among them");
        }

        foreach (var loss in model.Losses)
        {
            foreach (var precision in new[] { Precision.F64, Precision.F32 })
            {
                string what = $"{where}: its kernel family fails for loss {LossInfo.Of(loss).Name}, {SpecResolver.Name(precision)}";
                ITrajectoryKernel kernel;
                try
                {
                    kernel = ModelCatalog.Kernel(model, loss, precision);
                    _ = kernel.Method;
                    _ = ModelCatalog.Simd(model, loss, precision, wide: false);
                    _ = ModelCatalog.Simd(model, loss, precision, wide: true);
                }
                catch (Exception e)
                {
                    throw new SweepInputException($"{what}: {e.GetType().Name}: {OneLine(e.Message)}");
                }

                if (kernel.ParameterCount != model.Parameters.Count || kernel.ExtraCount != model.ExtraColumns.Count)
                {
                    throw new SweepInputException(
                        $"{what}: its struct has {kernel.ParameterCount} parameters and {kernel.ExtraCount} extra columns, its ModelInfo lists {model.Parameters.Count} and {model.ExtraColumns.Count}");
                }
            }
        }

    }

    private static string OneLine(string s) => s.ReplaceLineEndings(" ").Trim();
}
