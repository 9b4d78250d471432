using System.Globalization;

namespace EosSweep.Core;

/// <summary>
/// Named sweeps a user runs with <c>--preset NAME</c>; flags and <c>--spec</c> override any field.
/// </summary>
public static class Presets
{
    /// <summary>η* = 8π/d² at the paper's d = 200.</summary>
    public static readonly double EtaStarD200 = 8 * Math.PI / (200.0 * 200.0);

    private static readonly Dictionary<string, (string Description, SweepSettings Settings)> Table = new()
    {
        ["quickstart"] = (
            "small ℓ(xy) grid, logistic loss: η log 0.05..1 × y0 lin 0.5..16, 40×40, x0 = 0.1 (seconds)",
            new SweepSettings
            {
                Model = "xy",
                Loss = "logistic",
                Axes = new Dictionary<string, string> { ["eta"] = "log:0.05:1:40", ["y0"] = "lin:0.5:16:40", ["x0"] = "0.1" },
                Steps = 100_000,
            }),
        ["ahn-xy"] = (
            "ℓ(xy), logistic: η log 0.01..1 × y0 log 1..100 at 512×512, x0 = 0.1, around y0² = 2/(η·ℓ''(0))",
            new SweepSettings
            {
                Model = "xy",
                Loss = "logistic",
                Axes = new Dictionary<string, string> { ["eta"] = "log:0.01:1:512", ["y0"] = "log:1:100:512", ["x0"] = "0.1" },
                Steps = 500_000,
            }),
        ["ahn-mean"] = (
            "mean model at d = 200: 400 log-spaced η from η*/20 to 20·η* (η* = 8π/d²)",
            new SweepSettings
            {
                Model = "mean",
                Loss = "logistic",
                Axes = new Dictionary<string, string>
                {
                    ["eta"] = string.Create(CultureInfo.InvariantCulture, $"log:{EtaStarD200 / 20:R}:{EtaStarD200 * 20:R}:400"),
                    ["d"] = "200",
                },
                Steps = 200_000,
            }),
    };

    /// <summary>Preset names.</summary>
    public static IReadOnlyList<string> Names => Table.Keys.ToList();

    /// <summary>One-line description of a preset.</summary>
    public static string Describe(string name) => Table[name].Description;

    /// <summary>The settings of a preset.</summary>
    /// <exception cref="SweepInputException">No preset has this name.</exception>
    public static SweepSettings Get(string name) =>
        Table.TryGetValue(name.Trim().ToLowerInvariant(), out var p)
            ? p.Settings
            : throw new SweepInputException($"unknown preset '{name}'; expected one of: {string.Join(", ", Table.Keys)}");
}
