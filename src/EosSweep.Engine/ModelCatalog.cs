using System.Runtime.Intrinsics;
using EosSweep.Core;
using EosSweep.Core.Models;
using EosSweep.Kernels.Execution;
using EosSweep.Kernels.Losses;
using EosSweep.Kernels.Models;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Engine;

/// <summary>
/// The registered models: each a <see cref="ModelInfo"/> that is also an <see cref="IKernelFamily"/>.
/// Adding a model is one struct, its ModelInfo, and one line here.
/// </summary>
public static class ModelCatalog
{
    /// <summary>The user models in scope for the current command (flows with the async context, so parallel commands in one process do not see each other's).</summary>
    private static readonly AsyncLocal<IReadOnlyList<ModelInfo>?> UserScope = new();

    /// <summary>Every built-in model.</summary>
    public static IReadOnlyList<ModelInfo> BuiltIn { get; } = [
        XyModelInfo.Instance, MeanModelInfo.Instance, SparseCodingInfo.Instance,
        QuarticModelInfo.Instance, CosineModelInfo.Instance, UvModelInfo.Instance,
        MlpModelInfo.Instance,
    ];

    /// <summary>Every model this command sees: the built-ins, then those loaded with <c>--model-assembly</c> (<see cref="Use"/>).</summary>
    public static IReadOnlyList<ModelInfo> All => UserScope.Value is { } user ? [.. BuiltIn, .. user] : BuiltIn;

    /// <summary>
    /// Adds user models (from <see cref="ModelAssembly.Load"/>) to <see cref="All"/> for the current async flow until the
    /// returned scope is disposed. Scoped rather than global because the CLI runs in process in the tests, many at once.
    /// </summary>
    public static IDisposable Use(IReadOnlyList<ModelInfo> userModels)
    {
        var previous = UserScope.Value;
        UserScope.Value = userModels.Count == 0 ? previous : [.. previous ?? [], .. userModels];
        return new Scope(previous);
    }

    /// <summary>The model of this name.</summary>
    /// <exception cref="SweepInputException">No model has this name.</exception>
    public static ModelInfo Find(string name) =>
        All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new SweepInputException($"unknown model '{name}'; expected one of: {string.Join(", ", All.Select(m => m.Name))} (a model of your own needs --model-assembly FILE.dll)");

    /// <summary>The kernel of a model for a loss and precision (one thread per trajectory).</summary>
    /// <exception cref="SweepInputException">LibDevice math asked for an f32 kernel.</exception>
    public static ITrajectoryKernel Kernel(ModelInfo model, LossKind loss, Precision precision, KernelMath math = KernelMath.Project) =>
        Dispatch(Family(model), loss, precision, math, new ThreadMaker())!;

    /// <summary>
    /// The group-per-trajectory kernel of a spec's model, or null when the model has none or does not want one for
    /// this spec (IKernelFamily.MakeGrouped).
    /// </summary>
    public static ITrajectoryKernel? GroupKernel(SweepSpec spec, KernelMath math = KernelMath.Project) =>
        Dispatch(Family(Find(spec.Model)), spec.Loss, spec.Precision, math, new GroupMaker(spec));

    /// <summary>
    /// The CPU SIMD twin of a model's kernel, or null when the model has none. The lanes are 512 bits wide where the
    /// machine runs Vector512 in hardware (AVX-512), else 256 bits (AVX2); <paramref name="wide"/> forces one (both give
    /// the same bits: every lane operation is IEEE and lane-wise).
    /// </summary>
    public static Kernels.Simd.ISimdKernel? Simd(ModelInfo model, LossKind loss, Precision precision, bool? wide = null)
    {
        if (model is not IKernelFamily family)
        {
            return null;
        }

        bool w = wide ?? Vector512.IsHardwareAccelerated;
        return (precision, w) switch
        {
            (Precision.F64, true) => SimdOf<F64x8, F64x8>(family, loss) ?? family.MakeSimdOf(loss),
            (Precision.F64, false) => SimdOf<F64x4, F64x4>(family, loss) ?? family.MakeSimdOf(loss),
            (Precision.F32, true) => SimdOf<F32x16, F64x16>(family, loss),
            _ => SimdOf<F32x8, F64x8>(family, loss),
        };
    }

