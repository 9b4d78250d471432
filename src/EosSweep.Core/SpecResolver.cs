using System.Globalization;
using EosSweep.Core.Grid;
using EosSweep.Core.Models;

namespace EosSweep.Core;

/// <summary>
/// Turns layered <see cref="SweepSettings"/> into a validated <see cref="SweepSpec"/>. Every check that
/// can fail on user input happens here, before any work, and fails with one
/// <see cref="SweepInputException"/> that names the culprit.
/// </summary>
public static class SpecResolver
{
    /// <summary>Default GD step budget.</summary>
    public const int DefaultSteps = 10_000;

    /// <summary>Resolves settings against the model catalogue.</summary>
    public static SweepSpec Resolve(SweepSettings s, IReadOnlyList<ModelInfo> catalog)
    {
        if (string.IsNullOrWhiteSpace(s.Model))
        {
            throw new SweepInputException(
                $"no model given; use --model ({string.Join("|", catalog.Select(m => m.Name))}) or --preset ({string.Join("|", Presets.Names)})");
        }

        var model = catalog.FirstOrDefault(m => string.Equals(m.Name, s.Model.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new SweepInputException(
                $"unknown model '{s.Model}'; expected one of: {string.Join(", ", catalog.Select(m => m.Name))} (a model of your own needs --model-assembly FILE.dll)");

        var loss = s.Loss is null ? model.DefaultLoss : LossInfo.Parse(s.Loss).Kind;
        if (!model.Losses.Contains(loss))
        {
            throw new SweepInputException(
                $"model '{model.Name}' does not take loss '{LossInfo.Of(loss).Name}'; it takes: {string.Join(", ", model.Losses.Select(l => LossInfo.Of(l).Name))}");
        }

        var given = s.Axes ?? new Dictionary<string, string>();
        foreach (var name in given.Keys)
        {
            if (model.FindAxis(name) is null)
            {
                throw new SweepInputException(
                    $"axis '{name}' does not belong to model '{model.Name}'; its axes are: {string.Join(", ", model.Axes.Select(a => a.Name))}");
            }
        }

        var axes = new List<AxisSpec>(model.Axes.Count);
        foreach (var info in model.Axes)
        {
            var axis = given.TryGetValue(info.Name, out var text)
                ? AxisSpec.Parse(info.Name, text, info.Integer)
                : AxisSpec.Parse(info.Name, info.Default.ToString("R", CultureInfo.InvariantCulture), info.Integer);
            foreach (var v in axis.Values)
            {
                if (info.PositiveOnly && !(v > 0))
                {
                    throw new SweepInputException($"{info.Flag} must be > 0, got {Fmt(v)}");
                }

                if (info.Integer && v < 0)
                {
                    throw new SweepInputException($"{info.Flag} must be a non-negative integer, got {Fmt(v)}");
                }
            }

            axes.Add(axis);
        }

        if (s.Steps is not null && s.Tau is not null)
        {
            throw new SweepInputException("give --steps (a fixed budget) or --tau (T = round(τ/η) steps), not both");
        }

        double? tau = s.Tau ?? (s.Steps is null ? model.DefaultTau : null);
        int steps = s.Steps ?? DefaultSteps;
        if (tau is { } t)
        {
            steps = StepsForTau(t, axes.FirstOrDefault(a => a.Name == "eta"));
        }
        else if (steps <= 0)
        {
            throw new SweepInputException($"--steps must be > 0, got {steps}");
        }

        var options = ResolveOptions(model, s.Options);

        var precision = ParsePrecision(s.Precision);
        var accel = ParseAccelerator(s.Accelerator);
        if (s.Batch is <= 0)
        {
            throw new SweepInputException($"--batch must be > 0, got {s.Batch}");
        }

        if (s.Threads is <= 0 or > 1024)
        {
            throw new SweepInputException($"--threads must be from 1 to 1024, got {s.Threads}");
        }

        double tol = s.Tolerance ?? (precision == Precision.F64 ? RegimeRules.DefaultToleranceF64 : RegimeRules.DefaultToleranceF32);
        if (!double.IsFinite(tol) || tol < 0)
        {
            throw new SweepInputException($"--tol must be a finite number >= 0, got {Fmt(tol)}");
        }

        double bound = s.DivergenceBound ?? RegimeRules.DefaultDivergenceBound;
        if (!double.IsFinite(bound) || bound <= 0)
        {
            throw new SweepInputException($"--diverge-bound must be a finite number > 0, got {Fmt(bound)}");
        }

        double margin = s.EosMargin ?? RegimeRules.DefaultEosMargin;
        if (!double.IsFinite(margin) || margin < 0 || margin >= 1)
        {
            throw new SweepInputException($"--eos-margin must be in [0, 1), got {Fmt(margin)}");
        }

        int traceEvery = s.TraceEvery ?? 1;
        if (traceEvery < 1)
        {
            throw new SweepInputException($"--trace-every must be >= 1, got {traceEvery}");
        }

        var spec = new SweepSpec
        {
            Model = model.Name,
            Loss = loss,
            Axes = axes,
            Steps = steps,
            Tau = tau,
            Options = options,
            Precision = precision,
            Accelerator = accel,
            Batch = s.Batch,
            Threads = s.Threads,
            Tolerance = tol,
            DivergenceBound = bound,
            EosMargin = margin,
            TraceEvery = traceEvery,
        };
        if (s.Trace is { } trace)
        {
            spec = spec with { Trace = TraceSelector.Parse(trace, axes, spec.Grid.Count) };
            CheckTraceVolume(spec, model, s.MaxTraceBytes ?? DefaultMaxTraceBytes);
        }
        _ = spec.Grid.Count;
        return spec;
    }

    /// <summary>The largest round(τ/η) = ⌊τ/η + ½⌋ over the η axis; every one must lie in [1, 2^31).</summary>
    public static int StepsForTau(double tau, AxisSpec? eta)
    {
        if (!double.IsFinite(tau) || tau <= 0)
        {
            throw new SweepInputException($"--tau must be a finite number > 0, got {Fmt(tau)}");
        }

        if (eta is null)
        {
            throw new SweepInputException("--tau needs a model with an eta axis");
        }

        double most = 0;
        foreach (var e in eta.Values)
        {
            double t = Math.Floor((tau / e) + 0.5);   // the kernel's formula (Trajectory.StepsForTau)
            if (!(t >= 1) || t > int.MaxValue)
            {
                throw new SweepInputException($"--tau {Fmt(tau)} gives round(τ/η) = {Fmt(t)} steps at η = {Fmt(e)}; it must be from 1 to {int.MaxValue}");
            }

            most = Math.Max(most, t);
        }

        return (int)most;
    }

    /// <summary>The model's options with defaults filled in; unknown names or values are refused.</summary>
    public static IReadOnlyDictionary<string, string> ResolveOptions(ModelInfo model, IReadOnlyDictionary<string, string>? given)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in given ?? new Dictionary<string, string>())
        {
            var option = model.Options.FirstOrDefault(o => o.Name == name)
                ?? throw new SweepInputException(model.Options.Count == 0
                    ? $"option '{name}' does not belong to model '{model.Name}'; it has no options"
                    : $"option '{name}' does not belong to model '{model.Name}'; its options are: {string.Join(", ", model.Options.Select(o => o.Name))}");
            var v = value.Trim().ToLowerInvariant();
            if (!option.Values.Contains(v))
            {
                throw new SweepInputException($"{option.Flag} must be one of {string.Join("|", option.Values)}, got '{value}'");
            }

            result[name] = v;
        }

        foreach (var o in model.Options)
        {
            result.TryAdd(o.Name, o.Default);
        }

        return result;
    }

