using DuckDB.NET.Data;
using EosSweep.Storage;

namespace EosSweep.Analysis;

/// <summary>The traces of a data set (rows ordered by trajectory, then step), with each trajectory's η.</summary>
/// <param name="TrajIds">Trajectory of each row.</param>
/// <param name="Steps">Step of each row.</param>
/// <param name="Loss">Loss at the step.</param>
/// <param name="Sharpness">Sharpness at the step.</param>
/// <param name="Eta">η of each trajectory, by traj_id.</param>
public sealed record TraceTable(long[] TrajIds, long[] Steps, double[] Loss, double[] Sharpness, IReadOnlyDictionary<long, double> Eta)
{
    /// <summary>Loads <c>DIR/traces</c>, or null when the sweep traced nothing.</summary>
    public static TraceTable? Load(string dir)
    {
        var traces = Path.Combine(dir, DataSetLayout.TracesDirectory);
        if (!Directory.Exists(traces) || !Directory.EnumerateFiles(traces, "*.parquet").Any())
        {
            return null;
        }

        using var connection = SqlQuery.Open(dir);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT t.traj_id, t.step, t.loss, t.sharpness, r.eta FROM traces t JOIN trajectories r USING (traj_id) ORDER BY t.traj_id, t.step";
        var ids = new List<long>();
        var steps = new List<long>();
        var loss = new List<double>();
        var sharp = new List<double>();
        var eta = new Dictionary<long, double>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            long id = reader.GetInt64(0);
            ids.Add(id);
            steps.Add(reader.GetInt64(1));
            loss.Add(reader.GetDouble(2));
            sharp.Add(reader.GetDouble(3));
            eta[id] = reader.GetDouble(4);
        }

        return new TraceTable([.. ids], [.. steps], [.. loss], [.. sharp], eta);
    }
}
