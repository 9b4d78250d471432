namespace EosSweep.Storage;

/// <summary>
/// Why a data set directory cannot be written or read as asked. The message states the facts only; what the user can
/// do about them (which flag to pass) is the caller's to say, from the typed properties.
/// </summary>
public abstract class DataSetException(string directory, string message) : Exception(message)
{
    /// <summary>The directory (or path) concerned.</summary>
    public string Directory { get; } = directory;
}
