using EosSweep.Core;
using EosSweep.Engine;
using EosSweep.Kernels.Execution;
using EosSweep.Kernels.Losses;
using EosSweep.Kernels.Models;
using EosSweep.Kernels.Numerics;
using EosSweep.Tests.Engine;
using ILGPU;
using ILGPU.Runtime;

namespace EosSweep.Tests.SparseCoding;

/// <summary>One sparse-coding data set (d = 50, n = 100, 500 test samples, seed 3) on the CPU accelerator, host-readable.</summary>
public class SparseCodingFixture : IDisposable
{
    public SparseCodingFixture()
        : this(50, 100, 500, perCoordinate: false)
    {
    }

    protected SparseCodingFixture(int d, int n, int nTest, bool perCoordinate)
    {
        D = d;
        N = n;
        NTest = nTest;
        Spec = SweepHarness.Spec(new SweepSettings
        {
            Model = "sparse-coding",
            Tau = 10,
            Axes = new Dictionary<string, string> { ["eta"] = "0.01", ["d"] = $"{D}", ["n"] = $"{N}", ["n_test"] = $"{NTest}", ["seed"] = "3" },
            Options = perCoordinate ? new Dictionary<string, string> { ["second_layer"] = "per-coordinate" } : null,
        });
        Context = AcceleratorFactory.CreateContext();
        Accelerator = AcceleratorFactory.Create(Context, AcceleratorChoice.Cpu);
        Data = SparseCodingInfo.Instance.Prepare(Spec, Accelerator, 1);
    }

    public int D { get; }

    public int N { get; }

    public int NTest { get; }

    public SweepSpec Spec { get; }

    public Context Context { get; }

    public Accelerator Accelerator { get; }

    public ModelDataBuffers Data { get; }

    /// <summary>A model at (a₊, a₋, b) with step size η; flags: normalization | init &lt;&lt; 4 | step &lt;&lt; 8.</summary>
    public SparseCodingModel<Logistic1Loss, R64, SequentialSamples> Model(double aPlus, double aMinus, double b, double eta = 1.0, int flags = 0)
    {
        var p = default(GridPoint<R64>);
        p.V0 = new R64(eta);
        p.V1 = new R64(D);
        p.V2 = new R64(N);
        p.V3 = new R64(3);
        p.V4 = new R64(NTest);
        p.V5 = new R64(3);
        p.Seed = 3;
        p.Flags = flags;
        var m = SparseCodingModel<Logistic1Loss, R64, SequentialSamples>.Create(p, Data.Views);
        m.APlus = new R64(aPlus);
        m.AMinus = new R64(aMinus);
        m.B = new R64(b);
        return m;
    }

    /// <summary>Training coordinate i of sample k (sorted ascending within the sample).</summary>
    public double TrainValue(int k, int i) => Data.Views.Doubles[(k * (long)D) + i];

    public void Dispose()
    {
        Data.Dispose();
        Accelerator.Dispose();
        Context.Dispose();
        GC.SuppressFinalize(this);
    }
}
