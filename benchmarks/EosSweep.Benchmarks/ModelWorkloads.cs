using System.Globalization;
using EosSweep.Core;

namespace EosSweep.Benchmarks;

/// <summary>
/// The η × initial-value grids the bench and the backend check run per built-in model: each spans the model's
/// regimes (converging, edge of stability or catapult, divergence) so that a measurement or a comparison exercises
/// every branch of its math. One table for both, so they measure and check the same sweeps.
/// </summary>
public static class ModelWorkloads
{
    /// <summary>The built-in models with a 2-axis grid here (sparse-coding has its own: η × seeds at the paper's size).</summary>
    public static IReadOnlyList<string> Models { get; } = ["xy", "mean", "quartic", "cosine", "uv", "mlp"];

    /// <summary>
    /// A <paramref name="side"/> × <paramref name="side"/> grid of <paramref name="model"/> with convergence left on
    /// (the caller sets <c>Tolerance</c>, <c>Accelerator</c>). The mlp grid (width 8 on 8 inputs, 72 points, a
    /// trajectory a few hundred times an xy one) stays inside the trainable region, η₁, η₂ in [0.1, 3]: near the
    /// fractal trainability boundary the iteration is chaotic, and any rounding difference between two backends
    /// (another tanh, a multiply-add contracted into an FMA) grows to O(1) within tens of steps (measured: libdevice's
    /// tanh against the project's on η₁ up to 300 differs by up to 93 % in w_rms after 20 steps; on this grid by
    /// 7e-12 after 100 steps), which is the boundary's nature, not a kernel error a check should flag.
    /// </summary>
    /// <exception cref="ArgumentException">No grid for this model.</exception>
    public static SweepSettings Grid(string model, int side, int steps, string? precision)
    {
        string n = side.ToString(CultureInfo.InvariantCulture);
        (string? loss, Dictionary<string, string> axes, Dictionary<string, string>? options) = model switch
        {
            "xy" => ((string?)"logistic", new Dictionary<string, string> { ["eta"] = $"log:0.01:0.5:{n}", ["y0"] = $"lin:0.5:12:{n}", ["x0"] = "0.1" }, (Dictionary<string, string>?)null),
            "mean" => ("logistic", new Dictionary<string, string> { ["eta"] = $"log:3e-5:0.0125:{n}", ["a_plus0"] = $"lin:-0.2:0.2:{n}" }, null),
            // x0 from near the y-axis to far out, y0 = 0.5: balanced and unbalanced starts; η up to 0.6 (> ½: nothing stable).
            "quartic" => ((string?)null, new Dictionary<string, string> { ["eta"] = $"log:0.01:0.6:{n}", ["x0"] = $"lin:0.2:2.5:{n}" }, null),
            // δ = 0.5, λ = 1 (δk² ≈ 19.7): stable below η ≈ 0.09, ripple-trapped and chaotic above.
            "cosine" => (null, new Dictionary<string, string> { ["eta"] = $"log:0.02:1.2:{n}", ["x0"] = $"lin:-3:3:{n}", ["delta"] = "0.5" }, null),
            // m = 256, σ = 1: λ₀ ≈ 2, so η from lazy (< 1) through the catapult (1..2) to divergence (> ≈ 2).
            "uv" => (null, new Dictionary<string, string> { ["eta"] = $"log:0.2:4:{n}", ["y"] = $"lin:0.5:2:{n}", ["m"] = "256" }, null),
            "mlp" => (null, new Dictionary<string, string> { ["eta1"] = $"log:0.1:3:{n}", ["eta2"] = $"log:0.1:3:{n}", ["m"] = "8", ["d"] = "8" },
                new Dictionary<string, string> { ["activation"] = "tanh", ["sharpness_every"] = "10" }),
            _ => throw new ArgumentException($"no workload grid for model '{model}'", nameof(model)),
        };
        return new SweepSettings { Model = model, Loss = loss, Steps = steps, Precision = precision, Axes = axes, Options = options };
    }
}
