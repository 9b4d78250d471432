using EosSweep.Core;
using EosSweep.Core.Models;
using EosSweep.Core.Results;

namespace EosSweep.Storage;

/// <summary>
/// A model as its data set describes it (<c>sweep.json</c>'s <c>model</c>, <c>columns</c> and spec), for reading a data
/// set whose model is not loaded (a user model read without <c>--model-assembly</c>): the axes, parameters, extra
/// columns, loss and options are exactly those of the part files, so the spec resolves and every column reads; it has
/// no theory (no curves, markers or checks) and no kernel, so it summarises but never computes.
/// </summary>
public sealed class RecordedModel : ModelInfo
{
    private RecordedModel(SweepFile sweep, IReadOnlyList<DataSetColumn> columns)
    {
        Name = sweep.Model?.Name ?? sweep.Spec.Model ?? string.Empty;
        Description = sweep.Model?.Description ?? string.Empty;
        Source = sweep.Model;
        Axes = [.. columns.Where(c => c.Role == ColumnRole.Axis).Select(c => new AxisInfo(c.Name, 0, c.Meaning, Integer: c.Type == DataSetColumn.Int64))];
        Parameters = [.. columns.Where(c => c.Role == ColumnRole.Parameter).Select(c => c.Name[FinalPrefix.Length..])];
        ExtraColumns = [.. columns.Where(c => c.Role == ColumnRole.Extra).Select(c => c.Name)];
        _extraMeanings = columns.Where(c => c.Role == ColumnRole.Extra).ToDictionary(c => c.Name, c => c.Meaning, StringComparer.Ordinal);
        var loss = LossInfo.Parse(sweep.Spec.Loss ?? string.Empty).Kind;
        Losses = [loss];
        DefaultLoss = loss;
        Options = [.. (sweep.Spec.Options ?? new Dictionary<string, string>()).Select(o => new ModelOption(o.Key, [o.Value], o.Value, "as recorded in sweep.json"))];
    }

    private static readonly string FinalPrefix = ResultColumns.Final(string.Empty);

    private readonly Dictionary<string, string> _extraMeanings;

    /// <summary>Where the model is defined (its assembly and type), as recorded.</summary>
    public ModelRecord? Source { get; }

    /// <inheritdoc/>
    public override string Name { get; }

    /// <inheritdoc/>
    public override string Description { get; }

    /// <summary>The axis columns, in file order (the kernel's order); their defaults are never used, as the recorded
    /// spec names every axis.</summary>
    public override IReadOnlyList<AxisInfo> Axes { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> Parameters { get; }

    /// <summary>The one loss the data set was computed with.</summary>
    public override IReadOnlyList<LossKind> Losses { get; }

    /// <inheritdoc/>
    public override LossKind DefaultLoss { get; }

    /// <summary>The recorded options, each with the one value the data set was computed with.</summary>
    public override IReadOnlyList<ModelOption> Options { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> ExtraColumns { get; }

    /// <summary>None: the theory lives in the model's code, which is not loaded.</summary>
    public override IReadOnlyList<string> Theory { get; } = [];

    /// <inheritdoc/>
    public override string ExtraColumnMeaning(string column) =>
        _extraMeanings.TryGetValue(column, out var meaning) ? meaning : base.ExtraColumnMeaning(column);

    /// <summary>The model <paramref name="sweep"/> describes, or null when it lists no columns (format 1).</summary>
    /// <exception cref="SweepInputException">The column list does not describe a data set of this engine's layout.</exception>
    public static RecordedModel? Of(SweepFile sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        if (sweep.Columns is not { } columns)
        {
            return null;
        }

        foreach (var c in columns)
        {
            if (c.Role == ColumnRole.Parameter && (!c.Name.StartsWith(FinalPrefix, StringComparison.Ordinal) || c.Name.Length == FinalPrefix.Length))
            {
                throw new SweepInputException($"sweep.json lists parameter column '{c.Name}', which is not named {FinalPrefix}<parameter>");
            }
        }

        var model = new RecordedModel(sweep, columns);
        IReadOnlyList<DataSetColumn> rebuilt;
        try
        {
            rebuilt = new ResultSchema(model).Columns;
        }
        catch (ArgumentException e)
        {
            throw new SweepInputException($"sweep.json's column list is unusable: {e.Message}");
        }

        if (!rebuilt.Select(c => (c.Name, c.Type, c.Role)).SequenceEqual(columns.Select(c => (c.Name, c.Type, c.Role))))
        {
            throw new SweepInputException(
                $"sweep.json's column list ({string.Join(", ", columns.Select(c => c.Name))}) is not the layout of a data set of this engine ({string.Join(", ", rebuilt.Select(c => c.Name))})");
        }

        return model;
    }
}
