namespace EosSweep.Cli.Commands;

/// <summary>Runs a command body and maps failures through <see cref="CliErrors"/>.</summary>
public static class CliAction
{
    /// <summary>Runs a synchronous body.</summary>
    public static int Guard(TextWriter stderr, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e)
        {
            return CliErrors.Report(e, stderr);
        }
    }

    /// <summary>Runs an asynchronous body.</summary>
    public static async Task<int> GuardAsync(TextWriter stderr, Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            return CliErrors.Report(e, stderr);
        }
    }
}
