using EosSweep.Core;

namespace EosSweep.Cli;

/// <summary>Turns any failure into one line on stderr and an exit code; never a stack trace.</summary>
public static class CliErrors
{
    /// <summary>Exit code for bad input.</summary>
    public const int BadInput = 2;

    /// <summary>Exit code for an unexpected failure.</summary>
    public const int Failure = 1;

    /// <summary>Exit code when the user cancelled (Ctrl+C).</summary>
    public const int Cancelled = 130;

    /// <summary>Writes the one line and returns the exit code.</summary>
    public static int Report(Exception e, TextWriter stderr)
    {
        while (e is AggregateException { InnerExceptions.Count: 1 } agg)
        {
            e = agg.InnerExceptions[0];
        }

        switch (e)
        {
            case SweepInputException input:
                stderr.WriteLine($"eos-sweep: error: {input.Message}");
                return BadInput;
            case OperationCanceledException:
                stderr.WriteLine("eos-sweep: cancelled; files already completed are kept");
                return Cancelled;
            case IOException or UnauthorizedAccessException:
                stderr.WriteLine($"eos-sweep: error: {OneLine(e.Message)}");
                return Failure;
            default:
                stderr.WriteLine($"eos-sweep: internal error ({e.GetType().Name}): {OneLine(e.Message)}");
                return Failure;
        }
    }

    private static string OneLine(string s) => s.ReplaceLineEndings(" ").Trim();
}
