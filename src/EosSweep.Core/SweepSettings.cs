using System.Text.Json.Serialization;

namespace EosSweep.Core;

/// <summary>
/// What a user may set, every field optional: the form of a <c>--spec</c> JSON file, of a preset, and
/// of the command-line flags. Layers merge with <see cref="Over"/> (flags over file over preset),
/// then <see cref="SpecResolver"/> validates and fills defaults.
/// </summary>
public sealed record SweepSettings
{
    /// <summary>Model name.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>Loss name.</summary>
    [JsonPropertyName("loss")]
    public string? Loss { get; init; }

    /// <summary>Axis name → axis text (<c>log:…</c>, <c>lin:…</c>, list or one value).</summary>
    [JsonPropertyName("axes")]
    public IReadOnlyDictionary<string, string>? Axes { get; init; }

    /// <summary>GD steps per trajectory.</summary>
    [JsonPropertyName("steps")]
    public int? Steps { get; init; }

    /// <summary><c>f64</c> or <c>f32</c>.</summary>
    [JsonPropertyName("precision")]
    public string? Precision { get; init; }

    /// <summary><c>auto</c>, <c>cpu</c>, <c>cuda</c> or <c>opencl</c>.</summary>
    [JsonPropertyName("accelerator")]
    public string? Accelerator { get; init; }

    /// <summary>Trajectories per launch.</summary>
    [JsonPropertyName("batch")]
    public int? Batch { get; init; }

    /// <summary>CPU threads.</summary>
    [JsonPropertyName("threads")]
    public int? Threads { get; init; }

    /// <summary>Convergence tolerance.</summary>
    [JsonPropertyName("tol")]
    public double? Tolerance { get; init; }

    /// <summary>Divergence bound on |θ|.</summary>
    [JsonPropertyName("diverge_bound")]
    public double? DivergenceBound { get; init; }

    /// <summary>Total time τ: each trajectory runs T = round(τ/η) steps (instead of a fixed --steps).</summary>
    [JsonPropertyName("tau")]
    public double? Tau { get; init; }

    /// <summary>Model switches by name (see ModelInfo.Options).</summary>
    [JsonPropertyName("options")]
    public IReadOnlyDictionary<string, string>? Options { get; init; }

    /// <summary>Trajectories recorded step by step (TraceSelector text).</summary>
    [JsonPropertyName("trace")]
    public string? Trace { get; init; }

    /// <summary>Record every this many steps.</summary>
    [JsonPropertyName("trace_every")]
    public int? TraceEvery { get; init; }

    /// <summary>Largest trace volume accepted before the run starts.</summary>
    [JsonPropertyName("max_trace_bytes")]
    public long? MaxTraceBytes { get; init; }

    /// <summary>Margin below 1 at which the stability ratio counts as the edge.</summary>
    [JsonPropertyName("eos_margin")]
    public double? EosMargin { get; init; }

    /// <summary>This layer over <paramref name="lower"/>: set fields win, axes and options merge by name; steps and tau
    /// are one choice (a layer that sets either replaces both).</summary>
    public SweepSettings Over(SweepSettings lower)
    {
        Dictionary<string, string>? options = null;
        if (lower.Options is not null || Options is not null)
        {
            options = new Dictionary<string, string>(lower.Options ?? new Dictionary<string, string>());
            foreach (var (k, v) in Options ?? new Dictionary<string, string>())
            {
                options[k] = v;
            }
        }

        Dictionary<string, string>? axes = null;
        if (lower.Axes is not null || Axes is not null)
        {
            axes = new Dictionary<string, string>(lower.Axes ?? new Dictionary<string, string>());
            foreach (var (k, v) in Axes ?? new Dictionary<string, string>())
            {
                axes[k] = v;
            }
        }

        return new SweepSettings
        {
            Model = Model ?? lower.Model,
            Loss = Loss ?? lower.Loss,
            Axes = axes,
            Steps = Steps is null && Tau is null ? lower.Steps : Steps,
            Precision = Precision ?? lower.Precision,
            Accelerator = Accelerator ?? lower.Accelerator,
            Batch = Batch ?? lower.Batch,
            Threads = Threads ?? lower.Threads,
            Tolerance = Tolerance ?? lower.Tolerance,
            DivergenceBound = DivergenceBound ?? lower.DivergenceBound,
            EosMargin = EosMargin ?? lower.EosMargin,
            Trace = Trace ?? lower.Trace,
            TraceEvery = TraceEvery ?? lower.TraceEvery,
            MaxTraceBytes = MaxTraceBytes ?? lower.MaxTraceBytes,
            Tau = Steps is null && Tau is null ? lower.Tau : Tau,
            Options = options,
        };
    }
}
