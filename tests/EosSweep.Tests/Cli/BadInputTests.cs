namespace EosSweep.Tests.Cli;

/// <summary>Every kind of bad input gives one clear line on stderr and a non-zero exit, never a stack trace.</summary>
public sealed class BadInputTests
{
    public static TheoryData<string, string[]> Cases => new()
    {
        { "unknown model 'cubic'", ["run", "--model", "cubic"] },
        { "unknown loss 'hinge'", ["run", "--model", "xy", "--loss", "hinge"] },
        { "axis --eta 'log:1:2' is malformed", ["run", "--model", "xy", "--eta", "log:1:2"] },
        { "axis --y0 'lin:0:1:x' is malformed", ["run", "--model", "xy", "--y0", "lin:0:1:x"] },
        { "axis --eta 'log:-1:1:4' is malformed: a log axis needs START > 0", ["run", "--model", "xy", "--eta", "log:-1:1:4"] },
        { "--eta must be > 0, got 0", ["run", "--model", "xy", "--eta", "0"] },
        { "--eta must be > 0, got -0.5", ["run", "--model", "xy", "--eta", "lin:-0.5:0.5:3"] },
        { "--steps must be > 0, got 0", ["run", "--model", "xy", "--steps", "0"] },
        { "--steps must be an integer, got 'ten'", ["run", "--model", "xy", "--steps", "ten"] },
        { "'NaN' is not finite", ["run", "--model", "xy", "--y0", "NaN"] },
        { "'Infinity' is not finite", ["run", "--model", "mean", "--b0", "0,Infinity"] },
        { "--tol must be finite", ["run", "--model", "xy", "--tol", "Infinity"] },
        { "axis 'y0' does not belong to model 'mean'", ["run", "--model", "mean", "--y0", "2"] },
        { "axis 'd' does not belong to model 'xy'", ["run", "--model", "xy", "--d", "200"] },
        { "unknown precision 'f16'", ["run", "--model", "xy", "--precision", "f16"] },
        { "unknown accelerator 'tpu'", ["run", "--model", "xy", "--accelerator", "tpu"] },
        { "unknown preset 'huge'", ["run", "--preset", "huge"] },
        { "no model given", ["run"] },
        { "give --steps (a fixed budget) or --tau", ["run", "--model", "xy", "--steps", "10", "--tau", "5"] },
        { "--tau must be a finite number > 0, got -1", ["run", "--model", "sparse-coding", "--tau", "-1"] },
        { "--tau 0.001 gives round(τ/η) = 0 steps at η = 0.1", ["run", "--model", "xy", "--eta", "0.1", "--tau", "0.001"] },
        { "--step must be one of fast|direct, got 'quick'", ["run", "--model", "sparse-coding", "--step", "quick"] },
        { "option 'normalization' does not belong to model 'xy'; it has no options", ["run", "--model", "xy", "--normalization", "sum"] },
        { "model 'sparse-coding' does not take loss 'logistic'", ["run", "--model", "sparse-coding", "--loss", "logistic"] },
        { "--batch must be > 0", ["run", "--model", "xy", "--batch", "0"] },
        { "cannot read spec file", ["run", "--spec", "/nonexistent/eos-sweep-spec.json"] },
        { "--d must be > 0, got -3", ["run", "--model", "mean", "--d", "-3"] },
        { "--seed must be a non-negative integer, got -1", ["run", "--model", "xy", "--seed", "-1"] },
        { "--tau must be finite, got 'NaN'", ["run", "--model", "sparse-coding", "--tau", "NaN"] },
        { "--diverge-bound must be finite, got '-Infinity'", ["run", "--model", "xy", "--diverge-bound", "-Infinity"] },
        { "--eos-margin must be finite, got 'nan'", ["run", "--model", "xy", "--eos-margin", "nan"] },
        { "--tol must be finite, got '1e999'", ["run", "--model", "xy", "--tol", "1e999"] },
        { "'NaN' is not finite", ["run", "--model", "xy", "--eta", "0.1,NaN"] },
        { "'Infinity' is not finite", ["run", "--model", "xy", "--x0", "lin:0:Infinity:3"] },
        { "'-1e400' is not finite", ["run", "--model", "mean", "--a-plus0", "log:1:-1e400:3"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void BadInput_OneLineOnStderr_NonZeroExit(string expected, string[] args)
    {
        var r = CliRunner.Run(args);
        Assert.NotEqual(0, r.ExitCode);
        Assert.Single(r.ErrorLines);
        Assert.Contains(expected, r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cuda")]
    [InlineData("opencl")]
    public void GpuAccelerator_AbsentIsOneClearLine_PresentRunsTheSweep(string kind)
    {
        // Whether the device is here decides what is right; the output always goes to a temporary directory.
        var dir = CliRunner.TempDir();

        var r = CliRunner.Run("run", "--model", "xy", "--eta", "0.1,0.2", "--y0", "1,2", "--steps", "50", "--accelerator", kind, "--out", dir);

        if (!GpuHost.Has(kind))
        {
            Assert.Equal(2, r.ExitCode);
            var line = Assert.Single(r.ErrorLines);
            Assert.StartsWith($"eos-sweep: error: no {kind} accelerator is present", line, StringComparison.Ordinal);
            Assert.False(Directory.Exists(dir));
        }
        else
        {
            Assert.True(r.ExitCode == 0, r.Stderr);
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "sweep.json")));
            Assert.Equal(kind, doc.RootElement.GetProperty("run").GetProperty("accelerator_kind").GetString());
            Assert.Equal(4, doc.RootElement.GetProperty("trajectories").GetInt32());
        }
    }

    [Theory]
    [InlineData("{ \"model\": \"xy\", \"steps\": }", "is not a valid sweep spec")]
    [InlineData("{ \"model\": \"xy\", \"stepz\": 10 }", "is not a valid sweep spec")]
    [InlineData("{ \"model\": \"xy\", \"steps\": \"many\" }", "is not a valid sweep spec")]
    [InlineData("{ \"model\": \"xy\", \"axes\": { \"eta\": \"log:0:1:3\" } }", "a log axis needs START > 0")]
    [InlineData("[1, 2]", "is not a valid sweep spec")]
    [InlineData("{ \"model\": \"xy\", \"tol\": NaN }", "is not a valid sweep spec")]
    [InlineData("{ \"model\": \"xy\", \"tol\": \"NaN\" }", "is not a valid sweep spec")]
    [InlineData("{ \"model\": \"xy\", \"tau\": 1e400 }", "--tau must be a finite number > 0, got Infinity")]
    [InlineData("{ \"model\": \"xy\", \"diverge_bound\": -1e999 }", "--diverge-bound must be a finite number > 0, got -Infinity")]
    [InlineData("{ \"model\": \"xy\", \"axes\": { \"y0\": \"1,Infinity\" } }", "'Infinity' is not finite")]
    [InlineData("{ \"model\": \"xy\", \"axes\": { \"eta\": \"lin:NaN:1:3\" } }", "'NaN' is not finite")]
    [InlineData("", "is not a valid sweep spec")]
    public void InvalidSpecFile_OneLineOnStderr(string json, string expected)
    {
        var file = Path.Combine(Path.GetTempPath(), $"eos-spec-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, json);
        try
        {
            var r = CliRunner.Run("run", "--spec", file, "--out", CliRunner.TempDir());
            Assert.Equal(2, r.ExitCode);
            Assert.Single(r.ErrorLines);
            Assert.Contains(expected, r.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void OutputDirectoryWithDifferentSweep_IsRefused_AndKeepsItsData()
    {
        var dir = CliRunner.TempDir();
        var first = CliRunner.Run("run", "--model", "xy", "--eta", "0.1,0.2", "--y0", "1,2", "--steps", "50", "--out", dir);
        Assert.Equal(0, first.ExitCode);
        var files = Directory.GetFiles(dir).Select(f => (f, File.ReadAllBytes(f))).ToList();

        var second = CliRunner.Run("run", "--model", "xy", "--eta", "0.3", "--steps", "50", "--out", dir);
        Assert.Equal(2, second.ExitCode);
        Assert.Single(second.ErrorLines);
        Assert.Contains("holds a different sweep", second.Stderr, StringComparison.Ordinal);
        foreach (var (f, bytes) in files)
        {
            Assert.Equal(bytes, File.ReadAllBytes(f));
        }

        var third = CliRunner.Run("run", "--model", "xy", "--eta", "0.3", "--steps", "50", "--out", dir, "--overwrite");
        Assert.Equal(0, third.ExitCode);
    }

    [Fact]
    public void SummarizeMissingDirectory_OneLine()
    {
        var r = CliRunner.Run("summarize", "/nonexistent/eos-sweep-data");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Single(r.ErrorLines);
    }

    [Fact]
    public void RealProcess_BadInput_PrintsNoStackTrace()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "eos-sweep.dll");
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet", [dll, "run", "--model", "xy", "--eta", "log:1"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var p = System.Diagnostics.Process.Start(psi)!;
        string err = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(2, p.ExitCode);
        Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("eos-sweep: error: axis --eta 'log:1' is malformed", err, StringComparison.Ordinal);
    }
}
