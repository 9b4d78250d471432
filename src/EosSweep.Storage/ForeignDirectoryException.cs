namespace EosSweep.Storage;

/// <summary>The output directory holds other files and no data set: nothing there may be replaced.</summary>
public sealed class ForeignDirectoryException(string directory)
    : DataSetException(directory, $"output directory '{directory}' is not empty and holds no EosSweep data set");
