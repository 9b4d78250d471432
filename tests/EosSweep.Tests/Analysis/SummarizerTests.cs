using System.Globalization;
using EosSweep.Analysis;
using EosSweep.Core;
using EosSweep.Core.Results;

namespace EosSweep.Tests.Analysis;

public sealed class SummarizerTests
{
    private static readonly (string, string)[] TwoAxes = [("eta", "log:0.01:1:20"), ("y0", "lin:0.5:5:15")];
    private static readonly (string, string)[] OneAxisThreeSeeds = [("eta", "log:0.02:2:25"), ("y0", "2"), ("seed", "0,1,2")];

    [Fact]
    public void TwoAxisGrid_WritesDecodablePhaseDiagrams()
    {
        var spec = SyntheticSweep.Spec(TwoAxes);
        using var dir = new ReportFolder(nameof(TwoAxisGrid_WritesDecodablePhaseDiagrams));

        var result = Summarizer.Summarize(spec, SyntheticSweep.Model, SyntheticSweep.Table(spec), dir.Path);

        Assert.Equal(("eta", "y0"), (result.XAxis, result.YAxis));
        foreach (var stem in new[] { "stability_ratio", "regime" })
        {
            FigureAssert.ValidPng(Path.Combine(dir.Path, stem + ".png"), 900, 700);
            FigureAssert.ValidSvg(Path.Combine(dir.Path, stem + ".svg"));
        }

        // 4 figures, index.html, report.md, summary.csv.
        Assert.Equal(7, result.Files.Count);
        Assert.All(result.Files, f => Assert.True(File.Exists(f), f));
    }

    [Fact]
    public void TwoAxisGrid_SummaryCsvMatchesTable()
    {
        var spec = SyntheticSweep.Spec(TwoAxes);
        var table = SyntheticSweep.Table(spec);
        using var dir = new ReportFolder(nameof(TwoAxisGrid_SummaryCsvMatchesTable));

        var result = Summarizer.Summarize(spec, SyntheticSweep.Model, table, dir.Path);
        var rows = ReadCsv(Path.Combine(dir.Path, Summarizer.SummaryFileName));

        Assert.Equal(["section", "name", "value", "expected", "passed", "description"], rows[0]);
        foreach (var r in RegimeRules.All)
        {
            long expected = table.Regimes.Count(x => x == r);
            Assert.True(expected > 0, $"the synthetic table should hold every regime; {r} has none");
            var row = Assert.Single(rows, x => x[0] == "regime" && x[1] == RegimeRules.Name(r));
            Assert.Equal(expected, long.Parse(row[2], CultureInfo.InvariantCulture));
            Assert.Equal(expected, result.RegimeCounts[r]);
        }

        var total = Assert.Single(rows, x => x[0] == "rows");
        Assert.Equal(table.Count, long.Parse(total[2], CultureInfo.InvariantCulture));

        var checks = rows.Where(x => x[0] == "check").ToList();
        // The model's checks come first, in its order; the measured phase boundary's follow for a 2-axis grid.
        Assert.Equal(["edge_ratio", "boundary, fit", "always_fails"], checks.Take(3).Select(c => c[1]));
        Assert.Equal(["true", "", "false"], checks.Take(3).Select(c => c[4]));
        Assert.Contains(checks, c => c[1] == "box_counting_dimension");
        Assert.Contains(checks, c => c[1] == "boundary_distance_median");
        Assert.Equal("", checks[1][2]);
        Assert.Equal("a check that \"cannot\" be judged", checks[1][5]);
    }

