namespace EosSweep.Core.Results;

/// <summary>
/// The results of trajectories [<see cref="Start"/>, <see cref="Start"/> + <see cref="Count"/>) in the
/// kernel's layout (<see cref="ResultLayout"/>). Buffers are allocated once per run and reused.
/// </summary>
public sealed class ResultBatch
{
    /// <summary>Allocates buffers for up to <paramref name="capacity"/> trajectories of a P-parameter model with E extra columns.</summary>
    public ResultBatch(int parameterCount, int capacity, int extraCount = 0)
    {
        ParameterCount = parameterCount;
        ExtraCount = extraCount;
        Capacity = capacity;
        Doubles = new double[ResultLayout.DoubleCount(parameterCount, extraCount) * capacity];
        Ints = new int[ResultLayout.IntCount * capacity];
    }

    /// <summary>Parameters per trajectory.</summary>
    public int ParameterCount { get; }

    /// <summary>Model-specific extra double columns.</summary>
    public int ExtraCount { get; }

    /// <summary>Trajectories the buffers hold.</summary>
    public int Capacity { get; }

    /// <summary>First trajectory index.</summary>
    public long Start { get; set; }

    /// <summary>Trajectories filled.</summary>
    public int Count { get; set; }

    /// <summary>Step-by-step rows of the batch's traced trajectories, or null when the sweep traces nothing.</summary>
    public TraceBatch? Traces { get; set; }

    /// <summary>Double columns, block per column.</summary>
    public double[] Doubles { get; }

    /// <summary>Int columns, block per column.</summary>
    public int[] Ints { get; }

    /// <summary>Double column <paramref name="c"/> of the filled rows.</summary>
    public ReadOnlyMemory<double> DoubleColumn(int c) => Doubles.AsMemory(c * Capacity, Count);

    /// <summary>Int column <paramref name="c"/> of the filled rows.</summary>
    public ReadOnlyMemory<int> IntColumn(int c) => Ints.AsMemory(c * Capacity, Count);
}
