using System.CommandLine;
using EosSweep.Cli.Commands;
using EosSweep.Core;
using EosSweep.Engine;
using EosSweep.Storage;

namespace EosSweep.Cli;

/// <summary>Entry point of <c>eos-sweep</c>: a thin layer that parses flags and calls the engine and summarizer.</summary>
public static class Program
{
    /// <summary>Runs the command line and returns the exit code.</summary>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the command line with explicit output writers (used by the tests).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, observer: null);

    /// <summary>Runs the command line with explicit output writers; <paramref name="observer"/> watches the data set
    /// writer of <c>run</c> pass each point of its write protocol (the crash tests' host process kills itself there).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, IWriteObserver? observer)
    {
        // User models must be known before the command tree is built: their axes and options become flags of `run`.
        IDisposable userModels;
        try
        {
            userModels = ModelCatalog.Use(ModelAssembly.Load(ModelAssemblyPaths(args)));
        }
        catch (Exception e)
        {
            return CliErrors.Report(e, stderr);
        }

        using (userModels)
        {
            return RunCommands(args, stdout, stderr, observer);
        }
    }

    /// <summary>The values of every <c>--model-assembly FILE</c> (or <c>--model-assembly=FILE</c>) in the arguments.</summary>
    internal static IEnumerable<string> ModelAssemblyPaths(string[] args)
    {
        const string flag = "--model-assembly";
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--")
            {
                yield break;
            }

            if (args[i] == flag)
            {
                if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new SweepInputException($"{flag} needs a FILE.dll");
                }

                yield return args[++i];
            }
            else if (args[i].StartsWith(flag + "=", StringComparison.Ordinal))
            {
                yield return args[i][(flag.Length + 1)..];
            }
        }
    }

    private static int RunCommands(string[] args, TextWriter stdout, TextWriter stderr, IWriteObserver? observer)
    {
        var modelAssembly = new Option<string[]>("--model-assembly")
        {
            Description = "Load the models of your own assembly FILE.dll (repeatable); run and models need it for such a model, summarize draws its theory with it",
            HelpName = "FILE",
            Recursive = true,
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var root = new RootCommand("eos-sweep: gradient-descent sweeps at the edge of stability, on ILGPU, to Parquet")
        {
            RunCommand.Create(stdout, stderr, observer),
            SummarizeCommand.Create(stdout, stderr),
            DevicesCommand.Create(stdout, stderr),
            ModelsCommand.Create(stdout, stderr),
            BenchCommand.Create(stdout, stderr),
            QueryCommand.Create(stdout, stderr),
            StatusCommand.Create(stdout, stderr),
            CheckCommand.Create(stdout, stderr),
            RefineBenchCommand.Create(stdout, stderr),
        };
        root.Options.Add(modelAssembly);
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            // A flag the parser itself rejects (unknown, repeated, missing its value) is bad input like any other: one
            // line on stderr and exit 2 (README, "Bad input of any kind"), not the parser's help text and exit 1.
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                var what = string.Join("; ", parsed.Errors.Select(e => e.Message.ReplaceLineEndings(" ").Trim().TrimEnd('.')));
                stderr.WriteLine($"eos-sweep: error: {what}; see --help");
                return CliErrors.BadInput;
            }

            return parsed.Invoke(config);
        }
        catch (Exception e)
        {
            return CliErrors.Report(e, stderr);
        }
    }
}
