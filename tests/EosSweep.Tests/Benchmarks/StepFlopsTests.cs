using EosSweep.Benchmarks;
using EosSweep.Core.Models;
using EosSweep.Engine;
using EosSweep.Kernels.Losses;
using EosSweep.Kernels.Models;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Tests.Benchmarks;

/// <summary>The flop table behind the bench's floor is what the model math really does.</summary>
public sealed class StepFlopsTests
{
    [Fact]
    public void XyLogisticStep_CountsTheTabledFlops()
    {
        var model = new XyModel<LogisticLoss, FlopCounter> { Eta = new(0.1), X = new(0.3), Y = new(2.0) };
        FlopCounter.Reset();
        model.Step();
        Assert.Equal(StepFlops.Of("xy", LossKind.Logistic), (int)FlopCounter.Total);
    }

    [Fact]
    public void MeanLogisticStep_CountsTheTabledFlops()
    {
        var model = new MeanModel<LogisticLoss, FlopCounter> { Eta = new(6e-4), APlus = new(0.01), AMinus = new(-0.02), B = new(-0.3), D = new(200) };
        FlopCounter.Reset();
        model.Step();
        Assert.Equal(StepFlops.Of("mean", LossKind.Logistic), (int)FlopCounter.Total);
    }

    [Fact]
    public void QuarticStep_CountsTheTabledFlops()
    {
        var model = new QuarticModel<FlopCounter> { Eta = new(0.1), X = new(1.5), Y = new(0.5) };
        FlopCounter.Reset();
        model.Step();
        Assert.Equal(StepFlops.Of("quartic", LossKind.Square), (int)FlopCounter.Total);
    }

    [Theory]
    [InlineData(false, 84)]
    [InlineData(true, 92)]
    public void CosineStep_CountsTheTabledFlops_AdditiveInTheTable(bool multiplicative, int flops)
    {
        var model = new CosineModel<FlopCounter> { Eta = new(0.1), Delta = new(0.5), K = new(2 * Math.PI), X = new(0.7), Multiplicative = multiplicative };
        FlopCounter.Reset();
        model.Step();
        Assert.Equal(flops, (int)FlopCounter.Total);
        if (!multiplicative)
        {
            Assert.Equal(StepFlops.Of("cosine", LossKind.Square), flops);
        }
    }

    [Theory]
    [InlineData(0.3, 2.0)]
    [InlineData(-40.0, 30.0)]
    [InlineData(1e-120, 1e150)]
    public void XyStepFlops_DoNotDependOnTheData(double x, double y)
    {
        // The math is branch-free, so the count (and the floor) holds for every trajectory.
        var model = new XyModel<LogisticLoss, FlopCounter> { Eta = new(0.1), X = new(x), Y = new(y) };
        FlopCounter.Reset();
        model.Step();
        Assert.Equal(StepFlops.Of("xy", LossKind.Logistic), (int)FlopCounter.Total);
    }
}
