using System.Text.Json;
using System.Text.Json.Nodes;
using EosSweep.Cli;
using EosSweep.Core;
using EosSweep.Core.Models;
using EosSweep.Core.Results;
using EosSweep.Engine;
using EosSweep.Storage;
using Parquet;

namespace EosSweep.Tests.Storage;

/// <summary>
/// <c>sweep.json</c> describes its data set: a format version checked on read (a newer one refused in one line, a file
/// without one read as format 1), the model that wrote it, and every column of the part files with its Parquet type,
/// role and meaning, from which a data set whose model is not loaded is read.
/// </summary>
public sealed class SelfDescribingDataSetTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>The unlisted test model, then every built-in model.</summary>
    public static TheoryData<string> Models()
    {
        var data = new TheoryData<string> { UnlistedModel.Instance.Name };
        foreach (var m in ModelCatalog.BuiltIn)
        {
            data.Add(m.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Models))]
    public async Task ColumnList_IsThePartFilesParquetSchema(string name)
    {
        var (model, spec) = name == UnlistedModel.Instance.Name
            ? ((ModelInfo)UnlistedModel.Instance, UnlistedModel.Spec())
            : (ModelCatalog.Find(name), SpecResolver.Resolve(new SweepSettings { Model = name, Steps = 1 }, ModelCatalog.BuiltIn));
        var dir = _temp.Sub(name);
        await WriteConstantRowsAsync(dir, spec, model);

        var recorded = RecordedColumns(dir);
        var part = Directory.GetFiles(dir, DataSetLayout.PartGlob)[0];
        await using var stream = File.OpenRead(part);
        await using var reader = await ParquetReader.CreateAsync(stream);
        // The file's own schema elements (Thrift metadata), not Parquet.Net's typed view: the first is the root.
        var elements = reader.Metadata!.Schema.Skip(1).ToList();

        Assert.Equal(elements.Select(e => e.Name), recorded.Select(c => c.Name));
        for (int i = 0; i < elements.Count; i++)
        {
            var e = elements[i];
            var physical = recorded[i].Type switch
            {
                "int64" => Parquet.Meta.Type.INT64,
                "int32" => Parquet.Meta.Type.INT32,
                "double" => Parquet.Meta.Type.DOUBLE,
                "boolean" => Parquet.Meta.Type.BOOLEAN,
                "string" => Parquet.Meta.Type.BYTE_ARRAY,
                var other => throw new Xunit.Sdk.XunitException($"column '{e.Name}' is recorded with an unknown type '{other}'"),
            };
            Assert.True(physical == e.Type, $"column '{e.Name}': recorded {recorded[i].Type}, the file holds {e.Type}");
            Assert.True(e.RepetitionType == Parquet.Meta.FieldRepetitionType.REQUIRED, $"column '{e.Name}' is {e.RepetitionType}, not REQUIRED");
            bool utf8 = e.LogicalType?.STRING is not null || e.ConvertedType == Parquet.Meta.ConvertedType.UTF8;
            Assert.True(utf8 == (recorded[i].Type == "string"), $"column '{e.Name}': recorded {recorded[i].Type}, UTF-8 annotation {utf8}");
            Assert.False(string.IsNullOrWhiteSpace(recorded[i].Meaning), $"column '{e.Name}' has no meaning");
        }
    }

    [Fact]
    public async Task ColumnList_GivesEachColumnItsRoleAndTheModelsMeanings()
    {
        var dir = _temp.Sub("ds");
        await UnlistedModel.WriteAsync(dir, UnlistedModel.Spec());

        var byName = RecordedColumns(dir).ToDictionary(c => c.Name);

        Assert.Equal(
            ["traj_id", "model", "loss", "eta", "x0", "width", "seed", "final_a", "final_b", .. ResultLayout.MeasureNames, UnlistedModel.PeakRatio,
             "steps", "diverged", "diverged_step", "regime"],
            RecordedColumns(dir).Select(c => c.Name));
        Assert.Equal(ColumnRole.Id, byName["traj_id"].Role);
        Assert.Equal(ColumnRole.Label, byName["loss"].Role);
        Assert.Equal((ColumnRole.Axis, "int64", "width of the layer"), (byName["width"].Role, byName["width"].Type, byName["width"].Meaning));
        Assert.Equal((ColumnRole.Axis, "double"), (byName["x0"].Role, byName["x0"].Type));
        Assert.Equal(ColumnRole.Parameter, byName["final_b"].Role);
        Assert.Contains("parameter b", byName["final_b"].Meaning, StringComparison.Ordinal);
        Assert.Equal(ColumnRole.Measure, byName[ResultColumns.StabilityRatio].Role);
        Assert.Equal((ColumnRole.Extra, "largest loss over the first loss"), (byName[UnlistedModel.PeakRatio].Role, byName[UnlistedModel.PeakRatio].Meaning));
        Assert.Equal((ColumnRole.Outcome, "boolean"), (byName["diverged"].Role, byName["diverged"].Type));
    }

    [Fact]
    public async Task SweepJson_RecordsTheFormatAndTheModelThatWroteIt()
    {
        var dir = _temp.Sub("ds");
        await UnlistedModel.WriteAsync(dir, UnlistedModel.Spec());

        var root = JsonNode.Parse(File.ReadAllText(SweepPath(dir)))!;

        // The format number is pinned: raising it is a deliberate change of the layout, with its reader.
        Assert.Equal(2, DataSetLayout.FormatVersion);
        Assert.Equal(DataSetLayout.FormatVersion, (int)root["format_version"]!);
        Assert.Equal("unlisted", (string?)root["model"]!["name"]);
        Assert.Equal("a model only this test knows", (string?)root["model"]!["description"]);
        Assert.Equal(typeof(UnlistedModel).Assembly.GetName().Name, (string?)root["model"]!["assembly"]);
        Assert.Equal(typeof(UnlistedModel).FullName, (string?)root["model"]!["type"]);
    }

    [Fact]
    public async Task NewerFormat_IsRefusedInOneLine_BeforeItsSpecIsRead()
    {
        var dir = _temp.Sub("ds");
        await UnlistedModel.WriteAsync(dir, UnlistedModel.Spec());
        // A newer layout may carry spec fields this engine does not know; the format must be what the message names.
        EditSweep(dir, root =>
        {
            root["format_version"] = 3;
            root["spec"]!["future_setting"] = 1;
        });

        var e = await Assert.ThrowsAsync<SweepInputException>(() => DataSetReader.OpenAsync(dir));

        Assert.Contains("format 3", e.Message, StringComparison.Ordinal);
        Assert.Contains("formats 1 to 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("newer eos-sweep", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public async Task NewerFormat_IsRefusedToAResumingWriter_WithoutOfferingOverwrite()
    {
        var dir = _temp.Sub("ds");
        var spec = UnlistedModel.Spec();
        await UnlistedModel.WriteAsync(dir, spec, complete: false);
        EditSweep(dir, root => root["format_version"] = 3);

        var e = await Assert.ThrowsAsync<SweepInputException>(() =>
            DataSetWriter.CreateAsync(dir, spec, UnlistedModel.Instance, StorageData.RunInfo, overwrite: false));

        Assert.Contains("format 3", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("--overwrite", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"2\"")]
    [InlineData("0")]
    [InlineData("1.5")]
    public async Task FormatVersion_NotAPositiveInteger_IsRefusedAsMalformed(string value)
    {
        var dir = _temp.Sub("ds");
        await UnlistedModel.WriteAsync(dir, UnlistedModel.Spec());
        EditSweep(dir, root => root["format_version"] = JsonNode.Parse(value));

        var e = await Assert.ThrowsAsync<SweepInputException>(() => DataSetReader.OpenAsync(dir));

        Assert.Contains($"format_version {value}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SweepJsonWithoutTheNewFields_IsReadAsFormat1_WithItsLoadedModel()
    {
        var dir = _temp.Sub("ds");
        var spec = UnlistedModel.Spec();
        await UnlistedModel.WriteAsync(dir, spec);
        StripToFormat1(dir);

        var reader = await DataSetReader.OpenAsync(dir);
        var read = DataSetModel.Resolve(reader.Sweep, [UnlistedModel.Instance]);
        var table = await reader.ReadTableAsync([UnlistedModel.PeakRatio]);

        Assert.Equal(1, reader.Sweep.FormatVersion);
        Assert.Null(reader.Sweep.Columns);
        Assert.Null(reader.Sweep.Model);
        Assert.Same(UnlistedModel.Instance, read.Model);
        Assert.Null(read.Note);
        Assert.Equal(SpecJson.Write(spec), SpecJson.Write(read.Spec));
        Assert.Equal(spec.Grid.Count, table.Count);
    }

    [Fact]
    public async Task Format1_WithAModelThatIsNotLoaded_AsksForItsAssembly()
    {
        var dir = _temp.Sub("ds");
        await UnlistedModel.WriteAsync(dir, UnlistedModel.Spec());
        StripToFormat1(dir);

        var e = Assert.Throws<SweepInputException>(() => DataSetModel.Resolve(DataSetReader.ReadSweep(dir), ModelCatalog.BuiltIn));

        Assert.Contains("unknown model 'unlisted'", e.Message, StringComparison.Ordinal);
        Assert.Contains("--model-assembly", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordedModel_ResolvesTheRecordedSpecExactly_WithoutTheory()
    {
        var dir = _temp.Sub("ds");
        var spec = UnlistedModel.Spec();
        await UnlistedModel.WriteAsync(dir, spec);

        var model = RecordedModel.Of(DataSetReader.ReadSweep(dir))!;
        var resolved = SpecResolver.Resolve(DataSetReader.ReadSettings(dir), [model]);

        Assert.Equal(SpecJson.Write(spec), SpecJson.Write(resolved));
        Assert.Equal(UnlistedModel.Instance.Axes.Select(a => (a.Name, a.Integer)), model.Axes.Select(a => (a.Name, a.Integer)));
        Assert.Equal(UnlistedModel.Instance.Parameters, model.Parameters);
        Assert.Equal(UnlistedModel.Instance.ExtraColumns, model.ExtraColumns);
        Assert.Equal(new ResultSchema(UnlistedModel.Instance).Columns, new ResultSchema(model).Columns);
        Assert.Empty(model.Checks(resolved, new ResultTable(new Dictionary<string, double[]>(), [])));
        Assert.Empty(model.Curves(resolved));
        Assert.Empty(model.Theory);
    }

    [Fact]
    public async Task DataSetModel_WithTheModelNotLoaded_ReadsWithTheRecord_AndSaysWhatIsMissing()
    {
        var dir = _temp.Sub("ds");
        await UnlistedModel.WriteAsync(dir, UnlistedModel.Spec());

        var read = DataSetModel.Resolve(DataSetReader.ReadSweep(dir), ModelCatalog.BuiltIn);

        Assert.IsType<RecordedModel>(read.Model);
        Assert.Contains("'unlisted' is not loaded", read.Note, StringComparison.Ordinal);
        Assert.Contains($"{typeof(UnlistedModel).Assembly.GetName().Name}.dll", read.Note, StringComparison.Ordinal);
        Assert.Contains("no theory overlays or checks", read.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataSetModel_WhenTheLoadedModelHasOtherColumns_ReadsWithTheRecord()
    {
        var dir = _temp.Sub("ds");
        await UnlistedModel.WriteAsync(dir, UnlistedModel.Spec());

        var read = DataSetModel.Resolve(DataSetReader.ReadSweep(dir), [new UnlistedModelWithoutExtra()]);

        Assert.IsType<RecordedModel>(read.Model);
        Assert.Equal([UnlistedModel.PeakRatio], read.Model.ExtraColumns);
        Assert.Contains("other columns", read.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_ByAnotherEngineVersion_IsRefusedInOneLine()
    {
        var dir = _temp.Sub("ds");
        var spec = UnlistedModel.Spec();
        await UnlistedModel.WriteAsync(dir, spec, complete: false);
        var original = File.ReadAllText(SweepPath(dir));
        EditSweep(dir, root => root["engine_version"] = "0.0.1+elsewhere");
        var before = StorageData.EntryNames(dir);

        var e = await Assert.ThrowsAsync<OtherEngineException>(() =>
            DataSetWriter.CreateAsync(dir, spec, UnlistedModel.Instance, StorageData.RunInfo, overwrite: false));

        Assert.Equal(("0.0.1+elsewhere", DataSetLayout.EngineVersion), (e.Recorded, e.Current));
        var line = CliErrors.Wording(e);
        Assert.Contains("engine 0.0.1+elsewhere", line, StringComparison.Ordinal);
        Assert.Contains($"engine {DataSetLayout.EngineVersion}", line, StringComparison.Ordinal);
        Assert.Contains("--overwrite", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line);
        Assert.Equal(before, StorageData.EntryNames(dir));

        // The version alone was refused: the same data set with this engine's version resumes.
        File.WriteAllText(SweepPath(dir), original);
        await using var writer = await DataSetWriter.CreateAsync(dir, spec, UnlistedModel.Instance, StorageData.RunInfo, overwrite: false);
        Assert.True(writer.Resumed);
    }

    [Fact]
    public async Task Resume_OfADataSetThatRecordsNoEngineVersion_IsRefused()
    {
        var dir = _temp.Sub("ds");
        var spec = UnlistedModel.Spec();
        await UnlistedModel.WriteAsync(dir, spec, complete: false);
        EditSweep(dir, root => root.Remove("engine_version"));

        var e = await Assert.ThrowsAsync<OtherEngineException>(() =>
            DataSetWriter.CreateAsync(dir, spec, UnlistedModel.Instance, StorageData.RunInfo, overwrite: false));

        Assert.Contains("engine (unrecorded)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overwrite_ReplacesADataSetOfAnotherEngineVersion()
    {
        var dir = _temp.Sub("ds");
        var spec = UnlistedModel.Spec();
        await UnlistedModel.WriteAsync(dir, spec, complete: false);
        EditSweep(dir, root => root["engine_version"] = "0.0.1+elsewhere");

        await UnlistedModel.WriteAsync(dir, spec, overwrite: true);

        Assert.Equal(DataSetLayout.EngineVersion, (await DataSetReader.OpenAsync(dir)).EngineVersion);
    }

    [Fact]
    public void EngineNote_IsNullForThisEngine_AndNamesBothVersionsOtherwise()
    {
        Assert.Null(DataSetLayout.EngineNote(DataSetLayout.EngineVersion));
        var note = DataSetLayout.EngineNote("0.0.1+elsewhere");
        Assert.NotNull(note);
        Assert.Contains("0.0.1+elsewhere", note, StringComparison.Ordinal);
        Assert.Contains(DataSetLayout.EngineVersion, note, StringComparison.Ordinal);
    }

    /// <summary>Writes one part of rows whose every measure is 0.5 and regime gf: enough to have a part file's schema.</summary>
    private static async Task WriteConstantRowsAsync(string dir, SweepSpec spec, ModelInfo model)
    {
        int n = (int)Math.Min(spec.Grid.Count, 8);
        var batch = new ResultBatch(model.Parameters.Count, n, model.ExtraColumns.Count) { Start = 0, Count = n };
        Array.Fill(batch.Doubles, 0.5);
        Array.Fill(batch.Ints, 1, ResultLayout.StepsColumn * n, n);
        Array.Fill(batch.Ints, -1, ResultLayout.DivergedStepColumn * n, n);
        Array.Fill(batch.Ints, (int)Regime.Gf, ResultLayout.RegimeColumn * n, n);
        await using var writer = await DataSetWriter.CreateAsync(dir, spec, model, StorageData.RunInfo, overwrite: false, new DataSetWriterOptions { RowsPerPart = n, Batch = n });
        await writer.WriteAsync(batch);
    }

    private static string SweepPath(string dir) => Path.Combine(dir, DataSetLayout.SweepFile);

    /// <summary>The <c>columns</c> of <c>DIR/sweep.json</c> as written (parsed directly, not through the reader).</summary>
    private static List<DataSetColumn> RecordedColumns(string dir)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SweepPath(dir)));
        return doc.RootElement.GetProperty("columns").Deserialize<List<DataSetColumn>>()!;
    }

    private static void EditSweep(string dir, Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(File.ReadAllText(SweepPath(dir)))!.AsObject();
        edit(root);
        File.WriteAllText(SweepPath(dir), root.ToJsonString());
    }

    /// <summary>Removes the fields format 2 added: what a data set written before them holds.</summary>
    private static void StripToFormat1(string dir) => EditSweep(dir, root =>
    {
        root.Remove("format_version");
        root.Remove("model");
        root.Remove("columns");
    });

    /// <summary>A model named like <see cref="UnlistedModel"/> but without its extra column: a different build of it.</summary>
    private sealed class UnlistedModelWithoutExtra : ModelInfo
    {
        public override string Name => UnlistedModel.Instance.Name;

        public override string Description => "another build of the unlisted model";

        public override IReadOnlyList<AxisInfo> Axes => UnlistedModel.Instance.Axes;

        public override IReadOnlyList<string> Parameters => UnlistedModel.Instance.Parameters;

        public override IReadOnlyList<LossKind> Losses => UnlistedModel.Instance.Losses;

        public override LossKind DefaultLoss => UnlistedModel.Instance.DefaultLoss;

        public override IReadOnlyList<ModelOption> Options => UnlistedModel.Instance.Options;

        public override IReadOnlyList<string> Theory => [];
    }
}
