using System.Diagnostics;
using System.Text;
using EosSweep.TestHost;

namespace EosSweep.Tests.Cli;

/// <summary>
/// Starts the built <c>eos-sweep</c> as a real child process (so it can be killed like a cluster job): through the
/// test host <c>eos-sweep-testhost</c>, which is the CLI with <see cref="HookObserver"/> watching the data set writer.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    /// <summary>The test hooks read by the child's <see cref="HookObserver"/>; never inherited from the test's own environment.</summary>
    private static readonly string[] HookVariables = [HookObserver.KillVariable, HookObserver.PaceVariable, HookObserver.PauseVariable];

    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task _stderrPump;
    private readonly StringBuilder _stderr = new();
    private readonly SemaphoreSlim _stderrLines = new(0);

    private ChildProcess(Process process)
    {
        _process = process;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderrPump = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                lock (_stderr)
                {
                    _stderr.Append(line).Append('\n');
                }

                _stderrLines.Release();
            }
        });
    }

    /// <summary>Starts <c>dotnet eos-sweep-testhost.dll ARGS</c> with the extra environment variables.</summary>
    public static ChildProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "eos-sweep-testhost.dll");
        var psi = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
        };
        foreach (var variable in HookVariables)
        {
            psi.Environment.Remove(variable);
        }

        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }

        return new ChildProcess(Process.Start(psi)!);
    }

    /// <summary>The stderr lines read so far.</summary>
    public string StderrSoFar
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>
    /// Waits until a stderr line contains <paramref name="text"/> (e.g. the pause hook's "test hook: paused at");
    /// fails the test when the process ends first or <paramref name="timeout"/> (a guard against a hang, not a
    /// measurement) passes.
    /// </summary>
    public void WaitForStderr(string text, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!StderrSoFar.Contains(text, StringComparison.Ordinal))
        {
            if (_stderrPump.IsCompleted && !StderrSoFar.Contains(text, StringComparison.Ordinal))
            {
                _process.WaitForExit();
                Assert.Fail($"eos-sweep ended (exit {_process.ExitCode}) without writing '{text}': {StderrSoFar}");
            }

            var left = timeout - deadline.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                Kill();
                Assert.Fail($"eos-sweep did not write '{text}' within {timeout}: {StderrSoFar}");
            }

            _stderrLines.Wait(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>Lets a child held by the pause hook go on (it waits for a line on stdin).</summary>
    public void Release()
    {
        _process.StandardInput.WriteLine();
        _process.StandardInput.Flush();
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
            _stderrPump.Wait();
            Assert.Fail($"eos-sweep did not finish within {timeout}: {StderrSoFar}");
        }

        _process.WaitForExit();
        _stderrPump.Wait();
        return new CliRunner.Result(_process.ExitCode, _stdout.Result, StderrSoFar);
    }

    /// <summary>Whether an exit code is the one of a process ended by SIGKILL (137 = 128 + 9 as .NET reports it on Linux).</summary>
    public static bool IsKilled(int exitCode) => exitCode is 137 or 9 or -1;

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
        _stderrLines.Dispose();
    }
}
