namespace EosSweep.Tests;

/// <summary>
/// The test classes that start eos-sweep child processes, a nested <c>dotnet build</c>, or whole CLI sweeps on every
/// core: crash and resume, shards, the user-model build, the end-to-end CLI runs. One xunit collection runs its
/// classes one after another (each still runs beside the lighter classes), so these never compete with each other
/// for the CPU and the disk; nothing in them depends on that for its result, only the suite's wall time does.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HeavyProcesses
{
    /// <summary>The collection's name, for <c>[Collection(HeavyProcesses.Name)]</c>.</summary>
    public const string Name = "heavy processes";
}
