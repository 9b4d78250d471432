namespace EosSweep.Storage;

/// <summary>
/// Watches <see cref="DataSetWriter"/> pass the points of its write protocol (<see cref="DataSetWriterOptions.Observer"/>).
/// A crash test's host process kills or holds itself here, so every point can be proven safe to die at; a run
/// without an observer only skips the call.
/// </summary>
public interface IWriteObserver
{
    /// <summary>Called on the writing thread right after the writer reached <paramref name="point"/>; the
    /// writer continues when it returns.</summary>
    void Reached(WritePoint point);
}
