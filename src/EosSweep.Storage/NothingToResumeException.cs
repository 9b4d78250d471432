namespace EosSweep.Storage;

/// <summary>Only a resume was asked for (<see cref="DataSetWriterOptions.ResumeOnly"/>) and the directory holds no data set.</summary>
public sealed class NothingToResumeException(string directory)
    : DataSetException(directory, $"'{directory}' holds no data set to resume");
