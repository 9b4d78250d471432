using EosSweep.Core.Grid;
using EosSweep.Storage;

namespace EosSweep.Engine;

/// <summary>Where and how a dense sweep writes: the directory rules and the slice of the grid.</summary>
public sealed record RunTarget
{
    /// <summary>Rows per part file unless the run says otherwise.</summary>
    public const int DefaultRowsPerPart = DataSetWriterOptions.DefaultRowsPerPart;

    /// <summary>Replace a data set already in the directory.</summary>
    public bool Overwrite { get; init; }

    /// <summary>Continue the data set in the directory; refuse a directory without one.</summary>
    public bool Resume { get; init; }

    /// <summary>The shard to run (default the whole grid).</summary>
    public Shard Shard { get; init; } = Shard.Whole;

    /// <summary>Rows per part file.</summary>
    public int RowsPerPart { get; init; } = DefaultRowsPerPart;

    /// <summary>Watches the data set writer pass each point of its write protocol (null: nobody).</summary>
    public IWriteObserver? Observer { get; init; }
}
