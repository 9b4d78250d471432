using EosSweep.Core.Refine;

namespace EosSweep.Engine;

/// <summary>A refined run about to compute its remaining levels.</summary>
/// <param name="Directory">The output directory.</param>
/// <param name="Grid">The refinement: coarse grid, levels and finest grid.</param>
/// <param name="Margin">Cells added around the boundary at each level.</param>
/// <param name="CompletedLevels">Levels already in the directory.</param>
/// <param name="Computed">Trajectories already in the directory.</param>
public sealed record RefinedRunStart(string Directory, RefineGrid Grid, int Margin, int CompletedLevels, long Computed);
