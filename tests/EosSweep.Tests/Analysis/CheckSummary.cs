using EosSweep.Cli.Commands;
using EosSweep.Core;
using EosSweep.Core.Results;
using EosSweep.Engine;
using EosSweep.Storage;

namespace EosSweep.Tests.Analysis;

/// <summary>
/// Writes a <see cref="CheckScenario"/>'s rows as a data set with the real writer (<see cref="DataSetWriter"/>),
/// summarises it the way <c>eos-sweep summarize DIR</c> does (<see cref="SummarizeCommand.Summarize"/>: the reader,
/// the model's checks, the summarizer) and reads the verdicts back from the <c>summary.csv</c> it wrote.
/// </summary>
internal static class CheckSummary
{
    /// <summary>
    /// Check name → verdict ("true", "false" or "" when not judged) as summary.csv reports them, and the lines the
    /// command printed.
    /// </summary>
    public static (IReadOnlyDictionary<string, string> Verdicts, string Printed) Summarize(CheckScenario scenario, string? broken, string dir)
    {
        var spec = SpecResolver.Resolve(scenario.Settings, ModelCatalog.BuiltIn);
        var model = ModelCatalog.Find(spec.Model);
        Write(dir, spec, model, scenario, broken).GetAwaiter().GetResult();
        var stdout = new StringWriter();
        Assert.Equal(0, SummarizeCommand.Summarize(dir, null, null, stdout));
        return (Read(Path.Combine(dir, "report", "summary.csv")), stdout.ToString());
    }

    private static async Task Write(string dir, SweepSpec spec, Core.Models.ModelInfo model, CheckScenario scenario, string? broken)
    {
        int n = checked((int)spec.Grid.Count), p = model.Parameters.Count, e = model.ExtraColumns.Count;
        var batch = new ResultBatch(p, n, e) { Start = 0, Count = n };
        for (int i = 0; i < n; i++)
        {
            int row = i;
            var r = scenario.Row(axis => spec.Grid.Value(row, IndexOf(spec, axis)), broken);
            Assert.Equal(p, r.Parameters.Length);
            for (int k = 0; k < p; k++)
            {
                batch.Doubles[(k * n) + i] = r.Parameters[k];
            }

            batch.Doubles[(ResultLayout.FinalLoss(p) * n) + i] = r.FinalLoss;
            batch.Doubles[(ResultLayout.MinLoss(p) * n) + i] = r.FinalLoss;
            batch.Doubles[(ResultLayout.SharpnessFinal(p) * n) + i] = r.SharpnessFinal;
            batch.Doubles[(ResultLayout.SharpnessMax(p) * n) + i] = double.IsNaN(r.SharpnessMax) ? r.SharpnessFinal : r.SharpnessMax;
            batch.Doubles[(ResultLayout.StabilityRatio(p) * n) + i] = r.Ratio;
            for (int k = 0; k < e; k++)
            {
                batch.Doubles[((ResultLayout.Extra(p) + k) * n) + i] = r.Extras.GetValueOrDefault(model.ExtraColumns[k], double.NaN);
            }

            batch.Ints[(ResultLayout.StepsColumn * n) + i] = r.Steps;
            batch.Ints[(ResultLayout.DivergedStepColumn * n) + i] = r.Regime == Regime.Diverged ? r.Steps : -1;
            batch.Ints[(ResultLayout.RegimeColumn * n) + i] = (int)r.Regime;
        }

        var runInfo = new Dictionary<string, string> { ["accelerator"] = "synthetic (theory-check test)", ["precision"] = "f64" };
        await using var writer = await DataSetWriter.CreateAsync(dir, spec, model, runInfo, overwrite: false);
        await writer.WriteAsync(batch);
        await writer.CompleteAsync();
    }

    private static int IndexOf(SweepSpec spec, string axis)
    {
        for (int k = 0; k < spec.Axes.Count; k++)
        {
            if (spec.Axes[k].Name == axis)
            {
                return k;
            }
        }

        throw new KeyNotFoundException($"no axis '{axis}' in the {spec.Model} sweep");
    }

    /// <summary>The <c>check</c> rows of summary.csv (RFC 4180 fields: quoted fields may hold commas and doubled quotes).</summary>
    private static Dictionary<string, string> Read(string path)
    {
        var verdicts = new Dictionary<string, string>();
        var lines = File.ReadAllLines(path);
        Assert.Equal("section,name,value,expected,passed,description", lines[0]);
        foreach (var line in lines.Skip(1))
        {
            var f = Fields(line);
            if (f[0] == "check")
            {
                Assert.True(verdicts.TryAdd(f[1], f[4]), $"check '{f[1]}' reported twice");
            }
        }

        return verdicts;
    }

    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
