namespace EosSweep.Storage;

/// <summary>The points of <see cref="DataSetWriter"/>'s write protocol, in the order one part passes them.</summary>
public enum WritePoint
{
    /// <summary>A row group was written to the temporary part.</summary>
    RowGroup,

    /// <summary>The temporary part is complete and flushed to disk, not yet renamed.</summary>
    Temp,

    /// <summary>The part was renamed into place and the directory flushed; the shard manifest is not yet updated.</summary>
    Rename,

    /// <summary>The shard manifest lists the part.</summary>
    Manifest,
}
