using System.CommandLine;
using EosSweep.Cli.Commands;

namespace EosSweep.Cli;

/// <summary>Entry point of <c>eos-sweep</c>: a thin layer that parses flags and calls the engine and summarizer.</summary>
public static class Program
{
    /// <summary>Runs the command line and returns the exit code.</summary>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the command line with explicit output writers (used by the tests).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("eos-sweep: gradient-descent sweeps at the edge of stability, on ILGPU, to Parquet")
        {
            RunCommand.Create(stdout, stderr),
            SummarizeCommand.Create(stdout, stderr),
            DevicesCommand.Create(stdout, stderr),
            ModelsCommand.Create(stdout, stderr),
            BenchCommand.Create(stdout, stderr),
            QueryCommand.Create(stdout, stderr),
            StatusCommand.Create(stdout, stderr),
            CheckCommand.Create(stdout, stderr),
            RefineBenchCommand.Create(stdout, stderr),
        };
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            return root.Parse(args).Invoke(config);
        }
        catch (Exception e)
        {
            return CliErrors.Report(e, stderr);
        }
    }
}