    /// <summary>The f64-only SIMD kernel of a model that registers no generic lanes.</summary>
    private static Kernels.Simd.ISimdKernel? MakeSimdOf(this IKernelFamily family, LossKind loss) => loss switch
    {
        LossKind.Logistic => family.MakeSimd<LogisticLoss>(),
        LossKind.Sqrt => family.MakeSimd<SqrtLoss>(),
        LossKind.LogCosh => family.MakeSimd<LogCoshLoss>(),
        LossKind.Square => family.MakeSimd<SquareLoss>(),
        LossKind.Logistic1 => family.MakeSimd<Logistic1Loss>(),
        _ => null,
    };

    private static Kernels.Simd.ISimdKernel? SimdOf<T, TW>(IKernelFamily family, LossKind loss)
        where T : struct, ISimdReal<T, TW>
        where TW : struct, ILanes<TW> => loss switch
        {
            LossKind.Logistic => family.MakeSimd<LogisticLoss, T, TW>(),
            LossKind.Sqrt => family.MakeSimd<SqrtLoss, T, TW>(),
            LossKind.LogCosh => family.MakeSimd<LogCoshLoss, T, TW>(),
            LossKind.Square => family.MakeSimd<SquareLoss, T, TW>(),
            LossKind.Logistic1 => family.MakeSimd<Logistic1Loss, T, TW>(),
            _ => null,
        };

    /// <summary>The kernel for a resolved spec.</summary>
    public static ITrajectoryKernel Kernel(SweepSpec spec, KernelMath math = KernelMath.Project) => Kernel(Find(spec.Model), spec.Loss, spec.Precision, math);

    /// <summary>Every (model, loss, precision) kernel, for offline compile checks.</summary>
    public static IEnumerable<(ModelInfo Model, LossKind Loss, Precision Precision, ITrajectoryKernel Kernel)> AllKernels()
    {
        foreach (var m in All)
        {
            foreach (var l in m.Losses)
            {
                foreach (var p in new[] { Precision.F64, Precision.F32 })
                {
                    yield return (m, l, p, Kernel(m, l, p));
                }
            }
        }
    }

    private sealed class Scope(IReadOnlyList<ModelInfo>? previous) : IDisposable
    {
        public void Dispose() => UserScope.Value = previous;
    }

    private static IKernelFamily Family(ModelInfo model) => model as IKernelFamily
        ?? throw new InvalidOperationException($"model '{model.Name}' registers no kernels");

    private static ITrajectoryKernel? Dispatch<TMaker>(IKernelFamily family, LossKind loss, Precision precision, KernelMath math, TMaker maker)
        where TMaker : struct, IKernelMaker => (precision, math) switch
        {
            (Precision.F64, KernelMath.Project) => ByLoss<TMaker, R64>(family, loss, maker),
            (Precision.F64, KernelMath.LibDevice) => ByLoss<TMaker, R64Intrinsic>(family, loss, maker),
            (Precision.F32, KernelMath.Project) => ByLoss<TMaker, R32>(family, loss, maker),
            (Precision.F32, KernelMath.LibDevice) => throw new SweepInputException("--gpu-math libdevice applies to f64 kernels; f32 kernels use the project's math"),
            _ => throw new ArgumentOutOfRangeException(nameof(precision)),
        };

    private static ITrajectoryKernel? ByLoss<TMaker, T>(IKernelFamily family, LossKind loss, TMaker maker)
        where TMaker : struct, IKernelMaker
        where T : struct, IScalar<T> => loss switch
        {
            LossKind.Logistic => maker.Make<LogisticLoss, T>(family),
            LossKind.Sqrt => maker.Make<SqrtLoss, T>(family),
            LossKind.LogCosh => maker.Make<LogCoshLoss, T>(family),
            LossKind.Square => maker.Make<SquareLoss, T>(family),
            LossKind.Logistic1 => maker.Make<Logistic1Loss, T>(family),
            _ => throw new ArgumentOutOfRangeException(nameof(loss)),
        };

    /// <summary>Closes a family's kernel over a loss and number type: the one generic dispatch behind every lookup here.</summary>
    private interface IKernelMaker
    {
        ITrajectoryKernel? Make<TLoss, T>(IKernelFamily family)
            where TLoss : struct, ILoss
            where T : struct, IScalar<T>;
    }

    private readonly struct ThreadMaker : IKernelMaker
    {
        public ITrajectoryKernel? Make<TLoss, T>(IKernelFamily family)
            where TLoss : struct, ILoss
            where T : struct, IScalar<T> => family.Make<TLoss, T>();
    }

    private readonly struct GroupMaker(SweepSpec spec) : IKernelMaker
    {
        public ITrajectoryKernel? Make<TLoss, T>(IKernelFamily family)
            where TLoss : struct, ILoss
            where T : struct, IScalar<T> => family.MakeGrouped<TLoss, T>(spec);
    }
}
