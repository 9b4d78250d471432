namespace EosSweep.Core.Refine;

/// <summary>Compares two boundaries drawn on the same grid.</summary>
public static class RefineBoundary
{
    /// <summary>
    /// How many flagged cells of <paramref name="want"/> have no flagged cell of <paramref name="got"/> within
    /// <paramref name="tolerance"/> cells (Chebyshev distance); 0 both ways means the same cells are flagged within
    /// that tolerance.
    /// </summary>
    public static long Unmatched(bool[] want, bool[] got, int rows, int cols, int tolerance)
    {
        ArgumentNullException.ThrowIfNull(want);
        var near = RefinePlanner.Widen(got, rows, cols, tolerance);
        long missing = 0;
        for (int k = 0; k < want.Length; k++)
        {
            if (want[k] && !near[k])
            {
                missing++;
            }
        }

        return missing;
    }
}
