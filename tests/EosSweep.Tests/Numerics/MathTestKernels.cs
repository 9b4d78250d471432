using EosSweep.Kernels.Numerics;
using ILGPU;

namespace EosSweep.Tests.Numerics;

/// <summary>A kernel that runs the project's f64 math, for backend-equality and offline-compile tests.</summary>
public static class MathTestKernels
{
    /// <summary>Number of functions <see cref="Evaluate"/> writes per input.</summary>
    public const int FunctionCount = 7;

    /// <summary>
    /// For input n values, writes output[i + k·n] = Erfc, NormalCdf, Tanh, Log1p, Exp, Sin, Cos (k = 0…6) of input[i];
    /// output holds <see cref="FunctionCount"/>·n values.
    /// </summary>
    public static void Evaluate(Index1D i, ArrayView<double> input, ArrayView<double> output)
    {
        var x = new R64(input[i]);
        int n = (int)input.Length;
        output[i] = PMath.Erfc(x).V;
        output[i + n] = PMath.NormalCdf(x).V;
        output[i + (2 * n)] = PMath.Tanh(x).V;
        output[i + (3 * n)] = PMath.Log1p(x).V;
        output[i + (4 * n)] = PMath.Exp(x).V;
        output[i + (5 * n)] = PMath.Sin(x).V;
        output[i + (6 * n)] = PMath.Cos(x).V;
    }

    /// <summary>The same values as <see cref="Evaluate"/>, computed on the host.</summary>
    public static double[] EvaluateOnHost(double[] input)
    {
        int n = input.Length;
        var output = new double[FunctionCount * n];
        for (int i = 0; i < n; i++)
        {
            var x = new R64(input[i]);
            output[i] = PMath.Erfc(x).V;
            output[i + n] = PMath.NormalCdf(x).V;
            output[i + (2 * n)] = PMath.Tanh(x).V;
            output[i + (3 * n)] = PMath.Log1p(x).V;
            output[i + (4 * n)] = PMath.Exp(x).V;
            output[i + (5 * n)] = PMath.Sin(x).V;
            output[i + (6 * n)] = PMath.Cos(x).V;
        }

        return output;
    }
}
