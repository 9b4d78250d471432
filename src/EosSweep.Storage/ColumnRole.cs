using System.Text.Json.Serialization;

namespace EosSweep.Storage;

/// <summary>What a data set column holds, as <c>sweep.json</c>'s <c>columns</c> list records it (<c>role</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ColumnRole>))]
public enum ColumnRole
{
    /// <summary><c>traj_id</c>: the trajectory's grid index.</summary>
    [JsonStringEnumMemberName("id")]
    Id,

    /// <summary><c>model</c> and <c>loss</c>: the same text in every row.</summary>
    [JsonStringEnumMemberName("label")]
    Label,

    /// <summary>One column per model axis: the grid point.</summary>
    [JsonStringEnumMemberName("axis")]
    Axis,

    /// <summary><c>final_&lt;parameter&gt;</c>: a trained parameter's final value.</summary>
    [JsonStringEnumMemberName("parameter")]
    Parameter,

    /// <summary>A measure every model writes (<c>final_loss</c> … <c>stability_ratio</c>).</summary>
    [JsonStringEnumMemberName("measure")]
    Measure,

    /// <summary>A result column of this model only (<c>ModelInfo.ExtraColumns</c>).</summary>
    [JsonStringEnumMemberName("extra")]
    Extra,

    /// <summary>How the trajectory ended: <c>steps</c>, <c>diverged</c>, <c>diverged_step</c>, <c>regime</c>.</summary>
    [JsonStringEnumMemberName("outcome")]
    Outcome,
}
