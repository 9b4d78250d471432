using EosSweep.Core;
using EosSweep.Core.Models;
using EosSweep.Core.Results;

namespace EosSweep.Analysis;

/// <summary>Everything one summary run reads, passed to each figure.</summary>
internal sealed record SummaryContext(
    SweepSpec Spec,
    ModelInfo Model,
    ResultTable Table,
    string Directory,
    SummaryOptions Options)
{
    /// <summary>The loss's command-line name.</summary>
    public string LossName => LossInfo.Of(Spec.Loss).Name;

    /// <summary>
    /// A second title line naming the varying axes folded into each cell, or empty when none are.
    /// </summary>
    public string FoldNote(PlotAxis x, PlotAxis? y, bool mode = false)
    {
        var folded = Spec.VaryingAxes
            .Where(a => a.Name != x.Name && a.Name != y?.Name)
            .Select(a => $"{a.Name} ({a.Count} values)")
            .ToList();
        if (folded.Count == 0)
        {
            return "";
        }

        return (mode ? "\nmost frequent over " : "\nmean over ") + string.Join(", ", folded);
    }
}
