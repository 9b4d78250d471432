using EosSweep.Core;
using EosSweep.Engine;
using EosSweep.Storage;
using EosSweep.Tests.Cli;

namespace EosSweep.Tests.UserModels;

/// <summary>
/// The sample user model (samples/MyModel, model <c>wd-xy</c>) built as a user builds it, then loaded with
/// <c>--model-assembly</c> and run, listed and summarised through the CLI; and the one-line errors for bad assemblies.
/// </summary>
[Collection(HeavyProcesses.Name)]
public sealed class UserModelCliTests(UserModelBuild build) : IClassFixture<UserModelBuild>
{
    private static readonly string[] Grid = ["--eta", "0.3,1.0,1.08,1.3,2.5", "--decay", "0.1,0.3", "--x0", "1.5", "--y0", "0.5", "--steps", "3000"];

    [Theory]
    [InlineData("cpu")]
    [InlineData("cpu-ilgpu")]
    public async Task SampleModel_RunThroughCli_EqualsHandWrittenLoop(string accelerator)
    {
        var dir = CliRunner.TempDir();
        var r = CliRunner.Run(["run", "--model-assembly", build.SampleDll, "--model", "wd-xy", .. Grid, "--accelerator", accelerator, "--out", dir]);
        Assert.True(r.ExitCode == 0, r.Stderr);

        var reader = await DataSetReader.OpenAsync(dir);
        var table = await reader.ReadTableAsync(["traj_id", "eta", "decay", "x0", "y0", "final_x", "final_y", "final_loss", "sharpness_final", "steps"]);
        Assert.Equal(10, table.Count);
        var regimes = new HashSet<Regime>();
        for (int i = 0; i < table.Count; i++)
        {
            var want = WeightDecayXyReference.Run(table.Column("eta")[i], table.Column("decay")[i], table.Column("x0")[i], table.Column("y0")[i], steps: 3000);
            string row = $"row {table.Column("traj_id")[i]} (eta {table.Column("eta")[i]}, decay {table.Column("decay")[i]})";
            Assert.True(Bits(want.X) == Bits(table.Column("final_x")[i]), $"{row}: final_x {table.Column("final_x")[i]:R}, reference {want.X:R}");
            Assert.True(Bits(want.Y) == Bits(table.Column("final_y")[i]), $"{row}: final_y {table.Column("final_y")[i]:R}, reference {want.Y:R}");
            Assert.True(Bits(want.FinalLoss) == Bits(table.Column("final_loss")[i]), $"{row}: final_loss");
            Assert.True(Bits(want.Sharpness) == Bits(table.Column("sharpness_final")[i]), $"{row}: sharpness_final");
            Assert.Equal(want.Steps, (int)table.Column("steps")[i]);
            Assert.Equal(want.Regime, table.Regimes[i]);
            regimes.Add(table.Regimes[i]);
        }

        // The grid crosses η = 1/(1 − λ): converging and non-converging rows both occur, so the comparison covers both.
        Assert.Contains(Regime.Gf, regimes);
        Assert.True(regimes.Count >= 3, string.Join(", ", regimes));
    }

    [Fact]
    public void SampleModel_SummarizeAndQuery_WorkOnItsDataSet()
    {
        var dir = CliRunner.TempDir();
        Assert.Equal(0, CliRunner.Run(["run", "--model-assembly", build.SampleDll, "--model", "wd-xy", "--eta", "lin:0.2:1.6:12", "--decay", "lin:0:0.5:8", "--steps", "2000", "--out", dir]).ExitCode);

        var summary = CliRunner.Run("summarize", dir, "--model-assembly", build.SampleDll);
        Assert.True(summary.ExitCode == 0, summary.Stderr);
        Assert.Contains("check no_stable_minimiser", summary.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL", summary.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir, "report", "regime.png")));

        // The data set is plain Parquet: query needs no assembly.
        var query = CliRunner.Run("query", dir, "select count(*) n from trajectories where model = 'wd-xy'");
        Assert.True(query.ExitCode == 0, query.Stderr);
        Assert.Contains("96", query.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ResumeWithoutAssembly_NamesTheFlag()
    {
        var dir = CliRunner.TempDir();
        Assert.Equal(0, CliRunner.Run(["run", "--model-assembly", build.SampleDll, "--model", "wd-xy", "--eta", "0.5", "--steps", "10", "--out", dir]).ExitCode);

        // Reading needs only sweep.json (Cli/DataSetWithoutModelTests); computing more needs the model's code.
        var r = CliRunner.Run("run", "--resume", "--out", dir);
        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.ErrorLines);
        Assert.Contains("model 'wd-xy', which is not loaded", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("--model-assembly MyModel.dll", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ModelsCommand_ListsTheSampleModel_OnlyWithItsAssembly()
    {
        var with = CliRunner.Run("models", "--model-assembly", build.SampleDll);
        Assert.Equal(0, with.ExitCode);
        Assert.Contains("wd-xy: L(x, y) = ½(xy − 1)² + (λ/2)(x² + y²)", with.Stdout, StringComparison.Ordinal);
        Assert.Contains("--decay", with.Stdout, StringComparison.Ordinal);

        // The load is scoped to that command: neither a later command nor this thread's catalog sees the model.
        Assert.DoesNotContain("wd-xy", CliRunner.Run("models").Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(ModelCatalog.All, m => m.Name == "wd-xy");
    }

    [Fact]
    public void MissingAssembly_OneLine()
    {
        var r = CliRunner.Run("run", "--model-assembly", "/nonexistent/My.dll", "--model", "wd-xy");
        AssertOneLine(r, "--model-assembly '/nonexistent/My.dll' not found");
    }

    [Fact]
    public void NotADotNetAssembly_OneLine()
    {
        var file = Path.Combine(CliRunner.TempDir() + ".dll");
        File.WriteAllBytes(file, [0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0]);
        var r = CliRunner.Run("run", "--model-assembly", file, "--model", "wd-xy");
        AssertOneLine(r, "is not a .NET assembly");
    }

    [Fact]
    public void ModelMissingFromAssembly_OneLine()
    {
        var r = CliRunner.Run("run", "--model-assembly", build.SampleDll, "--model", "my-model");
        AssertOneLine(r, "unknown model 'my-model'; expected one of: xy, mean");
        Assert.Contains("wd-xy", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AssemblyWithoutModels_OneLine()
    {
        var core = Path.Combine(AppContext.BaseDirectory, "EosSweep.Core.dll");
        var r = CliRunner.Run("models", "--model-assembly", core);
        AssertOneLine(r, "defines no model: expected a public, non-abstract ModelInfo subclass that implements IKernelFamily");
    }

    [Fact]
    public void StructBreakingTheContract_OneLine()
    {
        var r = CliRunner.Run("run", "--model-assembly", build.BrokenDll, "--model", "miscounted");
        AssertOneLine(r, "model 'miscounted' (BrokenModel.MiscountedModelInfo in");
        Assert.Contains("its kernel family fails for loss square, f64: its struct has 3 parameters and 0 extra columns, its ModelInfo lists 2 and 0", r.Stderr, StringComparison.Ordinal);
    }

    private static void AssertOneLine(CliRunner.Result r, string expected)
    {
        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.ErrorLines);
        Assert.Contains(expected, r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
    }

    private static long Bits(double v) => BitConverter.DoubleToInt64Bits(v);
}
