using EosSweep.Core;

namespace EosSweep.Engine;

/// <summary>The sweep a data-set directory holds, which a resumed run continues.</summary>
/// <param name="Spec">The stored sweep's settings: the bottom layer of a resumed run's spec.</param>
/// <param name="RefineLevels">Refinement levels when the directory holds a refined sweep, else null.</param>
/// <param name="RefineMargin">Refinement margin when the directory holds a refined sweep, else null.</param>
/// <param name="ModelAssembly">The simple name of the assembly that defines the stored sweep's model, where the data set
/// records it (format 2 on), else null.</param>
public sealed record StoredSweep(SweepSettings Spec, int? RefineLevels, int? RefineMargin, string? ModelAssembly = null);
