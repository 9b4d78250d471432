using EosSweep.Kernels.Models;
using EosSweep.Kernels.Numerics;

namespace BrokenModel;

/// <summary>
/// A struct that breaks the model contract: it reports three parameters while its ModelInfo
/// (<see cref="MiscountedModelInfo"/>) lists two, so its rows would not fit the data set's columns.
/// </summary>
/// <typeparam name="T">The number type.</typeparam>
public struct MiscountedModel<T> : IGdModel<MiscountedModel<T>, T>
    where T : struct, IReal<T>
{
    /// <summary>Step size η.</summary>
    public T Eta;

    /// <summary>The one real parameter.</summary>
    public T X;

    /// <summary>Three, but the ModelInfo names two.</summary>
    public static int ParameterCount => 3;

    /// <inheritdoc/>
    public static int ExtraCount => 0;

    /// <inheritdoc/>
    public static MiscountedModel<T> Create(in GridPoint<T> point, in ModelData data) => new() { Eta = point.V0, X = point.V1 };

    /// <inheritdoc/>
    public readonly T StepSize => Eta;

    /// <inheritdoc/>
    public readonly T Parameter(int k) => X;

    /// <inheritdoc/>
    public readonly double Extra(int k) => 0;

    /// <inheritdoc/>
    public readonly StepInfo<T> Evaluate()
    {
        var copy = this;
        return copy.Step();
    }

    /// <inheritdoc/>
    public StepInfo<T> Step()
    {
        StepInfo<T> info;
        info.Loss = T.C(0.5) * (X * X);
        info.Sharpness = T.C(1.0);
        T xn = X - (Eta * X);
        info.Move = T.Abs(xn - X);
        info.Size = T.Abs(xn);
        X = xn;
        return info;
    }
}
