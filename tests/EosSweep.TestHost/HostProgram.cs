namespace EosSweep.TestHost;

/// <summary>
/// <c>eos-sweep-testhost ARGS</c>: runs <c>eos-sweep ARGS</c> with a <see cref="HookObserver"/> configured from the
/// environment (<see cref="HookObserver.FromEnvironment"/>), so a test can kill or hold a real process at any point of
/// the write protocol.
/// </summary>
public static class HostProgram
{
    /// <summary>Runs the command line and returns the exit code.</summary>
    public static int Main(string[] args) =>
        EosSweep.Cli.Program.Run(args, Console.Out, Console.Error, HookObserver.FromEnvironment(Environment.GetEnvironmentVariable));
}
