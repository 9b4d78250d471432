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
    /// <summary>Every built-in model.</summary>
    public static IReadOnlyList<ModelInfo> All { get; } = [
        XyModelInfo.Instance, MeanModelInfo.Instance, SparseCodingInfo.Instance,
        QuarticModelInfo.Instance, CosineModelInfo.Instance, UvModelInfo.Instance,
    ];

    /// <summary>The model of this name.</summary>
    /// <exception cref="SweepInputException">No model has this name.</exception>
    public static ModelInfo Find(string name) =>
        All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new SweepInputException($"unknown model '{name}'; expected one of: {string.Join(", ", All.Select(m => m.Name))}");

    /// <summary>The kernel of a model for a loss and precision.</summary>
    public static ITrajectoryKernel Kernel(ModelInfo model, LossKind loss, Precision precision)
    {
        var family = model as IKernelFamily
            ?? throw new InvalidOperationException($"model '{model.Name}' registers no kernels");
        return (loss, precision) switch
        {
            (LossKind.Logistic, Precision.F64) => family.Make<LogisticLoss, R64>(),
            (LossKind.Sqrt, Precision.F64) => family.Make<SqrtLoss, R64>(),
            (LossKind.LogCosh, Precision.F64) => family.Make<LogCoshLoss, R64>(),
            (LossKind.Square, Precision.F64) => family.Make<SquareLoss, R64>(),
            (LossKind.Logistic1, Precision.F64) => family.Make<Logistic1Loss, R64>(),
            (LossKind.Logistic, Precision.F32) => family.Make<LogisticLoss, R32>(),
            (LossKind.Sqrt, Precision.F32) => family.Make<SqrtLoss, R32>(),
            (LossKind.LogCosh, Precision.F32) => family.Make<LogCoshLoss, R32>(),
            (LossKind.Square, Precision.F32) => family.Make<SquareLoss, R32>(),
            (LossKind.Logistic1, Precision.F32) => family.Make<Logistic1Loss, R32>(),
            _ => throw new ArgumentOutOfRangeException(nameof(loss)),
        };
    }

    /// <summary>The CPU SIMD twin of a model's kernel (f64 only), or null when the model has none.</summary>
    public static Kernels.Simd.ISimdKernel? Simd(ModelInfo model, LossKind loss, Precision precision)
    {
        if (precision != Precision.F64 || model is not IKernelFamily family)
        {
            return null;
        }

        return loss switch
        {
            LossKind.Logistic => family.MakeSimd<LogisticLoss>(),
            LossKind.Sqrt => family.MakeSimd<SqrtLoss>(),
            LossKind.LogCosh => family.MakeSimd<LogCoshLoss>(),
            LossKind.Square => family.MakeSimd<SquareLoss>(),
            LossKind.Logistic1 => family.MakeSimd<Logistic1Loss>(),
            _ => null,
        };
    }

    /// <summary>The kernel for a resolved spec.</summary>
    public static ITrajectoryKernel Kernel(SweepSpec spec) => Kernel(Find(spec.Model), spec.Loss, spec.Precision);

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
}
