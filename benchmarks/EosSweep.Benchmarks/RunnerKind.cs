namespace EosSweep.Benchmarks;

/// <summary>What a benchmark runner is, for the bench's ratios: engines are compared with every baseline.</summary>
public enum RunnerKind
{
    /// <summary>An EosSweep engine: an ILGPU accelerator or the CPU SIMD path.</summary>
    Engine,

    /// <summary>Baseline (a): the scalar C# driver on one thread.</summary>
    ScalarLoop,

    /// <summary>Baseline (b): the scalar C# driver in Parallel.For on every core.</summary>
    ParallelFor,

    /// <summary>Baseline (c): the numpy-vectorised script.</summary>
    Numpy,
}
