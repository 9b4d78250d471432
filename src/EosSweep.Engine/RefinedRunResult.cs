namespace EosSweep.Engine;

/// <summary>What a refined run did to its data set.</summary>
/// <param name="Directory">The output directory.</param>
/// <param name="Levels">Refinement levels after level 0.</param>
/// <param name="AlreadyComplete">Every level was already in the directory; nothing ran.</param>
/// <param name="Ran">Trajectories this run computed.</param>
/// <param name="Computed">Trajectories the refined sweep holds, over all levels.</param>
/// <param name="DenseCells">Cells of the finest grid, the size of the dense run it stands for.</param>
/// <param name="Elapsed">Wall time of this run's levels.</param>
public sealed record RefinedRunResult(string Directory, int Levels, bool AlreadyComplete, long Ran, long Computed, long DenseCells, TimeSpan Elapsed);
