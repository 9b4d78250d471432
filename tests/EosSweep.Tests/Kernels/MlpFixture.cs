using EosSweep.Core;
using EosSweep.Engine;
using EosSweep.Kernels.Execution;
using EosSweep.Kernels.Models;
using EosSweep.Kernels.Numerics;
using EosSweep.Tests.Engine;
using ILGPU;
using ILGPU.Runtime;

namespace EosSweep.Tests.Kernels;

/// <summary>
/// One mlp data set (width m = 3, d = 2 inputs, n = 9 points = the parameter count, seed 5; sharpness at the first
/// step and the final point only) on the CPU accelerator, with a batch of one, so scratch slot k is θ_k.
/// </summary>
public sealed class MlpFixture : IDisposable
{
    public const int M = 3;

    public const int D = 2;

    public MlpFixture()
    {
        Spec = SweepHarness.Spec(new SweepSettings
        {
            Model = "mlp",
            Steps = 100,
            Axes = new Dictionary<string, string> { ["eta1"] = "0.1", ["eta2"] = "0.1", ["m"] = $"{M}", ["d"] = $"{D}", ["seed"] = "5" },
            Options = new Dictionary<string, string> { ["sharpness_every"] = "end" },
        });
        Context = AcceleratorFactory.CreateContext();
        Accelerator = AcceleratorFactory.Create(Context, AcceleratorChoice.Cpu);
        Data = MlpModelInfo.Instance.Prepare(Spec, Accelerator, 1);
    }

    /// <summary>Parameters m·(d + 1).</summary>
    public int P => M * (D + 1);

    public SweepSpec Spec { get; }

    public Context Context { get; }

    public Accelerator Accelerator { get; }

    public ModelDataBuffers Data { get; }

    /// <summary>A model at θ (W row by row, then v) with step sizes η₁, η₂; activation 0 tanh, 1 relu, 2 identity.</summary>
    public MlpModel<R64> At(double[] theta, int activation, double eta1 = 1.0, double eta2 = 1.0)
    {
        var p = default(GridPoint<R64>);
        p.V0 = new R64(eta1);
        p.V1 = new R64(eta2);
        p.V2 = new R64(0);
        p.V3 = new R64(M);
        p.V4 = new R64(D);
        p.V5 = new R64(0);
        p.Seed = 5;
        p.Flags = activation;
        var model = MlpModel<R64>.Create(p, Data.Views);
        for (int k = 0; k < P; k++)
        {
            Data.Views.Scratch[k] = theta[k];
        }

        return model;
    }

    /// <summary>θ read back from the scratch.</summary>
    public double[] Theta()
    {
        var t = new double[P];
        for (int k = 0; k < P; k++)
        {
            t[k] = Data.Views.Scratch[k];
        }

        return t;
    }

    /// <summary>∇L(θ): one step with η₁ = η₂ = 1 moves θ by −∇L (no component is near the flush threshold).</summary>
    public double[] Gradient(double[] theta, int activation)
    {
        var m = At(theta, activation);
        m.Step();
        var after = Theta();
        return theta.Select((v, k) => v - after[k]).ToArray();
    }

    public void Dispose()
    {
        Data.Dispose();
        Accelerator.Dispose();
        Context.Dispose();
    }
}
