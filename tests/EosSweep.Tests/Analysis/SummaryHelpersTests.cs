using EosSweep.Analysis;
using EosSweep.Core;

namespace EosSweep.Tests.Analysis;

public sealed class SummaryHelpersTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void CsvQuote_QuotesOnlyWhenNeeded(string field, string expected) =>
        Assert.Equal(expected, SummaryCsv.Quote(field));

    [Fact]
    public void CsvNumber_NaNIsBlankAndInfinityIsSpelled()
    {
        Assert.Equal("", SummaryCsv.Number(double.NaN));
        Assert.Equal("inf", SummaryCsv.Number(double.PositiveInfinity));
        Assert.Equal("0.1", SummaryCsv.Number(0.1));
    }

    [Fact]
    public void ChoosePlotAxes_DefaultsToEtaThenNextAxis_SkippingSeeds()
    {
        var spec = SyntheticSweep.Spec(("seed", "0,1"), ("y0", "lin:1:2:3"), ("eta", "log:0.1:1:3"));

        Assert.Equal(("eta", "y0"), Summarizer.ChoosePlotAxes(spec));
    }

    [Fact]
    public void ChoosePlotAxes_OnlyYNamed_KeepsEtaOnX()
    {
        var spec = SyntheticSweep.Spec(("y0", "lin:1:2:3"), ("eta", "log:0.1:1:3"), ("seed", "0,1"));

        Assert.Equal(("eta", "seed"), Summarizer.ChoosePlotAxes(spec, new SummaryOptions { YAxis = "seed" }));
    }

    [Fact]
    public void ChoosePlotAxes_OnlySeedsVary_HasNoPlotAxis()
    {
        var spec = SyntheticSweep.Spec(("seed", "0,1,2"));

        Assert.Equal(((string?)null, (string?)null), Summarizer.ChoosePlotAxes(spec));
    }

    [Fact]
    public void ChoosePlotAxes_NamedConstantAxis_IsAnInputError()
    {
        var spec = SyntheticSweep.Spec(("eta", "log:0.1:1:3"));

        var ex = Assert.Throws<SweepInputException>(() => Summarizer.ChoosePlotAxes(spec, new SummaryOptions { XAxis = "y0" }));
        Assert.Contains("y0", ex.Message);
    }

    [Fact]
    public void ColourRange_ClipsAtTwoAndIgnoresNaN()
    {
        var (range, note) = PhaseDiagramFigures.ColourRange([0.2, double.NaN, 5, double.PositiveInfinity], 2);

        Assert.Equal((0.2, 2.0), (range.Min, range.Max));
        Assert.Contains("above 2", note);
    }

    [Fact]
    public void ColourRange_NoFiniteValue_IsZeroToClip()
    {
        var (range, _) = PhaseDiagramFigures.ColourRange([double.NaN, double.NegativeInfinity], 2);

        Assert.Equal((0.0, 2.0), (range.Min, range.Max));
    }

    [Fact]
    public void CellStats_MeanSkipsNonFiniteAndDivergedRows_ModeCountsEveryRow()
    {
        // One cell per eta; three seeds per cell.
        var spec = SyntheticSweep.Spec(("eta", "0.1,0.2"), ("seed", "0,1,2"));
        var table = new Core.Results.ResultTable(
            new Dictionary<string, double[]>
            {
                ["traj_id"] = [0, 1, 2, 3, 4, 5],
                ["v"] = [1, 3, double.NaN, 7, 1e300, 9],
            },
            [Regime.Gf, Regime.Gf, Regime.Diverged, Regime.Eos, Regime.Diverged, Regime.Diverged]);
        var x = PlotAxis.Of(spec, 0);

        var stats = CellStats.Build(spec, table, x, null);
        var (mean, min, max, count) = stats.Aggregate(table, "v");

        Assert.Equal([2.0, 7.0], mean);
        Assert.Equal([1.0, 7.0], min);
        Assert.Equal([3.0, 7.0], max);
        Assert.Equal([2, 1], count);
        Assert.Equal([(double)Regime.Gf, (double)Regime.Diverged], stats.ModeRegime());
    }

    [Fact]
    public async Task PlotFonts_ConcurrentRegistration_ResolvesTheBundledFace()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(PlotFonts.EnsureRegistered)));

        var typeface = ScottPlot.Fonts.GetTypeface(PlotFonts.Family, bold: false, italic: false);
        Assert.Equal("DejaVu Sans", typeface.FamilyName);
        Assert.True(typeface.ContainsGlyphs("η·λ₀√"));
    }
}