    /// <summary>Default --max-trace-bytes: 1 GiB.</summary>
    public const long DefaultMaxTraceBytes = 1L << 30;

    /// <summary>Bytes of one trace row: traj_id, step, loss, sharpness, stability ratio and the parameters.</summary>
    public static long TraceRowBytes(ModelInfo model) => 8L * (5 + model.Parameters.Count);

    /// <summary>Refuses a trace above <paramref name="max"/> bytes, with the numbers.</summary>
    public static void CheckTraceVolume(SweepSpec spec, ModelInfo model, long max)
    {
        if (max <= 0)
        {
            throw new SweepInputException($"--max-trace-bytes must be > 0, got {max}");
        }

        long traced = spec.Trace!.Count(spec.Grid);
        double rows = (double)traced * spec.TraceRows;
        double bytes = rows * TraceRowBytes(model);
        if (bytes > max)
        {
            throw new SweepInputException(string.Create(CultureInfo.InvariantCulture,
                $"--trace {spec.Trace.Text} would record {traced:N0} trajectories × up to {spec.TraceRows:N0} rows = {rows:N0} rows ({bytes / 1048576.0:N1} MiB), over --max-trace-bytes {max:N0} ({max / 1048576.0:N1} MiB); trace fewer trajectories or raise --trace-every"));
        }
    }

    /// <summary>Parses <c>f64</c>/<c>f32</c> (null → f64).</summary>
    public static Precision ParsePrecision(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "f64" or "double" => Precision.F64,
        "f32" or "float" => Precision.F32,
        _ => throw new SweepInputException($"unknown precision '{text}'; expected f64 or f32"),
    };

    /// <summary>Parses an accelerator choice (null → auto).</summary>
    public static AcceleratorChoice ParseAccelerator(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "auto" => AcceleratorChoice.Auto,
        "cpu" => AcceleratorChoice.Cpu,
        "cuda" => AcceleratorChoice.Cuda,
        "opencl" => AcceleratorChoice.OpenCL,
        "cpu-ilgpu" => AcceleratorChoice.CpuIlgpu,
        _ => throw new SweepInputException($"unknown accelerator '{text}'; expected auto, cpu, cpu-ilgpu, cuda or opencl"),
    };

    /// <summary>The CLI/JSON name of a precision.</summary>
    public static string Name(Precision p) => p == Precision.F64 ? "f64" : "f32";

    /// <summary>The CLI/JSON name of an accelerator choice.</summary>
    public static string Name(AcceleratorChoice a) => a == AcceleratorChoice.CpuIlgpu ? "cpu-ilgpu" : a.ToString().ToLowerInvariant();

    private static string Fmt(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
