using System.Diagnostics;
using System.Text.Json;
using EosSweep.Core;

namespace EosSweep.Benchmarks;

/// <summary>
/// The numpy-vectorised sweep a CPU user writes instead (benchmarks/numpy_sweep.py, embedded in this
/// assembly), run as a subprocess on the same grid, steps and rules as the engine. Needs a python3 that can
/// import numpy (Debian: python3-numpy); where there is none the bench skips it with a note.
/// </summary>
public static class NumpyBaseline
{
    private const string ResourceName = "EosSweep.Benchmarks.numpy_sweep.py";

    /// <summary>What one numpy run reported.</summary>
    /// <param name="Trajectories">Trajectories swept.</param>
    /// <param name="Steps">GD steps taken, summed over trajectories.</param>
    /// <param name="MedianSeconds">Median wall time of the repeats, measured inside Python (import and grid excluded).</param>
    /// <param name="Repeats">Repeats run.</param>
    /// <param name="Regimes">Trajectories per regime name.</param>
    /// <param name="NumpyVersion">numpy's version.</param>
    public sealed record Result(long Trajectories, long Steps, double MedianSeconds, int Repeats, IReadOnlyDictionary<string, long> Regimes, string NumpyVersion);

    /// <summary>Whether the script has a twin of this sweep: xy or mean, logistic loss, a fixed step budget.</summary>
    public static bool Supports(SweepSpec spec) =>
        spec.Model is "xy" or "mean" && spec.Loss == Core.Models.LossKind.Logistic && spec.Tau is null;

    /// <summary>
    /// The first of $EOS_SWEEP_PYTHON, /usr/bin/python3 and python3 on PATH that imports numpy, or null with
    /// <paramref name="note"/> saying why.
    /// </summary>
    public static string? FindPython(out string note)
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("EOS_SWEEP_PYTHON") is { Length: > 0 } env)
        {
            candidates.Add(env);
        }

        candidates.Add("/usr/bin/python3");
        candidates.Add("python3");
        foreach (var python in candidates.Distinct())
        {
            if (TryRun(python, ["-c", "import numpy"], TimeSpan.FromSeconds(60), out _, out _) == 0)
            {
                note = string.Empty;
                return python;
            }
        }

        note = "numpy: skipped, no python3 that can import numpy (Debian: apt-get install python3-numpy; or set EOS_SWEEP_PYTHON)";
        return null;
    }

    /// <summary>Runs the script on <paramref name="spec"/>'s grid; with <paramref name="dumpPath"/> it also writes every trajectory's results there as JSON.</summary>
    /// <exception cref="InvalidOperationException">The script failed; the message carries its last stderr line.</exception>
    public static Result Run(string python, SweepSpec spec, int repeats, string? dumpPath = null)
    {
        string dir = Path.Combine(Path.GetTempPath(), "eos-sweep-numpy-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string script = Path.Combine(dir, "numpy_sweep.py");
            using (var resource = typeof(NumpyBaseline).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException($"resource {ResourceName} is missing from the build"))
            using (var file = File.Create(script))
            {
                resource.CopyTo(file);
            }

            string specPath = Path.Combine(dir, "spec.json");
            File.WriteAllText(specPath, JsonSerializer.Serialize(new
            {
                model = spec.Model,
                precision = SpecResolver.Name(spec.Precision),
                steps = spec.Steps,
                tol = spec.Tolerance,
                bound = spec.DivergenceBound,
                eos_margin = spec.EosMargin,
                repeats,
                axes = spec.Axes.Select(a => new { name = a.Name, values = a.Values }),
            }));
            var args = new List<string> { script, specPath };
            if (dumpPath is not null)
            {
                args.Add("--dump");
                args.Add(dumpPath);
            }

            int code = TryRun(python, args, TimeSpan.FromHours(2), out string stdout, out string stderr);
            if (code != 0)
            {
                string last = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? $"exit code {code}";
                throw new InvalidOperationException($"numpy_sweep.py failed: {last}");
            }

            using var doc = JsonDocument.Parse(stdout);
            var root = doc.RootElement;
            return new Result(
                root.GetProperty("trajectories").GetInt64(),
                root.GetProperty("steps").GetInt64(),
                root.GetProperty("median_seconds").GetDouble(),
                root.GetProperty("repeats").GetInt32(),
                root.GetProperty("regimes").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64()),
                root.GetProperty("numpy").GetString() ?? string.Empty);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static int TryRun(string file, IEnumerable<string> args, TimeSpan timeout, out string stdout, out string stderr)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                stdout = stderr = string.Empty;
                return -1;
            }

            var err = process.StandardError.ReadToEndAsync();
            stdout = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                stderr = "timed out";
                return -1;
            }

            stderr = err.GetAwaiter().GetResult();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            stdout = stderr = string.Empty;   // no such executable
            return -1;
        }
    }
}