    [Fact]
    public void OneAxisWithSeeds_WritesCurveFigures()
    {
        var spec = SyntheticSweep.Spec(OneAxisThreeSeeds);
        using var dir = new ReportFolder(nameof(OneAxisWithSeeds_WritesCurveFigures));

        var result = Summarizer.Summarize(spec, SyntheticSweep.Model, SyntheticSweep.Table(spec), dir.Path);

        Assert.Equal(("eta", (string?)null), (result.XAxis, result.YAxis));
        foreach (var stem in new[] { "curve", "stability_ratio_curve" })
        {
            FigureAssert.ValidPng(Path.Combine(dir.Path, stem + ".png"), 900, 700);
            FigureAssert.ValidSvg(Path.Combine(dir.Path, stem + ".svg"));
        }

        Assert.False(File.Exists(Path.Combine(dir.Path, "regime.png")));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AllValuesNonFinite_StillWritesValidFigures(bool twoAxes)
    {
        var spec = SyntheticSweep.Spec(twoAxes ? TwoAxes : OneAxisThreeSeeds);
        var table = SyntheticSweep.Table(spec, allNaN: true);
        using var dir = new ReportFolder(nameof(AllValuesNonFinite_StillWritesValidFigures) + (twoAxes ? "_2d" : "_1d"));

        var result = Summarizer.Summarize(spec, SyntheticSweep.Model, table, dir.Path);

        foreach (var png in result.Files.Where(f => f.EndsWith(".png", StringComparison.Ordinal)))
        {
            FigureAssert.ValidPng(png, 900, 700);
        }

        foreach (var svg in result.Files.Where(f => f.EndsWith(".svg", StringComparison.Ordinal)))
        {
            FigureAssert.ValidSvg(svg);
        }

        Assert.Equal(7, result.Files.Count);
    }

    [Fact]
    public void EmptyTable_StillWritesValidFigures()
    {
        var spec = SyntheticSweep.Spec(TwoAxes);
        var table = new ResultTable(new Dictionary<string, double[]> { ["traj_id"] = [], ["stability_ratio"] = [] }, []);
        using var dir = new ReportFolder(nameof(EmptyTable_StillWritesValidFigures));

        var result = Summarizer.Summarize(spec, SyntheticSweep.Model, table, dir.Path);

        FigureAssert.ValidPng(Path.Combine(dir.Path, "regime.png"), 900, 700);
        FigureAssert.ValidPng(Path.Combine(dir.Path, "stability_ratio.png"), 900, 700);
        Assert.Equal(0, result.Rows);
        Assert.All(RegimeRules.All, r => Assert.Equal(0, result.RegimeCounts[r]));
    }

    [Fact]
    public void PartialTable_CountsOnlyItsRowsAndStillDraws()
    {
        // A data set with a third of its trajectories missing (an interrupted run).
        var spec = SyntheticSweep.Spec(TwoAxes);
        var full = SyntheticSweep.Table(spec);
        var keep = Enumerable.Range(0, full.Count).Where(i => i % 3 != 0).ToArray();
        var table = new ResultTable(
            full.Names.ToDictionary(n => n, n => keep.Select(i => full.Column(n)[i]).ToArray()),
            keep.Select(i => full.Regimes[i]).ToArray());
        using var dir = new ReportFolder(nameof(PartialTable_CountsOnlyItsRowsAndStillDraws));

        var result = Summarizer.Summarize(spec, SyntheticSweep.Model, table, dir.Path);

        Assert.Equal(keep.Length, result.Rows);
        Assert.Equal(keep.Length, result.RegimeCounts.Values.Sum());
        FigureAssert.ValidPng(Path.Combine(dir.Path, "stability_ratio.png"), 900, 700);
    }

    [Fact]
    public void NoVaryingAxis_WritesOnlyTheTable()
    {
        var spec = SyntheticSweep.Spec(("eta", "0.1"), ("y0", "2"));
        using var dir = new ReportFolder(nameof(NoVaryingAxis_WritesOnlyTheTable));

        var result = Summarizer.Summarize(spec, SyntheticSweep.Model, SyntheticSweep.Table(spec), dir.Path);

        Assert.Equal([HtmlReport.HtmlFile, HtmlReport.MarkdownFile, Summarizer.SummaryFileName], result.Files.Select(Path.GetFileName));
        Assert.Null(result.XAxis);
    }

    [Fact]
    public void OptionsSize_SetsImageSize()
    {
        var spec = SyntheticSweep.Spec(TwoAxes);
        using var dir = new ReportFolder(nameof(OptionsSize_SetsImageSize));

        Summarizer.Summarize(spec, SyntheticSweep.Model, SyntheticSweep.Table(spec), dir.Path, new SummaryOptions { Width = 640, Height = 480 });

        FigureAssert.ValidPng(Path.Combine(dir.Path, "regime.png"), 640, 480);
    }

    [Fact]
    public void SwappedAxesAndUnevenList_WriteFigures()
    {
        // y0 on the horizontal, eta (an uneven list, drawn by index) on the vertical.
        var spec = SyntheticSweep.Spec(("eta", "0.01,0.03,0.1,0.2,0.5,0.7,1"), ("y0", "lin:0.5:5:15"), ("seed", "0,1"));
        using var dir = new ReportFolder(nameof(SwappedAxesAndUnevenList_WriteFigures));

        var result = Summarizer.Summarize(spec, SyntheticSweep.Model, SyntheticSweep.Table(spec), dir.Path, new SummaryOptions { XAxis = "y0", YAxis = "eta" });

        Assert.Equal(("y0", "eta"), (result.XAxis, result.YAxis));
        FigureAssert.ValidPng(Path.Combine(dir.Path, "regime.png"), 900, 700);
        FigureAssert.ValidSvg(Path.Combine(dir.Path, "stability_ratio.svg"));
    }

    [Fact]
    public void TableWithoutTrajId_Throws()
    {
        var spec = SyntheticSweep.Spec(TwoAxes);
        var table = new ResultTable(new Dictionary<string, double[]> { ["stability_ratio"] = [1.0] }, [Regime.Gf]);
        using var dir = new ReportFolder(nameof(TableWithoutTrajId_Throws));

        Assert.Throws<ArgumentException>(() => Summarizer.Summarize(spec, SyntheticSweep.Model, table, dir.Path));
    }

    /// <summary>A small RFC 4180 reader: quoted fields, doubled quotes, no line breaks inside fields.</summary>
    private static List<string[]> ReadCsv(string path)
    {
        List<string[]> rows = [];
        foreach (var line in File.ReadAllLines(path))
        {
            List<string> fields = [];
            var sb = new System.Text.StringBuilder();
            bool quoted = false;
            for (int i = 0; i < line.Length; i++)
            {
                char c = line[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                    {
                        sb.Append('"');
                        i++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        sb.Append(c);
                    }
                }
                else if (c == '"')
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    fields.Add(sb.ToString());
                    sb.Clear();
                }
                else
                {
                    sb.Append(c);
                }
            }

            fields.Add(sb.ToString());
            rows.Add([.. fields]);
        }

        return rows;
    }
}
