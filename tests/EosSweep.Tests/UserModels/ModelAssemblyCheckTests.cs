using EosSweep.Core;
using EosSweep.Core.Models;
using EosSweep.Engine;
using EosSweep.Kernels.Execution;
using EosSweep.Kernels.Losses;
using EosSweep.Kernels.Models;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Tests.UserModels;

/// <summary>What <see cref="ModelAssembly.Check"/> refuses in a user's model, each as one line naming the model and the fault.</summary>
public sealed class ModelAssemblyCheckTests
{
    [Fact]
    public void ValidModel_Passes() => ModelAssembly.Check(new HalfSquareInfo("half-square"), "My.dll");

    [Fact]
    public void NameOfABuiltIn_IsAClash()
    {
        var e = Assert.Throws<SweepInputException>(() => ModelAssembly.Check(new HalfSquareInfo("XY"), "My.dll"));
        Assert.Contains("clashes with the built-in model 'xy'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutKernelFamily_IsRefused()
    {
        var e = Assert.Throws<SweepInputException>(() => ModelAssembly.Check(new NoKernelInfo(), "My.dll"));
        Assert.Contains("model 'no-kernel'", e.Message, StringComparison.Ordinal);
        Assert.Contains("does not implement IKernelFamily", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KernelFamilyThatThrows_NamesLossPrecisionAndError()
    {
        var e = Assert.Throws<SweepInputException>(() => ModelAssembly.Check(new HalfSquareInfo("f64-only", f32: false), "My.dll"));
        Assert.Contains("its kernel family fails for loss square, f32: NotSupportedException: no f32 kernel", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FirstAxisNotEta_IsRefused()
    {
        var e = Assert.Throws<SweepInputException>(() => ModelAssembly.Check(new HalfSquareInfo("no-eta", firstAxis: "x0"), "My.dll"));
        Assert.Contains("the first named 'eta'", e.Message, StringComparison.Ordinal);
    }

    /// <summary>L(x) = ½x²: the smallest model that satisfies the contract.</summary>
    private struct HalfSquare<T> : IGdModel<HalfSquare<T>, T>
        where T : struct, IReal<T>
    {
        public T Eta;
        public T X;

        public static int ParameterCount => 1;

        public static int ExtraCount => 0;

        public readonly T StepSize => Eta;

        public static HalfSquare<T> Create(in GridPoint<T> point, in ModelData data) => new() { Eta = point.V0, X = point.V1 };

        public readonly T Parameter(int k) => X;

        public readonly double Extra(int k) => 0;

        public readonly StepInfo<T> Evaluate()
        {
            var copy = this;
            return copy.Step();
        }

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

    private sealed class HalfSquareInfo(string name, bool f32 = true, string firstAxis = "eta") : ModelInfo, IKernelFamily
    {
        public override string Name => name;

        public override string Description => "½x²";

        public override IReadOnlyList<AxisInfo> Axes => [new(firstAxis, 0.5, "first"), new("x1", 1, "initial x")];

        public override IReadOnlyList<string> Parameters => ["x"];

        public override IReadOnlyList<LossKind> Losses => [LossKind.Square];

        public override LossKind DefaultLoss => LossKind.Square;

        public override IReadOnlyList<string> Theory => [];

        public ITrajectoryKernel Make<TLoss, T>()
            where TLoss : struct, ILoss
            where T : struct, IScalar<T> =>
            f32 || typeof(T) != typeof(R32) ? new TrajectoryKernel<HalfSquare<T>, T>() : throw new NotSupportedException("no f32 kernel");
    }

    private sealed class NoKernelInfo : ModelInfo
    {
        public override string Name => "no-kernel";

        public override string Description => "a description only";

        public override IReadOnlyList<AxisInfo> Axes => [new("eta", 0.5, "step size")];

        public override IReadOnlyList<string> Parameters => ["x"];

        public override IReadOnlyList<LossKind> Losses => [LossKind.Square];

        public override LossKind DefaultLoss => LossKind.Square;

        public override IReadOnlyList<string> Theory => [];
    }
}
