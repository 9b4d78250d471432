using System.Text.Json.Serialization;
using EosSweep.Core.Grid;
using EosSweep.Core.Models;

namespace EosSweep.Core;

/// <summary>
/// A fully resolved and validated sweep: the model, its loss, one axis per model axis (constants
/// included) in the model's order, and the run settings. A trajectory depends only on this spec and
/// its index in the grid.
/// </summary>
public sealed record SweepSpec
{
    /// <summary>Model name (<see cref="ModelInfo.Name"/>).</summary>
    public required string Model { get; init; }

    /// <summary>The loss ℓ.</summary>
    public required LossKind Loss { get; init; }

    /// <summary>Every axis of the model in the model's order; a constant is an axis of one value.</summary>
    /// <remarks>Setting the axes (also through <c>with</c>) drops the cached <see cref="Grid"/>.</remarks>
    public required IReadOnlyList<AxisSpec> Axes
    {
        get => _axes;
        init
        {
            _axes = value;
            _grid = null;
        }
    }

    private readonly IReadOnlyList<AxisSpec> _axes = [];

    /// <summary>Maximum number of GD steps per trajectory (with <see cref="Tau"/>: the largest round(τ/η) of the grid).</summary>
    public required int Steps { get; init; }

    /// <summary>Total time τ: trajectory steps are round(τ/η); null for a fixed <see cref="Steps"/>.</summary>
    public double? Tau { get; init; }

    /// <summary>Every model option with its value (defaults filled in).</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    /// <summary>Kernel arithmetic precision.</summary>
    public required Precision Precision { get; init; }

    /// <summary>The accelerator asked for.</summary>
    public required AcceleratorChoice Accelerator { get; init; }

    /// <summary>Trajectories per kernel launch; null picks one from device memory.</summary>
    public int? Batch { get; init; }

    /// <summary>CPU accelerator threads; null uses every core. Never changes a result bit.</summary>
    public int? Threads { get; init; }

    /// <summary>Convergence tolerance on the relative GD move (see <see cref="RegimeRules"/>).</summary>
    public required double Tolerance { get; init; }

    /// <summary>A parameter with |θ| above this is diverged.</summary>
    public required double DivergenceBound { get; init; }

    /// <summary>A converged run whose stability ratio reached 1 − this is eos (see <see cref="RegimeRules"/>).</summary>
    public required double EosMargin { get; init; }

    /// <summary>Trajectories recorded step by step, or null.</summary>
    public TraceSelector? Trace { get; init; }

    /// <summary>Steps between trace rows.</summary>
    public int TraceEvery { get; init; } = 1;

    /// <summary>The trace rows of one trajectory at most: steps 0, s, 2s, … up to the budget, and the final point.</summary>
    [JsonIgnore]
    public int TraceRows => (Steps / TraceEvery) + 2;

    /// <summary>The grid these axes span.</summary>
    [JsonIgnore]
    public SweepGrid Grid => _grid ??= new SweepGrid(Axes);

    private SweepGrid? _grid;

    /// <summary>The axes with more than one value (the dimensions of the phase diagram).</summary>
    [JsonIgnore]
    public IReadOnlyList<AxisSpec> VaryingAxes => Axes.Where(a => a.Count > 1).ToList();

    /// <summary>The axis of this name.</summary>
    public AxisSpec Axis(string name) =>
        Axes.FirstOrDefault(a => a.Name == name) ?? throw new KeyNotFoundException($"no axis '{name}' in this sweep");

    /// <summary>The single value of a constant axis, or null when the axis varies.</summary>
    public double? ConstantOf(string name)
    {
        var a = Axes.FirstOrDefault(x => x.Name == name);
        return a is { Count: 1 } ? a.Values[0] : null;
    }
}
