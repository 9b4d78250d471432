using EosSweep.Core.Results;

namespace EosSweep.Core.Models;

/// <summary>
/// Host-side description of a model: its axes, parameters, losses and theory. The engine, the writer
/// and the summarizer only see models through this type, never by name.
/// </summary>
public abstract class ModelInfo
{
    /// <summary>The CLI name (<c>--model</c>) and the value of the <c>model</c> column.</summary>
    public abstract string Name { get; }

    /// <summary>One sentence: what the model is.</summary>
    public abstract string Description { get; }

    /// <summary>The axes, in the order the kernel reads them. The first is the step size η.</summary>
    public abstract IReadOnlyList<AxisInfo> Axes { get; }

    /// <summary>The trained parameters, in kernel order; columns are <c>final_&lt;name&gt;</c>.</summary>
    public abstract IReadOnlyList<string> Parameters { get; }

    /// <summary>The losses this model accepts.</summary>
    public abstract IReadOnlyList<LossKind> Losses { get; }

    /// <summary>The loss used when none is given.</summary>
    public abstract LossKind DefaultLoss { get; }

    /// <summary>The equations and theory, one line each (for <c>models</c> and the README).</summary>
    public abstract IReadOnlyList<string> Theory { get; }

    /// <summary>The column a 1-axis summary plots against its axis.</summary>
    public virtual string CurveColumn => ResultColumns.StabilityRatio;

    /// <summary>Every column a 1-axis summary draws against its axis (one figure each); default: <see cref="CurveColumn"/>.</summary>
    public virtual IReadOnlyList<string> CurveColumns => [CurveColumn];

    /// <summary>An x range for an extra zoomed copy of each 1-axis curve (Figure 1's inset), or null.</summary>
    public virtual (double Lo, double Hi)? CurveZoom(SweepSpec spec) => null;

    /// <summary>Model-specific result columns (doubles) written after the common measures, in kernel order.</summary>
    public virtual IReadOnlyList<string> ExtraColumns => [];

    /// <summary>
    /// What the values of extra column <paramref name="column"/> (one of <see cref="ExtraColumns"/>) mean, with their
    /// unit where they have one: recorded in the data set's column list so it reads without the model's code.
    /// </summary>
    public virtual string ExtraColumnMeaning(string column) => $"a result of model '{Name}' (double)";

    /// <summary>
    /// A column that classifies rows as trainable (value &lt; 1) or not, as the fractal-trainability literature's
    /// convergence measure does; a 2-axis summary then draws the trainable/untrainable image and reports its
    /// boundary's box-counting dimension. Null (the default) when the regime alone classifies rows.
    /// </summary>
    public virtual string? TrainabilityColumn => null;

    /// <summary>Model switches (<c>--name value</c>); the kernel sees them as <see cref="OptionFlags"/>.</summary>
    public virtual IReadOnlyList<ModelOption> Options => [];

    /// <summary>Default total time τ (T = round(τ/η) steps) when neither --steps nor --tau is given; null uses --steps' default.</summary>
    public virtual double? DefaultTau => null;

    /// <summary>
    /// The options as the integer the kernel reads: option i's value index in bits 4i..4i+3
    /// (at most 8 options of at most 16 values).
    /// </summary>
    public int OptionFlags(IReadOnlyDictionary<string, string> values)
    {
        int flags = 0;
        for (int i = 0; i < Options.Count; i++)
        {
            var o = Options[i];
            int index = values.TryGetValue(o.Name, out var v) ? IndexOf(o.Values, v) : IndexOf(o.Values, o.Default);
            flags |= Math.Max(0, index) << (4 * i);
        }

        return flags;
    }

    /// <summary>Predicted thresholds on the axes of this sweep.</summary>
    public virtual IReadOnlyList<TheoryMarker> Markers(SweepSpec spec) => [];

    /// <summary>Predicted curves (phase boundaries between axes, or values of a column) for this sweep.</summary>
    public virtual IReadOnlyList<TheoryCurve> Curves(SweepSpec spec) => [];

    /// <summary>Compares a finished sweep with the theory.</summary>
    public virtual IReadOnlyList<TheoryCheck> Checks(SweepSpec spec, ResultTable table) => [];

    /// <summary>Finds an axis by name, or null.</summary>
    public AxisInfo? FindAxis(string name) => Axes.FirstOrDefault(a => a.Name == name);

    /// <summary>256 points from <paramref name="lo"/> to <paramref name="hi"/>, geometric on a log axis: where theory curves are sampled.</summary>
    protected static IEnumerable<double> SampleAxis(double lo, double hi, bool log)
    {
        const int n = 256;
        for (int i = 0; i < n; i++)
        {
            double t = (double)i / (n - 1);
            yield return log ? Math.Exp(Math.Log(lo) + (t * (Math.Log(hi) - Math.Log(lo)))) : lo + (t * (hi - lo));
        }
    }

    private static int IndexOf(IReadOnlyList<string> values, string value)
    {
        for (int i = 0; i < values.Count; i++)
        {
            if (values[i] == value)
            {
                return i;
            }
        }

        return -1;
    }
}
