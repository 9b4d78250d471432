using System.Text.Json.Serialization;

namespace EosSweep.Storage;

/// <summary>
/// One column of a data set's part files as <c>sweep.json</c> records it: what a reader needs to use the data without
/// the model's code. Every column is required (no nulls).
/// </summary>
/// <param name="Name">The column name.</param>
/// <param name="Type">The Parquet type: <see cref="Int64"/>, <see cref="Int32"/>, <see cref="Double"/>,
/// <see cref="Boolean"/> (the physical types of those names) or <see cref="String"/> (BYTE_ARRAY, UTF-8 string).</param>
/// <param name="Role">What the column holds.</param>
/// <param name="Meaning">What a value means, with its unit where it has one.</param>
public sealed record DataSetColumn(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("role")] ColumnRole Role,
    [property: JsonPropertyName("meaning")] string Meaning)
{
    /// <summary>Type name of a 64-bit integer column.</summary>
    public const string Int64 = "int64";

    /// <summary>Type name of a 32-bit integer column.</summary>
    public const string Int32 = "int32";

    /// <summary>Type name of an IEEE double column.</summary>
    public const string Double = "double";

    /// <summary>Type name of a boolean column.</summary>
    public const string Boolean = "boolean";

    /// <summary>Type name of a UTF-8 string column.</summary>
    public const string String = "string";
}
