using System.Globalization;
using EosSweep.Analysis;
using EosSweep.Storage;

namespace EosSweep.Tests.Cli;

/// <summary>Compares two complete data sets value for value.</summary>
internal static class DataSetAssert
{
    private static readonly string[] TextColumns = ["model", "loss", "regime"];

    /// <summary>Same row count, every traj_id exactly once, and every numeric column and regime bit-identical.</summary>
    public static void Identical(string expectedDir, string actualDir)
    {
        var expected = DataSetReader.OpenAsync(expectedDir).GetAwaiter().GetResult();
        var actual = DataSetReader.OpenAsync(actualDir).GetAwaiter().GetResult();
        Assert.True(actual.Complete);
        Assert.Equal(expected.RowCount, actual.RowCount);

        var counts = SqlQuery.Run(actualDir, "SELECT count(*), count(DISTINCT traj_id), min(traj_id), max(traj_id) FROM trajectories").Rows[0];
        Assert.Equal(
            [expected.RowCount, expected.RowCount, 0, expected.RowCount - 1],
            counts.Select(c => long.Parse(c!, CultureInfo.InvariantCulture)).ToArray());

        var columns = expected.Columns.Where(c => !TextColumns.Contains(c)).ToArray();
        Assert.Equal(expected.Columns, actual.Columns);
        var a = expected.ReadTableAsync(columns).GetAwaiter().GetResult();
        var b = actual.ReadTableAsync(columns).GetAwaiter().GetResult();
        Assert.Equal(a.Regimes, b.Regimes);
        foreach (var name in columns)
        {
            var x = a.Column(name);
            var y = b.Column(name);
            for (int i = 0; i < x.Length; i++)
            {
                Assert.True(
                    BitConverter.DoubleToInt64Bits(x[i]) == BitConverter.DoubleToInt64Bits(y[i]),
                    $"column {name}, row {i}: {x[i]:R} expected, {y[i]:R} found");
            }
        }
    }
}
