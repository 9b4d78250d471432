using System.Text.Json.Nodes;
using EosSweep.Cli;
using EosSweep.Cli.Commands;
using EosSweep.Core;
using EosSweep.Engine;
using EosSweep.Storage;
using EosSweep.Tests.Storage;

namespace EosSweep.Tests.Cli;

/// <summary>
/// <c>status</c>, <c>query</c> and <c>summarize</c> read a data set whose model the CLI does not know (a user model read
/// without <c>--model-assembly</c>: here <see cref="UnlistedModel"/>, written with the storage writer and registered
/// nowhere) from its <c>sweep.json</c>; the summary then has every generic figure and no theory. Resuming needs the
/// model and says so; a data set of another engine version is read with a note and not resumed; a newer format is
/// refused by every command in one line.
/// </summary>
public sealed class DataSetWithoutModelTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<string> WriteAsync(bool complete = true)
    {
        var dir = _temp.Sub("ds");
        await UnlistedModel.WriteAsync(dir, UnlistedModel.Spec(), complete);
        return dir;
    }

    [Fact]
    public async Task Status_WithoutTheModel_ReportsTheCompleteDataSet()
    {
        var dir = await WriteAsync();

        var r = CliRunner.Run("status", dir);

        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("unlisted/square, 240 trajectories", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("total: 240 of 240 done, 0 missing", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_WithoutTheModel_NamesTheMissingTrajectories()
    {
        var dir = await WriteAsync(complete: false);
        File.Delete(Path.Combine(dir, "part-0000000064-0000000127.parquet"));

        var r = CliRunner.Run("status", dir);

        Assert.True(r.ExitCode == StatusCommand.Incomplete, r.Stdout + r.Stderr);
        Assert.Contains("total: 176 of 240 done, 64 missing: 64..127", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_WithoutTheModel_ReadsItsOwnColumns()
    {
        var dir = await WriteAsync();

        var r = CliRunner.Run("query", dir, "select count(*) n, min(width) w, count(distinct x0) x from trajectories where peak_ratio > 1");

        Assert.True(r.ExitCode == 0, r.Stderr);
        var row = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[2];
        Assert.Equal(["240", "4", "10"], row.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(string.Empty, r.Stderr);
    }

    [Fact]
    public async Task Summarize_WithoutTheModel_DrawsTheGenericFigures_WithoutTheory()
    {
        var dir = await WriteAsync();

        var r = CliRunner.Run("summarize", dir);

        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("note: model 'unlisted' is not loaded", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(UnlistedModel.CheckName, r.Stdout, StringComparison.Ordinal);
        foreach (var figure in new[] { "regime", "stability_ratio" })
        {
            Assert.True(File.Exists(Path.Combine(dir, "report", figure + ".png")), figure + ".png");
            Assert.True(File.Exists(Path.Combine(dir, "report", figure + ".svg")), figure + ".svg");
        }

        var csv = File.ReadAllText(Path.Combine(dir, "report", "summary.csv"));
        Assert.Contains("check,boundary_cells,", csv, StringComparison.Ordinal);
        Assert.Contains("check,box_counting_dimension,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(UnlistedModel.CheckName, csv, StringComparison.Ordinal);
        Assert.Contains("is not loaded", File.ReadAllText(Path.Combine(dir, "report", "report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summarize_WithTheModelLoaded_AddsItsTheory_ToTheSameFigures()
    {
        var without = await WriteAsync();
        var withModel = _temp.Sub("loaded");
        await UnlistedModel.WriteAsync(withModel, UnlistedModel.Spec());
        Assert.Equal(0, CliRunner.Run("summarize", without).ExitCode);

        // What --model-assembly does for a user model: the model is in the catalog for this command.
        CliRunner.Result r;
        using (ModelCatalog.Use([UnlistedModel.Instance]))
        {
            r = CliRunner.Run("summarize", withModel);
        }

        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains($"check {UnlistedModel.CheckName}", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("not loaded", r.Stdout, StringComparison.Ordinal);
        Assert.Equal(ReportFiles(without), ReportFiles(withModel));
    }

    [Fact]
    public async Task Summarize_OneAxisWithoutTheModel_DrawsTheCurves()
    {
        var dir = _temp.Sub("curve");
        var spec = SpecResolver.Resolve(SpecJson.ToSettings(UnlistedModel.Spec()) with
        {
            Axes = new Dictionary<string, string> { ["eta"] = "log:0.1:10:12", ["x0"] = "1", ["width"] = "4", ["seed"] = "0,1" },
        }, [UnlistedModel.Instance]);
        await UnlistedModel.WriteAsync(dir, spec);

        var r = CliRunner.Run("summarize", dir);

        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.True(File.Exists(Path.Combine(dir, "report", "curve.png")), r.Stdout);
        Assert.True(File.Exists(Path.Combine(dir, "report", "stability_ratio_curve.png")), r.Stdout);
    }

    [Fact]
    public async Task ResumeWithoutTheModel_NamesItsAssemblyInOneLine()
    {
        var dir = await WriteAsync(complete: false);

        var r = CliRunner.Run("run", "--resume", "--out", dir);

        Assert.Equal(CliErrors.BadInput, r.ExitCode);
        Assert.Single(r.ErrorLines);
        Assert.Contains("model 'unlisted', which is not loaded", r.Stderr, StringComparison.Ordinal);
        Assert.Contains($"--model-assembly {typeof(UnlistedModel).Assembly.GetName().Name}.dll", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadingADataSetOfAnotherEngineVersion_WorksWithANote()
    {
        var dir = await WriteAsync();
        EditSweep(dir, root => root["engine_version"] = "0.0.1+elsewhere");

        var status = CliRunner.Run("status", dir);
        var query = CliRunner.Run("query", dir, "select count(*) from trajectories");
        var summary = CliRunner.Run("summarize", dir);

        Assert.True(status.ExitCode == 0, status.Stderr);
        Assert.Contains("note: written by engine 0.0.1+elsewhere", status.Stdout, StringComparison.Ordinal);
        Assert.True(query.ExitCode == 0, query.Stderr);
        Assert.Contains("240", query.Stdout, StringComparison.Ordinal);
        Assert.Contains("note: written by engine 0.0.1+elsewhere", query.Stderr, StringComparison.Ordinal);
        Assert.True(summary.ExitCode == 0, summary.Stderr);
        Assert.Contains("note: written by engine 0.0.1+elsewhere", summary.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void RunAgain_IntoADataSetOfAnotherEngineVersion_IsRefusedInOneLine_AndOverwriteRestarts()
    {
        var dir = _temp.Sub("xy");
        string[] run = ["run", "--model", "xy", "--eta", "0.1,0.2", "--steps", "20", "--out", dir];
        Assert.Equal(0, CliRunner.Run(run).ExitCode);
        EditSweep(dir, root => root["engine_version"] = "0.0.1+elsewhere");

        var resumed = CliRunner.Run("run", "--resume", "--out", dir);
        var overwritten = CliRunner.Run([.. run, "--overwrite"]);

        Assert.Equal(CliErrors.BadInput, resumed.ExitCode);
        Assert.Single(resumed.ErrorLines);
        Assert.Contains("started by engine 0.0.1+elsewhere", resumed.Stderr, StringComparison.Ordinal);
        Assert.Contains("--overwrite", resumed.Stderr, StringComparison.Ordinal);
        Assert.True(overwritten.ExitCode == 0, overwritten.Stderr);
        Assert.Equal(DataSetLayout.EngineVersion, DataSetReader.ReadSweep(dir).EngineVersion);
    }

    [Theory]
    [InlineData("status")]
    [InlineData("query")]
    [InlineData("summarize")]
    public async Task NewerFormat_IsRefusedInOneLine(string command)
    {
        var dir = await WriteAsync();
        EditSweep(dir, root => root["format_version"] = 3);

        var r = command == "query" ? CliRunner.Run("query", dir, "select 1") : CliRunner.Run(command, dir);

        Assert.Equal(CliErrors.BadInput, r.ExitCode);
        Assert.Single(r.ErrorLines);
        Assert.Contains("is a data set of format 3", r.Stderr, StringComparison.Ordinal);
    }

    private static string[] ReportFiles(string dir) =>
        [.. Directory.GetFiles(Path.Combine(dir, "report")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    private static void EditSweep(string dir, Action<JsonObject> edit)
    {
        var path = Path.Combine(dir, DataSetLayout.SweepFile);
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(root);
        File.WriteAllText(path, root.ToJsonString());
    }
}
