using System.Text.Json;
using DuckDB.NET.Data;
using EosSweep.Core;
using EosSweep.Core.Results;
using EosSweep.Storage;

namespace EosSweep.Tests.Storage;

/// <summary>Writes the 60-row test sweep in 9 batches of ≤ 7 rows with 15 rows per part (rounded up to whole batches:
/// parts of 21, 21 and 18 rows) and reads it back through our reader and through DuckDB.</summary>
public sealed class DataSetRoundTripTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly SweepSpec _spec = StorageData.Spec();

    public void Dispose() => _temp.Dispose();

    private static readonly string[] NumericColumns =
    [
        ResultColumns.TrajId, "eta", "x0", "y0", "seed", "final_x", "final_y",
        ResultColumns.FinalLoss, ResultColumns.MinLoss, ResultColumns.SharpnessFinal, ResultColumns.SharpnessMax,
        ResultColumns.StabilityRatio, ResultColumns.Steps, ResultColumns.Diverged, ResultColumns.DivergedStep,
    ];

    [Fact]
    public async Task ReadTable_ReturnsEveryWrittenValueBitForBit()
    {
        var dir = _temp.Sub("ds");
        await StorageData.WriteAsync(dir, _spec);

        var reader = await DataSetReader.OpenAsync(dir);
        var table = await reader.ReadTableAsync(NumericColumns);

        Assert.True(reader.Complete);
        Assert.Equal(60, reader.RowCount);
        Assert.Equal(60, table.Count);
        AssertTableMatches(table);
    }

    [Fact]
    public async Task ReadTable_PartsWrittenOutOfOrder_RowsComeSortedByTrajId()
    {
        var dir = _temp.Sub("ds");
        await StorageData.WriteAsync(dir, _spec, reverseParts: true);

        var table = await (await DataSetReader.OpenAsync(dir)).ReadTableAsync(NumericColumns);

        AssertTableMatches(table);
    }

    [Fact]
    public async Task Reader_ExposesSettingsAndPartMetadata()
    {
        var dir = _temp.Sub("ds");
        await StorageData.WriteAsync(dir, _spec);

        var reader = await DataSetReader.OpenAsync(dir);

        Assert.Equal(SpecJson.Write(_spec), SpecJson.Write(SpecResolver.Resolve(reader.Settings, [FakeXyModel.Instance])));
        Assert.Equal(3, reader.PartFiles.Count);
        foreach (var part in reader.PartFiles)
        {
            var kv = reader.Metadata(part);
            Assert.Equal(SpecJson.Write(_spec), kv[DataSetLayout.SpecKey]);
            Assert.Equal(DataSetLayout.EngineVersion, kv[DataSetLayout.VersionKey]);
            Assert.Equal("CPUAccelerator (test)", kv["accelerator"]);
            Assert.Equal("f64", kv["precision"]);
        }
    }

    [Fact]
    public async Task DuckDb_ReadsTheSameColumnsTypesAndValues()
    {
        var dir = _temp.Sub("ds");
        await StorageData.WriteAsync(dir, _spec);
        using var con = new DuckDBConnection("Data Source=:memory:");
        con.Open();
        var glob = Path.Combine(dir, DataSetLayout.PartGlob);

        var schema = Query(con, $"DESCRIBE SELECT * FROM read_parquet('{glob}')", r => r.GetString(0) + " " + r.GetString(1));
        var rows = Query(con, $"SELECT * FROM read_parquet('{glob}') ORDER BY traj_id", r =>
        {
            var values = new object[r.FieldCount];
            r.GetValues(values);
            return values;
        });

        string[] expectedSchema =
        [
            "traj_id BIGINT", "model VARCHAR", "loss VARCHAR", "eta DOUBLE", "x0 DOUBLE", "y0 DOUBLE", "seed BIGINT",
            "final_x DOUBLE", "final_y DOUBLE", "final_loss DOUBLE", "min_loss DOUBLE", "sharpness_final DOUBLE",
            "sharpness_max DOUBLE", "stability_ratio DOUBLE", "steps INTEGER", "diverged BOOLEAN",
            "diverged_step INTEGER", "regime VARCHAR",
        ];
        Assert.Equal(expectedSchema, schema);
        Assert.Equal(60, rows.Count);
        var grid = _spec.Grid;
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            long id = i;
            Assert.Equal(id, (long)row[0]);
            Assert.Equal("fake_xy", (string)row[1]);
            Assert.Equal("logistic", (string)row[2]);
            Assert.Equal(grid.Value(id, 0), (double)row[3]);
            Assert.Equal(grid.Value(id, 1), (double)row[4]);
            Assert.Equal(grid.Value(id, 2), (double)row[5]);
            Assert.Equal((long)grid.Value(id, 3), (long)row[6]);
            for (int c = 0; c < 7; c++)
            {
                // double.Equals: NaN equals NaN (DuckDB need not keep the NaN payload bits).
                Assert.True(StorageData.Double(id, c).Equals((double)row[7 + c]), $"row {id} column {c}: {row[7 + c]}");
            }

            Assert.Equal(StorageData.Steps(id), (int)row[14]);
            Assert.Equal(StorageData.Regime(id) == Regime.Diverged, (bool)row[15]);
            Assert.Equal(StorageData.DivergedStep(id), (int)row[16]);
            Assert.Equal(RegimeRules.Name(StorageData.Regime(id)), (string)row[17]);
        }
    }

    [Fact]
    public async Task DuckDb_SeesTheSpecInEveryPartsMetadata()
    {
        var dir = _temp.Sub("ds");
        await StorageData.WriteAsync(dir, _spec);
        using var con = new DuckDBConnection("Data Source=:memory:");
        con.Open();

        var parts = Directory.GetFiles(dir, DataSetLayout.PartGlob);
        Assert.Equal(3, parts.Length);
        foreach (var part in parts)
        {
            var kv = Query(con, $"SELECT decode(key), decode(value) FROM parquet_kv_metadata('{part}')", r => (r.GetString(0), r.GetString(1)))
                .ToDictionary(p => p.Item1, p => p.Item2);
            Assert.Equal(SpecJson.Write(_spec), kv[DataSetLayout.SpecKey]);
            Assert.Equal("f64", kv["precision"]);
        }
    }

    [Fact]
    public async Task Complete_LeavesNoTempFilesAndTheManifestListsEveryPart()
    {
        var dir = _temp.Sub("ds");
        await StorageData.WriteAsync(dir, _spec);

        var names = StorageData.EntryNames(dir);
        Assert.Equal(
            [".shard-0-of-1.lock", "_manifest.json", "_shard-0-of-1.json", "part-0000000000-0000000020.parquet",
                "part-0000000021-0000000041.parquet", "part-0000000042-0000000059.parquet", "sweep.json"],
            names);

        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, DataSetLayout.ManifestFile)));
        var root = doc.RootElement;
        Assert.True(root.GetProperty("complete").GetBoolean());
        Assert.Equal(60, root.GetProperty("rows").GetInt64());
        var parts = root.GetProperty("parts").EnumerateArray()
            .Select(p => (p.GetProperty("file").GetString(), p.GetProperty("rows").GetInt64(),
                p.GetProperty("first_traj_id").GetInt64(), p.GetProperty("last_traj_id").GetInt64()))
            .ToArray();
        Assert.Equal(
            [("part-0000000000-0000000020.parquet", 21L, 0L, 20L), ("part-0000000021-0000000041.parquet", 21L, 21L, 41L),
                ("part-0000000042-0000000059.parquet", 18L, 42L, 59L)],
            parts);
    }

    [Fact]
    public async Task SweepJson_HoldsEngineVersionSpecAndRunInfo()
    {
        var dir = _temp.Sub("ds");
        await StorageData.WriteAsync(dir, _spec);

        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, DataSetLayout.SweepFile)));
        var root = doc.RootElement;

        Assert.Equal(DataSetLayout.EngineVersion, root.GetProperty("engine_version").GetString());
        var settings = SpecJson.Parse(root.GetProperty("spec").GetRawText());
        Assert.Equal(SpecJson.Write(_spec), SpecJson.Write(SpecResolver.Resolve(settings, [FakeXyModel.Instance])));
        Assert.Equal("CPUAccelerator (test)", root.GetProperty("run").GetProperty("accelerator").GetString());
    }

    private void AssertTableMatches(ResultTable table)
    {
        var grid = _spec.Grid;
        var finals = new[] { "final_x", "final_y" };
        for (int i = 0; i < table.Count; i++)
        {
            long id = i;
            Assert.Equal(id, table.Column(ResultColumns.TrajId)[i]);
            for (int k = 0; k < 4; k++)
            {
                Assert.Equal(grid.Value(id, k), table.Column(_spec.Axes[k].Name)[i]);
            }

            for (int c = 0; c < 7; c++)
            {
                var name = c < 2 ? finals[c] : ResultLayout.MeasureNames[c - 2];
                Assert.Equal(BitConverter.DoubleToInt64Bits(StorageData.Double(id, c)), BitConverter.DoubleToInt64Bits(table.Column(name)[i]));
            }

            Assert.Equal(StorageData.Steps(id), table.Column(ResultColumns.Steps)[i]);
            Assert.Equal(StorageData.Regime(id) == Regime.Diverged ? 1.0 : 0.0, table.Column(ResultColumns.Diverged)[i]);
            Assert.Equal(StorageData.DivergedStep(id), table.Column(ResultColumns.DivergedStep)[i]);
            Assert.Equal(StorageData.Regime(id), table.Regimes[i]);
        }
    }

    private static List<T> Query<T>(DuckDBConnection con, string sql, Func<System.Data.Common.DbDataReader, T> map)
    {
        using var cmd = con.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
