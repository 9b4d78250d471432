using EosSweep.Analysis;

namespace EosSweep.Tests.Analysis;

public sealed class PlotAxisTests
{
    // Coordinates are computed from the axis values by one log10 or subtraction: 1e-12 absolute.
    private const double Tol = 1e-12;

    [Fact]
    public void LogAxis_CellCentresSitAtLog10OfValues()
    {
        var spec = SyntheticSweep.Spec(("eta", "log:0.01:1:5"));

        var axis = PlotAxis.Of(spec, 0);

        Assert.Equal(AxisScale.Log10, axis.Scale);
        Assert.Equal([-2, -1.5, -1, -0.5, 0], axis.Coord.Select(c => Math.Round(c, 12)));
        Assert.Equal(-2.25, axis.Low, Tol);
        Assert.Equal(0.25, axis.High, Tol);
        Assert.Equal(-1, axis.ToCoord(0.1), Tol);
        Assert.True(double.IsNaN(axis.ToCoord(0)));
    }

    [Fact]
    public void DescendingLinearAxis_PositionsIncreaseWithValue()
    {
        var spec = SyntheticSweep.Spec(("y0", "lin:3:1:3"));

        var axis = PlotAxis.Of(spec, 1);

        Assert.Equal(AxisScale.Linear, axis.Scale);
        Assert.Equal([2, 1, 0], Enumerable.Range(0, 3).Select(axis.PositionOf));
        Assert.Equal([1.0, 2.0, 3.0], axis.Coord);
    }

    [Fact]
    public void UnevenList_MapsByIndexAndInterpolatesBetweenValues()
    {
        var spec = SyntheticSweep.Spec(("y0", "0.5,1,3,4"));

        var axis = PlotAxis.Of(spec, 1);

        Assert.Equal(AxisScale.Index, axis.Scale);
        Assert.Equal([0.0, 1, 2, 3], axis.Coord);
        Assert.Equal(1.5, axis.ToCoord(2), Tol);
        Assert.Equal(3.5, axis.ToCoord(4.5), Tol);
        Assert.Equal(-1, axis.ToCoord(0), Tol);
    }

    [Fact]
    public void LogTicks_LabelValuesAtTheirLogarithms()
    {
        var ticks = PlotAxis.LogTicks(-2.1, 0.1).Where(t => t.IsMajor).ToList();

        Assert.Contains(ticks, t => t.Label == "0.01" && Math.Abs(t.Position + 2) < Tol);
        Assert.Contains(ticks, t => t.Label == "1" && Math.Abs(t.Position) < Tol);
        Assert.InRange(ticks.Count, 2, 9);
    }

    [Fact]
    public void LogTicks_NarrowRange_StillHasSeveralLabels()
    {
        var ticks = PlotAxis.LogTicks(Math.Log10(0.011), Math.Log10(0.019)).Where(t => t.IsMajor).ToList();

        Assert.True(ticks.Count >= 2, $"only {ticks.Count} major ticks");
    }
}
