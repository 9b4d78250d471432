namespace EosSweep.Analysis;

/// <summary>Choices for <see cref="Summarizer.Summarize"/>; every field has a default.</summary>
public sealed record SummaryOptions
{
    /// <summary>
    /// Axis on the horizontal of the figures. Default: <c>eta</c> when it varies, else the first varying
    /// axis that is not a replicate axis (<see cref="ReplicateAxes"/>).
    /// </summary>
    public string? XAxis { get; init; }

    /// <summary>
    /// Axis on the vertical of the phase diagrams. Default: the next varying non-replicate axis after
    /// <see cref="XAxis"/> in model order; with none, the summary draws curves against <see cref="XAxis"/>.
    /// </summary>
    public string? YAxis { get; init; }

    /// <summary>
    /// Axes that repeat an experiment rather than span a dimension of it: never chosen as a plot axis by
    /// default, always averaged over. Null means every axis named <c>seed</c> or ending in <c>_seed</c>.
    /// </summary>
    public IReadOnlyList<string>? ReplicateAxes { get; init; }

    /// <summary>Figure width in pixels (PNG) or user units (SVG).</summary>
    public int Width { get; init; } = 900;

    /// <summary>Figure height in pixels (PNG) or user units (SVG).</summary>
    public int Height { get; init; } = 700;

    /// <summary>
    /// Upper end of the stability-ratio colour scale: the scale spans the finite values, clipped to
    /// [0, this]. Ratios above it take the top colour. 2 shows the edge (ratio 1) mid-scale.
    /// </summary>
    public double StabilityRatioClip { get; init; } = 2.0;

    /// <summary>
    /// Lines about the data set that the report states before its own notes, e.g. that the model's theory is not loaded
    /// (so there are no overlays or checks) or that another engine version wrote it.
    /// </summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
