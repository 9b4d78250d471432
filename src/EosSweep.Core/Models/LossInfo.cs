namespace EosSweep.Core.Models;

/// <summary>Host-side facts about a loss: its CLI name, formula and curvature at 0.</summary>
/// <param name="Kind">The loss.</param>
/// <param name="Name">The name used on the command line and in the data set.</param>
/// <param name="Formula">ℓ(s) as text.</param>
/// <param name="CurvatureAtZero">ℓ''(0): sets every threshold in docs/models.md.</param>
/// <param name="SubQuadratic">True when ℓ grows slower than s² (the losses that settle at the edge).</param>
public sealed record LossInfo(LossKind Kind, string Name, string Formula, double CurvatureAtZero, bool SubQuadratic)
{
    /// <summary>All losses, in enum order.</summary>
    public static IReadOnlyList<LossInfo> All { get; } =
    [
        new(LossKind.Logistic, "logistic", "log(2·cosh(s/2)) = |s|/2 + log1p(e^-|s|)", 0.25, true),
        new(LossKind.Sqrt, "sqrt", "√(1+s²)", 1.0, true),
        new(LossKind.LogCosh, "logcosh", "log cosh s = |s| + log1p(e^-2|s|) − log 2", 1.0, true),
        new(LossKind.Square, "square", "s²/2", 1.0, false),
        new(LossKind.Logistic1, "logistic1", "log(1 + e^-s) (one-sided, for labelled data: s = y·f)", 0.25, true),
    ];

    /// <summary>The facts for one loss.</summary>
    public static LossInfo Of(LossKind kind) => All[(int)kind];

    /// <summary>Looks a loss up by its CLI name (case-insensitive).</summary>
    /// <exception cref="SweepInputException">The name is not a known loss.</exception>
    public static LossInfo Parse(string name)
    {
        foreach (var info in All)
        {
            if (string.Equals(info.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return info;
            }
        }

        throw new SweepInputException(
            $"unknown loss '{name}'; expected one of: {string.Join(", ", All.Select(l => l.Name))}");
    }
}
