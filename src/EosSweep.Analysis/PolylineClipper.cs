using ScottPlot;

namespace EosSweep.Analysis;

/// <summary>
/// Cuts a polyline to a rectangle (Liang–Barsky per segment), so that theory curves never draw
/// outside the figure frame and never hand the renderer huge coordinates. NaN points break the line.
/// </summary>
internal static class PolylineClipper
{
    /// <summary>The visible pieces of the polyline, each with at least two points.</summary>
    public static List<List<(double X, double Y)>> Clip(IReadOnlyList<(double X, double Y)> points, CoordinateRect frame)
    {
        List<List<(double X, double Y)>> pieces = [];
        List<(double X, double Y)>? current = null;
        for (int i = 0; i + 1 < points.Count; i++)
        {
            var a = points[i];
            var b = points[i + 1];
            if (!Finite(a) || !Finite(b) || !ClipSegment(ref a, ref b, frame))
            {
                Close(pieces, ref current);
                continue;
            }

            if (current is null || current[^1] != a)
            {
                Close(pieces, ref current);
                current = [a];
            }

            current.Add(b);

            // A segment cut at its end leaves the frame there; the next one starts a new piece.
            if (b != points[i + 1])
            {
                Close(pieces, ref current);
            }
        }

        Close(pieces, ref current);
        return pieces;
    }

    private static void Close(List<List<(double X, double Y)>> pieces, ref List<(double X, double Y)>? current)
    {
        if (current is { Count: >= 2 })
        {
            pieces.Add(current);
        }

        current = null;
    }

    private static bool Finite((double X, double Y) p) => double.IsFinite(p.X) && double.IsFinite(p.Y);

    private static bool ClipSegment(ref (double X, double Y) a, ref (double X, double Y) b, CoordinateRect r)
    {
        double dx = b.X - a.X, dy = b.Y - a.Y;
        double t0 = 0, t1 = 1;
        if (!Edge(-dx, a.X - r.Left, ref t0, ref t1)
            || !Edge(dx, r.Right - a.X, ref t0, ref t1)
            || !Edge(-dy, a.Y - r.Bottom, ref t0, ref t1)
            || !Edge(dy, r.Top - a.Y, ref t0, ref t1))
        {
            return false;
        }

        var start = a;
        if (t1 < 1)
        {
            b = (start.X + (t1 * dx), start.Y + (t1 * dy));
        }

        if (t0 > 0)
        {
            a = (start.X + (t0 * dx), start.Y + (t0 * dy));
        }

        return true;
    }

    private static bool Edge(double p, double q, ref double t0, ref double t1)
    {
        if (p == 0)
        {
            return q >= 0;
        }

        double t = q / p;
        if (p < 0)
        {
            if (t > t1)
            {
                return false;
            }

            t0 = Math.Max(t0, t);
        }
        else
        {
            if (t < t0)
            {
                return false;
            }

            t1 = Math.Min(t1, t);
        }

        return true;
    }
}
