using EosSweep.Kernels.Numerics;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;

namespace EosSweep.Tests.Numerics;

public sealed class MathKernelTests
{
    [Fact]
    public void CpuAccelerator_MatchesHost_Bitwise()
    {
        double[] input = Inputs();
        double[] expected = MathTestKernels.EvaluateOnHost(input);

        using var context = Context.Create(b => b.CPU(new CPUDevice(4, 1, 2)).EnableAlgorithms().EnableFusedMultiplyAdd());
        using var accelerator = context.GetCPUDevice(0).CreateCPUAccelerator(context, CPUAcceleratorMode.Parallel);
        var kernel = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<double>, ArrayView<double>>(MathTestKernels.Evaluate);
        using var inputBuffer = accelerator.Allocate1D(input);
        using var outputBuffer = accelerator.Allocate1D<double>(expected.Length);
        kernel(input.Length, inputBuffer.View, outputBuffer.View);
        accelerator.Synchronize();
        double[] actual = outputBuffer.GetAsArray1D();

        for (int k = 0; k < expected.Length; k++)
        {
            if (BitConverter.DoubleToInt64Bits(expected[k]) != BitConverter.DoubleToInt64Bits(actual[k]))
            {
                Assert.Fail($"function {k / input.Length} at x = {input[k % input.Length]:R}: host {expected[k]:R}, kernel {actual[k]:R}");
            }
        }
    }

    /// <summary>Seeded values over every interval of every function, plus the special values.</summary>
    private static double[] Inputs()
    {
        double[] special =
        {
            0.0, -0.0, 1.0, -1.0, double.Epsilon, 1e-300, 0.25, 0.84375, 1.25, 2.857142857142857, 22.0, 28.0,
            -28.0, 40.0, -40.0, 709.0, 710.0, -708.0, 1e300, -1e300, double.MaxValue,
            double.PositiveInfinity, double.NegativeInfinity, double.NaN,
        };
        var wide = Samples.Uniform(61, -45.0, 45.0, count: 6_000);
        var narrow = Samples.Uniform(62, -3.0, 3.0, count: 2_000);
        var tiny = Samples.LogUniform(63, 1e-300, 1e-3, signed: true, count: 500);
        var exp = Samples.Uniform(64, -720.0, 720.0, count: 500);
        return [.. special, .. wide, .. narrow, .. tiny, .. exp];
    }
}
