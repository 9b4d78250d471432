namespace EosSweep.Storage;

/// <summary>The output path is a file, so no data set directory can be made there.</summary>
public sealed class OutputIsFileException(string path)
    : DataSetException(path, $"output path '{path}' is a file, not a directory");
