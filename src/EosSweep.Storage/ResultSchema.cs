using EosSweep.Core.Models;
using EosSweep.Core.Results;
using Parquet.Schema;

namespace EosSweep.Storage;

/// <summary>
/// The Parquet columns of a model's data set, one row per trajectory, in this order:
/// <c>traj_id</c> (int64), <c>model</c>, <c>loss</c> (strings), one column per model axis named as the
/// axis (int64 for integer axes, else double), <c>final_&lt;param&gt;</c> per parameter and the measures
/// of <see cref="ResultLayout.MeasureNames"/> (double), <c>steps</c> (int32), <c>diverged</c> (bool),
/// <c>diverged_step</c> (int32, −1 when not diverged) and <c>regime</c> (string). Every column is
/// required (no nulls): a measure that is undefined for a trajectory is NaN, never null. <see cref="Columns"/> describes
/// each column (type, role, meaning) for <c>sweep.json</c>, from the same lists the fields are built from.
/// </summary>
public sealed class ResultSchema
{
    /// <summary>Builds the schema of <paramref name="model"/>'s data set.</summary>
    /// <exception cref="ArgumentException">An axis or parameter name collides with another column.</exception>
    public ResultSchema(ModelInfo model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        TrajId = new DataField<long>(ResultColumns.TrajId);
        ModelName = new DataField<string>(ResultColumns.Model, false);
        Loss = new DataField<string>(ResultColumns.Loss, false);

        var described = new List<DataSetColumn>
        {
            new(ResultColumns.TrajId, DataSetColumn.Int64, ColumnRole.Id, "grid index of the trajectory (first axis slowest)"),
            new(ResultColumns.Model, DataSetColumn.String, ColumnRole.Label, "model name"),
            new(ResultColumns.Loss, DataSetColumn.String, ColumnRole.Label, "loss name"),
        };

        var axes = new DataField[model.Axes.Count];
        for (int k = 0; k < axes.Length; k++)
        {
            var a = model.Axes[k];
            axes[k] = a.Integer ? new DataField<long>(a.Name) : new DataField<double>(a.Name);
            described.Add(new(a.Name, a.Integer ? DataSetColumn.Int64 : DataSetColumn.Double, ColumnRole.Axis, a.Description));
        }

        int p = model.Parameters.Count;
        var doubles = new DataField<double>[ResultLayout.DoubleCount(p, model.ExtraColumns.Count)];
        for (int i = 0; i < p; i++)
        {
            doubles[i] = new DataField<double>(ResultColumns.Final(model.Parameters[i]));
            described.Add(new(doubles[i].Name, DataSetColumn.Double, ColumnRole.Parameter, $"final value of parameter {model.Parameters[i]}"));
        }

        for (int m = 0; m < ResultLayout.MeasureNames.Count; m++)
        {
            doubles[p + m] = new DataField<double>(ResultLayout.MeasureNames[m]);
            described.Add(new(doubles[p + m].Name, DataSetColumn.Double, ColumnRole.Measure, MeasureMeaning(ResultLayout.MeasureNames[m])));
        }

        for (int e = 0; e < model.ExtraColumns.Count; e++)
        {
            doubles[ResultLayout.Extra(p) + e] = new DataField<double>(model.ExtraColumns[e]);
            described.Add(new(model.ExtraColumns[e], DataSetColumn.Double, ColumnRole.Extra, model.ExtraColumnMeaning(model.ExtraColumns[e])));
        }

        described.Add(new(ResultColumns.Steps, DataSetColumn.Int32, ColumnRole.Outcome, "GD steps taken"));
        described.Add(new(ResultColumns.Diverged, DataSetColumn.Boolean, ColumnRole.Outcome, "whether the trajectory diverged (regime diverged)"));
        described.Add(new(ResultColumns.DivergedStep, DataSetColumn.Int32, ColumnRole.Outcome, "the step at which it diverged, -1 when it did not"));
        described.Add(new(ResultColumns.Regime, DataSetColumn.String, ColumnRole.Outcome, "gf, eos, diverged or unconverged (the README's regime rules, also in sweep.json)"));

        AxisFields = axes;
        DoubleFields = doubles;
        Steps = new DataField<int>(ResultColumns.Steps);
        Diverged = new DataField<bool>(ResultColumns.Diverged);
        DivergedStep = new DataField<int>(ResultColumns.DivergedStep);
        Regime = new DataField<string>(ResultColumns.Regime, false);

        var all = new List<DataField>(axes.Length + doubles.Length + 7) { TrajId, ModelName, Loss };
        all.AddRange(axes);
        all.AddRange(doubles);
        all.Add(Steps);
        all.Add(Diverged);
        all.Add(DivergedStep);
        all.Add(Regime);

        var names = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new string[all.Count];
        for (int i = 0; i < all.Count; i++)
        {
            if (!names.Add(all[i].Name))
            {
                throw new ArgumentException($"model '{model.Name}' has two columns named '{all[i].Name}'", nameof(model));
            }

            ordered[i] = all[i].Name;
        }

        ColumnNames = ordered;
        Columns = described;
        Parquet = new ParquetSchema(all.ToArray());
    }

    /// <summary>Every column described (name, Parquet type, role, meaning), in write order: <c>sweep.json</c>'s
    /// <c>columns</c>.</summary>
    public IReadOnlyList<DataSetColumn> Columns { get; }

    /// <summary>The model whose results the schema holds.</summary>
    public ModelInfo Model { get; }

    /// <summary>The whole schema, columns in write order.</summary>
    public ParquetSchema Parquet { get; }

    /// <summary>Column names in write order.</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary><c>traj_id</c>: the trajectory's grid index (int64).</summary>
    public DataField<long> TrajId { get; }

    /// <summary><c>model</c>: the model name (string).</summary>
    public DataField<string> ModelName { get; }

    /// <summary><c>loss</c>: the loss name (string).</summary>
    public DataField<string> Loss { get; }

    /// <summary>One column per model axis, in <see cref="ModelInfo.Axes"/> order: <c>DataField&lt;long&gt;</c> for
    /// integer axes, else <c>DataField&lt;double&gt;</c>.</summary>
    public IReadOnlyList<DataField> AxisFields { get; }

    /// <summary>The double columns in <see cref="ResultLayout"/> order: final parameters, then the measures.</summary>
    public IReadOnlyList<DataField<double>> DoubleFields { get; }

    /// <summary><c>steps</c>: GD steps taken (int32).</summary>
    public DataField<int> Steps { get; }

    /// <summary><c>diverged</c>: whether the regime is diverged (bool).</summary>
    public DataField<bool> Diverged { get; }

    /// <summary><c>diverged_step</c>: the step it diverged at, −1 when it did not (int32).</summary>
    public DataField<int> DivergedStep { get; }

    /// <summary><c>regime</c>: gf, eos, diverged or unconverged (string).</summary>
    public DataField<string> Regime { get; }

    private static string MeasureMeaning(string measure) => measure switch
    {
        ResultColumns.FinalLoss => "loss at the final parameters",
        ResultColumns.MinLoss => "smallest loss seen along the run",
        ResultColumns.SharpnessFinal => "largest Hessian eigenvalue at the final parameters",
        ResultColumns.SharpnessMax => "largest sharpness along the run (final point included)",
        ResultColumns.StabilityRatio => "η·sharpness_final/2: the edge of stability is 1",
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "a measure without a meaning"),
    };
}
