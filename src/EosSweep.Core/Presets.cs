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
        ["ahn-fig1"] = (
            "the paper's Figure 1: sparse-coding, d = 200, n = 300, λ = 3, 59 η from 1e-4 to 0.012 (39 around η* = 8π/d²), seeds 0–4, T = round(10/η)",
            new SweepSettings
            {
                Model = "sparse-coding",
                Axes = new Dictionary<string, string>
                {
                    ["eta"] = Fig1Eta(),
                    ["d"] = "200",
                    ["n"] = "300",
                    ["lambda"] = "3",
                    ["n_test"] = "10000",
                    ["seed"] = "0,1,2,3,4",
                },
                Tau = 10,
            }),
    };

    /// <summary>
    /// The η axis of Figure 1: every 5e-5 from 1e-4 to 2e-3 (39 points around η* = 8π/200² ≈ 6.28e-4), then every
    /// 5e-4 up to 0.012.
    /// </summary>
    public static string Fig1Eta()
    {
        var values = new List<double>();
        for (int k = 2; k <= 40; k++)
        {
            values.Add((double)(k * 0.00005m));
        }

        for (int k = 5; k <= 24; k++)
        {
            values.Add((double)(k * 0.0005m));
        }

        return string.Join(",", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
    }

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
