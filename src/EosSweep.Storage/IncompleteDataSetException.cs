using System.Globalization;
using EosSweep.Core.Grid;

namespace EosSweep.Storage;

/// <summary>The data set has no <c>_manifest.json</c>: its sweep stopped or is still running.</summary>
/// <param name="directory">The data set directory.</param>
/// <param name="done">Trajectories in sound parts.</param>
/// <param name="total">Trajectories of the sweep.</param>
/// <param name="missing">The trajectories not in any sound part.</param>
public sealed class IncompleteDataSetException(string directory, long done, long total, IReadOnlyList<IndexRange> missing)
    : DataSetException(directory, string.Create(CultureInfo.InvariantCulture,
        $"data set '{directory}' is incomplete: {done:N0} of {total:N0} trajectories are done (missing {DataSetInventory.Format(missing, 3)}); the sweep stopped or is still running"))
{
    /// <summary>Trajectories in sound parts.</summary>
    public long Done { get; } = done;

    /// <summary>Trajectories of the sweep.</summary>
    public long Total { get; } = total;

    /// <summary>The trajectories not in any sound part.</summary>
    public IReadOnlyList<IndexRange> Missing { get; } = missing;
}
