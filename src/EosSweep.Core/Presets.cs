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
        ["fractal-tanh"] = (
            "mlp, width 16, tanh, d = 16, n = 272 Gaussian points: (η₁, η₂) log 1..1000 × log 3..50 at 1024×1024, 500 steps; the trainability boundary (--resolution N sets the side)",
            new SweepSettings
            {
                Model = "mlp",
                Axes = new Dictionary<string, string>
                {
                    ["eta1"] = "log:1:1000:1024",
                    ["eta2"] = "log:3:50:1024",
                    ["m"] = "16",
                    ["d"] = "16",
                },
                Options = new Dictionary<string, string> { ["activation"] = "tanh", ["sharpness_every"] = "never" },
                Steps = 500,
            }),
    };

    /// <summary>
    /// A preset with the point count of each of its ranged axes (<c>log:A:B:N</c>, <c>lin:A:B:N</c>) set to
    /// <paramref name="resolution"/>: the grid side of a 2-axis preset (<c>run --resolution N</c>).
    /// </summary>
    /// <exception cref="SweepInputException">No preset has this name, the resolution is below 2, or the preset has no ranged axis.</exception>
    public static SweepSettings Get(string name, int resolution)
    {
        var settings = Get(name);
        if (resolution < 2)
        {
            throw new SweepInputException($"--resolution must be at least 2, got {resolution}");
        }

        var axes = new Dictionary<string, string>();
        bool any = false;
        foreach (var (axis, text) in settings.Axes ?? new Dictionary<string, string>())
        {
            var parts = text.Split(':');
            bool ranged = parts.Length == 4 && parts[0] is "log" or "lin";
            axes[axis] = ranged ? string.Join(':', parts[0], parts[1], parts[2], resolution.ToString(CultureInfo.InvariantCulture)) : text;
            any |= ranged;
        }

        return any ? settings with { Axes = axes } : throw new SweepInputException($"--resolution: preset '{name}' has no ranged axis to resize");
    }

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
