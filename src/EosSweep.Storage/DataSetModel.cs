using EosSweep.Core;
using EosSweep.Core.Models;

namespace EosSweep.Storage;

/// <summary>
/// The resolved spec and the model a data set is read with: the catalog's model of the recorded name (a built-in, or one
/// loaded with <c>--model-assembly</c>) when it has the recorded columns, else the model <c>sweep.json</c> describes
/// (<see cref="RecordedModel"/>: every column, no theory).
/// </summary>
/// <param name="Spec">The recorded spec, resolved.</param>
/// <param name="Model">The model to read and summarise it with.</param>
/// <param name="Note">Null when <paramref name="Model"/> is the catalog's; else one line saying why the recorded model
/// stands in and what that leaves out (theory overlays and checks).</param>
public sealed record DataSetModel(SweepSpec Spec, ModelInfo Model, string? Note)
{
    /// <summary>Resolves <paramref name="sweep"/> against <paramref name="catalog"/>, falling back to the recorded model.</summary>
    /// <exception cref="SweepInputException">The catalog lacks the model and the data set does not describe it (format 1),
    /// or the recorded spec does not resolve.</exception>
    public static DataSetModel Resolve(SweepFile sweep, IReadOnlyList<ModelInfo> catalog)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(catalog);
        var name = sweep.Spec.Model?.Trim();
        var known = catalog.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
        if (known is not null && (sweep.Columns is null || HasColumns(known, sweep.Columns)))
        {
            return new DataSetModel(SpecResolver.Resolve(sweep.Spec, catalog), known, null);
        }

        // Here the catalog lacks the model, or the data set lists its columns (so a format-1 file has no record only when
        // the model is unknown).
        var recorded = RecordedModel.Of(sweep)
            ?? throw new SweepInputException(
                $"unknown model '{name}', and this data set (format 1) predates sweep.json's column list: reading it needs the model's --model-assembly FILE.dll");

        var note = known is null
            ? $"model '{recorded.Name}' is not loaded (it is defined in {AssemblyOf(recorded)}; --model-assembly loads it): generic figures from sweep.json's columns, no theory overlays or checks"
            : $"model '{known.Name}' as loaded has other columns than this data set records: read with the recorded columns, no theory overlays or checks";
        return new DataSetModel(SpecResolver.Resolve(sweep.Spec, [recorded]), recorded, note);
    }

    /// <summary>The file to pass to <c>--model-assembly</c> for a recorded model, as far as the record says.</summary>
    public static string AssemblyOf(RecordedModel model) =>
        model.Source is { Assembly.Length: > 0 } source ? $"{source.Assembly}.dll" : "its assembly";

    private static bool HasColumns(ModelInfo model, IReadOnlyList<DataSetColumn> recorded) =>
        new ResultSchema(model).Columns.Select(c => (c.Name, c.Type, c.Role)).SequenceEqual(recorded.Select(c => (c.Name, c.Type, c.Role)));
}
