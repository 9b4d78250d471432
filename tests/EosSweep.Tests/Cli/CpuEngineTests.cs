using DuckDB.NET.Data;

namespace EosSweep.Tests.Cli;

/// <summary><c>run --accelerator cpu</c> (the SIMD path) and <c>--accelerator cpu-ilgpu</c> (ILGPU's CPU accelerator) write the same data set.</summary>
public sealed class CpuEngineTests
{
    [Theory]
    [InlineData("xy", "f64")]
    [InlineData("mean", "f32")]
    public void RunOnSimdEngine_EqualsIlgpuEngine_RowForRow(string model, string precision)
    {
        var axes = model == "xy"
            ? new[] { "--eta", "log:0.05:0.9:13", "--y0", "lin:0.5:12:7" }
            : new[] { "--eta", "log:1e-4:0.03:13", "--a-plus0", "lin:-0.3:0.3:7" };
        var dirs = new List<string>();
        foreach (var accelerator in new[] { "cpu", "cpu-ilgpu" })
        {
            var dir = CliRunner.TempDir();
            var r = CliRunner.Run(["run", "--model", model, "--precision", precision, .. axes, "--steps", "1500", "--batch", "40",
                "--accelerator", accelerator, "--out", dir]);
            Assert.True(r.ExitCode == 0, r.Stderr);
            dirs.Add(dir);
        }

        using var con = new DuckDBConnection("Data Source=:memory:");
        con.Open();
        using var cmd = con.CreateCommand();
        string a = $"read_parquet('{dirs[0]}/part-*.parquet')", b = $"read_parquet('{dirs[1]}/part-*.parquet')";
        cmd.CommandText = $"SELECT (SELECT count(*) FROM {a}), (SELECT count(*) FROM (SELECT * FROM {a} EXCEPT ALL SELECT * FROM {b})), "
            + $"(SELECT count(*) FROM (SELECT * FROM {b} EXCEPT ALL SELECT * FROM {a})), (SELECT count(DISTINCT regime) FROM {a})";
        using var q = cmd.ExecuteReader();
        Assert.True(q.Read());
        Assert.Equal(91L, q.GetInt64(0));
        Assert.Equal(0L, q.GetInt64(1));
        Assert.Equal(0L, q.GetInt64(2));
        Assert.True(q.GetInt64(3) >= 2, "the grid should mix regimes");
    }

    [Fact]
    public void UnknownAccelerator_NamesCpuIlgpu()
    {
        var r = CliRunner.Run("run", "--model", "xy", "--accelerator", "gpu0", "--out", CliRunner.TempDir());
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("cpu-ilgpu", r.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--model", "xy", "--eta", "0.1,0.2", "--steps", "50" }, true)]
    [InlineData(new[] { "--model", "sparse-coding", "--eta", "0.001,0.002", "--d", "10", "--n", "20", "--n-test", "20", "--steps", "5" }, true)]
    [InlineData(new[] { "--model", "mlp", "--eta1", "0.5,1", "--m", "4", "--d", "3", "--steps", "5" }, true)]
    [InlineData(new[] { "--model", "xy", "--eta", "0.1,0.2", "--steps", "50", "--trace", "all" }, false)]
    public void CpuRun_TakesTheSimdPath_ExceptForTraces(string[] sweep, bool simd)
    {
        // Traces are kernel-only; every model with lanes runs on them.
        var dir = CliRunner.TempDir();
        var r = CliRunner.Run(["run", .. sweep, "--accelerator", "cpu", "--out", dir]);

        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(simd, File.ReadAllText(Path.Combine(dir, "sweep.json")).Contains("SIMD", StringComparison.Ordinal));
    }

    [Fact]
    public void SparseCodingOnSampleLanes_AgreesWithTheKernel_RegimesIdentical_DoublesWithin1e12()
    {
        // Lanes over samples add the per-sample sums in lane order, so the rows agree with the kernel's to rounding.
        var dirs = new List<string>();
        foreach (var accelerator in new[] { "cpu", "cpu-ilgpu" })
        {
            var dir = CliRunner.TempDir();
            var r = CliRunner.Run(["run", "--model", "sparse-coding", "--eta", "log:0.01:3:8", "--seed", "0,1", "--d", "16", "--n", "40",
                "--n-test", "64", "--steps", "200", "--accelerator", accelerator, "--out", dir]);
            Assert.True(r.ExitCode == 0, r.Stderr);
            dirs.Add(dir);
        }

        using var con = new DuckDBConnection("Data Source=:memory:");
        con.Open();
        using var cmd = con.CreateCommand();
        cmd.CommandText = $"SELECT count(*), count(*) FILTER (WHERE a.regime <> b.regime OR a.steps <> b.steps), "
            + "max(greatest(abs(a.final_loss - b.final_loss) / greatest(abs(b.final_loss), 1e-300), abs(a.final_b - b.final_b) / greatest(abs(b.final_b), 1e-300), "
            + "abs(a.test_accuracy - b.test_accuracy))), count(DISTINCT a.regime) "
            + $"FROM read_parquet('{dirs[0]}/part-*.parquet') a JOIN read_parquet('{dirs[1]}/part-*.parquet') b USING (traj_id)";
        using var q = cmd.ExecuteReader();
        Assert.True(q.Read());
        Assert.Equal(16L, q.GetInt64(0));
        Assert.Equal(0L, q.GetInt64(1));
        Assert.True(q.GetDouble(2) < 1e-12, $"largest relative difference {q.GetDouble(2):E2}");
        Assert.True(q.GetInt64(3) >= 2, "the grid should mix regimes");
    }
}
