using System.Text.Json.Serialization;
using EosSweep.Core.Models;

namespace EosSweep.Storage;

/// <summary>
/// What <c>sweep.json</c> records about the model (<c>model</c>): its name and description, and the assembly and type
/// that define it, so a reader can say which <c>--model-assembly</c> computes more of it.
/// </summary>
/// <param name="Name">The model name (also the spec's <c>model</c> and the <c>model</c> column).</param>
/// <param name="Description">The model's one-sentence description.</param>
/// <param name="Assembly">The simple name of the assembly that defines the model (<c>EosSweep.Kernels</c> for a built-in).</param>
/// <param name="Type">The full name of the model's <see cref="ModelInfo"/> type.</param>
public sealed record ModelRecord(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("assembly")] string Assembly,
    [property: JsonPropertyName("type")] string Type)
{
    /// <summary>The record of <paramref name="model"/>.</summary>
    public static ModelRecord Of(ModelInfo model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var type = model.GetType();
        return new ModelRecord(model.Name, model.Description, type.Assembly.GetName().Name ?? string.Empty, type.FullName ?? type.Name);
    }
}
