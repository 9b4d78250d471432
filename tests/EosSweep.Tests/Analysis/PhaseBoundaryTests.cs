using EosSweep.Analysis;

namespace EosSweep.Tests.Analysis;

/// <summary>Boundary extraction and box counting on synthetic label maps with known boundaries.</summary>
public sealed class PhaseBoundaryTests
{
    private const int N = 256;

    [Fact]
    public void StraightBoundary_IsRecoveredWithinOneCell_WithDimensionOne()
    {
        // Label 1 above the line y = 0.6·x + 20 (cell centres at integer + 0.5).
        var b = PhaseBoundary.Extract(N, N, Labels((x, y) => y > (0.6 * x) + 20));
        AssertWithinOneCell(b, x => (0.6 * x) + 20);
        AssertCurveCovered(b, x => (0.6 * x) + 20);
        var box = b.BoxCounting();
        Assert.InRange(box.Dimension, 0.9, 1.1);
        Assert.True(box.RSquared > 0.99, $"R² {box.RSquared}");
    }

    [Fact]
    public void CurvedBoundary_IsRecoveredWithinOneCell_WithDimensionOne()
    {
        // Label 1 outside the circle of radius 90 centred at (128, 128).
        var b = PhaseBoundary.Extract(N, N, Labels((x, y) => Math.Sqrt(((x - 128) * (x - 128)) + ((y - 128) * (y - 128))) > 90));
        foreach (var (cx, cy) in b.Cells)
        {
            double r = Math.Sqrt(Math.Pow(cx + 0.5 - 128, 2) + Math.Pow(cy + 0.5 - 128, 2));
            Assert.InRange(r, 89.0, 91.0);
        }

        Assert.InRange(b.BoxCounting().Dimension, 0.9, 1.1);
    }

    [Fact]
    public void RoughBoundary_HasAClearlyLargerDimension()
    {
        // A band of height 64 whose cells are labelled at random: the boundary fills an area.
        var rng = new Random(42);
        var b = PhaseBoundary.Extract(N, N, Labels((x, y) => y > 160 || (y > 96 && rng.NextDouble() < 0.5)));
        Assert.True(b.BoxCounting().Dimension > 1.4, $"dimension {b.BoxCounting().Dimension}");
    }

    [Fact]
    public void CellsWithoutData_AreNotABoundary()
    {
        var labels = Labels((x, y) => false);
        for (int i = 0; i < labels.Length; i += 7)
        {
            labels[i] = -1;
        }

        Assert.Empty(PhaseBoundary.Extract(N, N, labels).Cells);
    }

    [Fact]
    public void DistancesTo_MeasureCellCentresToThePolyline()
    {
        var b = PhaseBoundary.Extract(4, 1, [0, 1, 1, 1]);
        var centres = new double[] { 0.5, 1.5, 2.5, 3.5 };
        var d = b.DistancesTo(centres, [0.5], [(1.0, -5.0), (1.0, 5.0)]);
        Assert.Equal([0.5, 0.5], d);
        Assert.Equal(2.0, PhaseBoundary.Quantile([1, 2, 3], 0.5));
        Assert.Equal(2.8, PhaseBoundary.Quantile([1, 2, 3], 0.9), 12);
    }

    private static int[] Labels(Func<double, double, bool> above)
    {
        var labels = new int[N * N];
        for (int y = 0; y < N; y++)
        {
            for (int x = 0; x < N; x++)
            {
                labels[x + (N * y)] = above(x + 0.5, y + 0.5) ? 1 : 0;
            }
        }

        return labels;
    }

    private static void AssertWithinOneCell(PhaseBoundary b, Func<double, double> curve)
    {
        Assert.NotEmpty(b.Cells);
        foreach (var (x, y) in b.Cells)
        {
            // Vertical distance of the cell centre to the line, in cells (the line's slope is below 1).
            Assert.InRange(Math.Abs(y + 0.5 - curve(x + 0.5)), 0, 1.0);
        }
    }

    private static void AssertCurveCovered(PhaseBoundary b, Func<double, double> curve)
    {
        var set = b.Cells.ToHashSet();
        for (int x = 0; x < N; x++)
        {
            double y = curve(x + 0.5);
            if (y < 1 || y > N - 1)
            {
                continue;
            }

            Assert.True(set.Contains((x, (int)Math.Floor(y))) || set.Contains((x, (int)Math.Floor(y) - 1)), $"no boundary cell near x = {x}");
        }
    }
}
