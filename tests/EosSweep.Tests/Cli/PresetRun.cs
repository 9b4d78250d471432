using System.Text.Json;
using EosSweep.Storage;

namespace EosSweep.Tests.Cli;

/// <summary>What the preset and spec-file tests read back from a finished run: sweep.json, the rows and summary.csv.</summary>
internal static class PresetRun
{
    /// <summary>Runs <c>eos-sweep</c> with <paramref name="args"/> into a new directory and returns it; the run must
    /// succeed and leave a complete data set.</summary>
    public static string Run(params string[] args)
    {
        var dir = CliRunner.TempDir();
        var r = CliRunner.Run([.. args, "--out", dir]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.True(DataSetReader.OpenAsync(dir).GetAwaiter().GetResult().Complete, $"{dir} is not complete");
        return dir;
    }

    /// <summary>The <c>spec</c> object of <c>sweep.json</c>, parsed as plain JSON (not through EosSweep's reader).</summary>
    public static JsonElement StoredSpec(string dir)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "sweep.json")));
        return doc.RootElement.GetProperty("spec").Clone();
    }

    /// <summary>The axes of the stored spec, name → text.</summary>
    public static Dictionary<string, string> StoredAxes(string dir) =>
        StoredSpec(dir).GetProperty("axes").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    /// <summary>
    /// The theory checks of <c>report/summary.csv</c>, name → passed (<c>true</c>, <c>false</c>, or empty where the
    /// check is informational), read with a small RFC 4180 field splitter.
    /// </summary>
    public static Dictionary<string, string> Checks(string dir)
    {
        var lines = File.ReadAllLines(Path.Combine(dir, "report", "summary.csv"));
        Assert.Equal("section,name,value,expected,passed,description", lines[0]);
        return lines.Skip(1).Select(Fields).Where(f => f[0] == "check").ToDictionary(f => f[1], f => f[4]);
    }

    private static string[] Fields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        Assert.Equal(6, fields.Count);
        return [.. fields];
    }
}
