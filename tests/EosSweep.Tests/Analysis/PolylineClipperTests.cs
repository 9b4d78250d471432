using EosSweep.Analysis;
using ScottPlot;

namespace EosSweep.Tests.Analysis;

public sealed class PolylineClipperTests
{
    private static readonly CoordinateRect Frame = new(0, 10, 0, 10);

    [Fact]
    public void SegmentLeavingTheFrame_IsCutAtTheEdge()
    {
        var pieces = PolylineClipper.Clip([(5, 5), (15, 5)], Frame);

        var piece = Assert.Single(pieces);
        Assert.Equal([(5.0, 5.0), (10.0, 5.0)], piece);
    }

    [Fact]
    public void CurveThatLeavesAndReturns_BecomesTwoPieces()
    {
        var pieces = PolylineClipper.Clip([(1, 5), (5, 20), (9, 5)], Frame);

        Assert.Equal(2, pieces.Count);
        Assert.All(pieces.SelectMany(p => p), p => Assert.True(p.X is >= 0 and <= 10 && p.Y is >= 0 and <= 10, $"{p} outside"));
    }

    [Fact]
    public void NaNPoint_BreaksTheLine()
    {
        var pieces = PolylineClipper.Clip([(1, 1), (2, 2), (3, double.NaN), (4, 4), (5, 5)], Frame);

        Assert.Equal(2, pieces.Count);
    }

    [Fact]
    public void CurveEntirelyOutside_HasNoPiece()
    {
        Assert.Empty(PolylineClipper.Clip([(20, 20), (30, 40), (1e300, -1e300)], Frame));
    }
}
