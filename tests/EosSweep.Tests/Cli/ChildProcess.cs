using System.Diagnostics;

namespace EosSweep.Tests.Cli;

/// <summary>Starts the built <c>eos-sweep</c> as a real child process (so it can be killed like a cluster job).</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private ChildProcess(Process process)
    {
        _process = process;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Starts <c>dotnet eos-sweep.dll ARGS</c> with the extra environment variables.</summary>
    public static ChildProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "eos-sweep.dll");
        var psi = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        psi.Environment.Remove("EOSSWEEP_TEST_KILL_AT");
        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }

        return new ChildProcess(Process.Start(psi)!);
    }

    /// <summary>Waits up to <paramref name="timeout"/>; true when the process exited.</summary>
    public bool WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout);

    /// <summary>SIGKILL, as <c>kill -9</c>.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }

        _process.WaitForExit();
    }

    /// <summary>Waits for the end and returns exit code, stdout and stderr.</summary>
    public CliRunner.Result Finish(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            Kill();
            Assert.Fail($"eos-sweep did not finish within {timeout}: {_stderr.Result}");
        }

        _process.WaitForExit();
        return new CliRunner.Result(_process.ExitCode, _stdout.Result, _stderr.Result);
    }

    public void Dispose() => _process.Dispose();
}
