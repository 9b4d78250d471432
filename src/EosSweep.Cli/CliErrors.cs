using EosSweep.Core;
using EosSweep.Storage;

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
            case DataSetException dataSet:
                stderr.WriteLine($"eos-sweep: error: {Wording(dataSet)}");
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

    /// <summary>
    /// The line for a data set that cannot be written or read as asked: Storage states the facts, this says which
    /// flag or command gets the user on.
    /// </summary>
    public static string Wording(DataSetException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var dir = e.Directory;
        return e switch
        {
            OutputIsFileException or ForeignDirectoryException => $"{e.Message}; use another --out",
            OtherSweepException => $"{e.Message}; use --overwrite or another --out",
            NothingToResumeException => $"--resume: {e.Message}; run without --resume to start it",
            WriterBusyException { Shard.Count: 1 } => $"another eos-sweep process is writing '{dir}'; wait for it or stop it",
            WriterBusyException busy => $"shard {busy.Shard} of '{dir}' is being written by another eos-sweep process; wait for it or stop it",
            OtherEngineException engine => $"{e.Message}, so resume it with engine {engine.Recorded}, or start again with --overwrite",
            IncompleteDataSetException => $"{e.Message}; 'eos-sweep status {dir}' shows each shard, --allow-incomplete uses the part files there",
            DamagedDataSetException => $"{e.Message}; 'eos-sweep status {dir}' lists all damage, and running the same 'eos-sweep run' again (or with --resume) recomputes it",
            DamagedLevelException { WhileReading: true } => $"{e.Message}; rerun the sweep with --overwrite",
            DamagedLevelException => $"{e.Message}; rerun with --overwrite",
            _ => e.Message,
        };
    }

    private static string OneLine(string s) => s.ReplaceLineEndings(" ").Trim();
}
