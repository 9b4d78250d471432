using System.Globalization;

namespace EosSweep.Tests.Cli;

/// <summary>
/// <c>run --spec FILE.json</c> with a valid file: it runs, the stored sweep is the file's value by value, and the
/// layers merge as the README says — flags over the file over <c>--preset</c>, axes merged by name.
/// </summary>
public sealed class SpecFileTests
{
    private static string WriteSpec(string json)
    {
        var path = CliRunner.TempDir() + ".json";
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void ValidSpecFile_Runs_AndTheStoredSweepAndRowsAreTheFilesValues()
    {
        // The README's example file, on a grid small enough for a test, with the regime thresholds set too.
        var file = WriteSpec("""
            {
              "model": "xy", "loss": "sqrt",
              "axes": { "eta": "log:0.01:1:8", "y0": "lin:0.5:10:6", "x0": "0.1" },
              "steps": 2000, "precision": "f64", "accelerator": "cpu",
              "tol": 1e-9, "diverge_bound": 1e6, "eos_margin": 0.05
            }
            """);
        var dir = PresetRun.Run("run", "--spec", file);

        var spec = PresetRun.StoredSpec(dir);
        Assert.Equal("xy", spec.GetProperty("model").GetString());
        Assert.Equal("sqrt", spec.GetProperty("loss").GetString());
        Assert.Equal(
            new Dictionary<string, string> { ["eta"] = "log:0.01:1:8", ["y0"] = "lin:0.5:10:6", ["x0"] = "0.1", ["seed"] = "0" },
            PresetRun.StoredAxes(dir));
        Assert.Equal(2000, spec.GetProperty("steps").GetInt32());
        Assert.Equal("f64", spec.GetProperty("precision").GetString());
        Assert.Equal("cpu", spec.GetProperty("accelerator").GetString());
        Assert.Equal(1e-9, spec.GetProperty("tol").GetDouble());
        Assert.Equal(1e6, spec.GetProperty("diverge_bound").GetDouble());
        Assert.Equal(0.05, spec.GetProperty("eos_margin").GetDouble());

        // The rows hold the file's grid: 8 log-spaced η from 0.01 to 1 (η slowest) × 6 y0 from 0.5 to 10, computed here
        // from the axis definitions (relative 1e-15: a few roundings of the spacing formula), x0 = 0.1, the sqrt loss.
        var rows = ParquetRows.Read(Path.Combine(dir, "part-*.parquet"));
        Assert.Equal(48, rows.Rows.Count);
        for (int r = 0; r < 48; r++)
        {
            Assert.Equal((long)r, rows.Value(r, "traj_id"));
            Assert.Equal("sqrt", rows.Value(r, "loss"));
            Assert.Equal(0.1, rows.Value(r, "x0"));
            Near(0.01 * Math.Pow(100, (r / 6) / 7.0), (double)rows.Value(r, "eta"));
            Near(0.5 + (9.5 * (r % 6) / 5), (double)rows.Value(r, "y0"));
            Assert.InRange((int)rows.Value(r, "steps"), 1, 2000);
        }
    }

    [Fact]
    public void FlagsOverrideTheFile_AndTheFileOverridesThePreset_ValueByValue()
    {
        // Three layers, each field set where the README's order decides it:
        //   preset quickstart: model xy, loss logistic, eta log:0.05:1:40, y0 lin:0.5:16:40, x0 0.1, steps 100000;
        //   file:              loss sqrt, eta log:0.1:0.5:50, y0 lin:1:4:4, steps 5000, tol 1e-9, eos_margin 0.05;
        //   flags:             eta lin:0.2:0.6:3, steps 7.
        var file = WriteSpec("""
            { "loss": "sqrt", "axes": { "eta": "log:0.1:0.5:50", "y0": "lin:1:4:4" }, "steps": 5000, "tol": 1e-9, "eos_margin": 0.05 }
            """);
        var dir = PresetRun.Run("run", "--preset", "quickstart", "--spec", file, "--eta", "lin:0.2:0.6:3", "--steps", "7");

        var spec = PresetRun.StoredSpec(dir);
        Assert.Equal("xy", spec.GetProperty("model").GetString());                 // preset (set nowhere else)
        Assert.Equal("sqrt", spec.GetProperty("loss").GetString());                // file over preset
        Assert.Equal(7, spec.GetProperty("steps").GetInt32());                     // flag over file over preset
        Assert.Equal(1e-9, spec.GetProperty("tol").GetDouble());                   // file over the default
        Assert.Equal(0.05, spec.GetProperty("eos_margin").GetDouble());            // file over the default
        Assert.Equal(1e8, spec.GetProperty("diverge_bound").GetDouble());          // set nowhere: the default
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["eta"] = "lin:0.2:0.6:3", // flag over file over preset
                ["y0"] = "lin:1:4:4",      // file over preset
                ["x0"] = "0.1",            // preset
                ["seed"] = "0",            // default
            },
            PresetRun.StoredAxes(dir));

        // The rows: 3 η × 4 y0 with the flag's η and the file's y0, the preset's x0, the file's loss, and the flag's
        // 7 steps (no run converges within 7 steps at tol 1e-9, and the sqrt loss's gradient is bounded, so none
        // diverges: every run takes exactly the budget).
        var rows = ParquetRows.Read(Path.Combine(dir, "part-*.parquet"));
        Assert.Equal(12, rows.Rows.Count);
        for (int r = 0; r < 12; r++)
        {
            Near(0.2 + (0.4 * (r / 4) / 2), (double)rows.Value(r, "eta"));
            Assert.Equal(1.0 + (r % 4), rows.Value(r, "y0"));
            Assert.Equal(0.1, rows.Value(r, "x0"));
            Assert.Equal("sqrt", rows.Value(r, "loss"));
            Assert.Equal(7, rows.Value(r, "steps"));
            Assert.Equal("unconverged", rows.Value(r, "regime"));
        }
    }

    /// <summary>Equal within 1e-15 relative (a few roundings of an axis' spacing formula).</summary>
    private static void Near(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-15 * Math.Abs(expected), string.Create(CultureInfo.InvariantCulture, $"{actual:R}, expected {expected:R}"));
}
