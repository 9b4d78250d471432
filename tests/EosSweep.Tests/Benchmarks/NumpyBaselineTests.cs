using System.Text.Json;
using EosSweep.Benchmarks;
using EosSweep.Core;
using EosSweep.Engine;
using EosSweep.Tests.Engine;

namespace EosSweep.Tests.Benchmarks;

/// <summary>
/// benchmarks/numpy_sweep.py sweeps the same thing as the engine: the same regime per trajectory and final values
/// equal to rounding. It is the one reference outside C#, so under CI (<c>CI=true</c>, which .ci/run sets and
/// installs python3-numpy for) a missing numpy fails it; elsewhere it is skipped with the reason.
/// </summary>
public sealed class NumpyBaselineTests
{
    [SkippableTheory]
    [InlineData("f64", 1e-9)]
    [InlineData("f32", 1e-3)]
    public void NumpyXySweep_AgreesWithTheEngine(string precision, double tolerance) =>
        AssertAgrees(new SweepSettings
        {
            Model = "xy",
            Loss = "logistic",
            Steps = 3000,
            Precision = precision,
            Axes = new Dictionary<string, string> { ["eta"] = "log:0.02:0.5:8", ["y0"] = "lin:0.5:10:8", ["x0"] = "0.1" },
        }, tolerance);

    [SkippableTheory]
    [InlineData("f64", 1e-9)]
    [InlineData("f32", 1e-3)]
    public void NumpyMeanSweep_AgreesWithTheEngine(string precision, double tolerance) =>
        AssertAgrees(new SweepSettings
        {
            Model = "mean",
            Loss = "logistic",
            Steps = 3000,
            Precision = precision,
            Axes = new Dictionary<string, string> { ["eta"] = "log:1e-4:5e-3:8", ["a_plus0"] = "lin:-0.1:0.1:5" },
        }, tolerance);

    /// <summary>Whether CI runs this suite: <c>CI</c> set to <c>true</c> or <c>1</c> (.ci/run and the common CI services set it).</summary>
    private static bool RunsUnderCi() =>
        Environment.GetEnvironmentVariable("CI")?.Trim().ToLowerInvariant() is "true" or "1";

    private static void AssertAgrees(SweepSettings settings, double tolerance)
    {
        string? python = NumpyBaseline.FindPython(out string note);
        if (python is null && RunsUnderCi())
        {
            Assert.Fail($"under CI=true the numpy reference must run (.ci/run installs python3-numpy), but: {note}");
        }

        Skip.If(python is null, note);
        var spec = SweepHarness.Spec(settings);
        var rows = SweepHarness.Run(spec);
        string dump = Path.Combine(Path.GetTempPath(), $"eos-sweep-numpy-{Guid.NewGuid():N}.json");
        try
        {
            var result = NumpyBaseline.Run(python!, spec, repeats: 1, dumpPath: dump);
            using var doc = JsonDocument.Parse(File.ReadAllText(dump));
            var root = doc.RootElement;
            var regimes = root.GetProperty("regime").EnumerateArray().Select(e => e.GetString()).ToArray();

            // Regimes: identical per trajectory (so the counts are identical too).
            Assert.Equal(rows.Select(r => RegimeRules.Name(r.Regime)), regimes);
            foreach (var regime in RegimeRules.All)
            {
                Assert.Equal(rows.Count(r => r.Regime == regime), result.Regimes[RegimeRules.Name(regime)]);
            }

            // Final values: equal to rounding (numpy's exp/tanh/log1p differ from PMath's by ulps; f32 rounding is coarser).
            string[] names = spec.Model == "xy" ? ["x", "y"] : ["a_plus", "a_minus", "b"];
            for (int k = 0; k < names.Length; k++)
            {
                var values = root.GetProperty(names[k]).EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? double.NaN : e.GetDouble()).ToArray();
                for (int i = 0; i < rows.Count; i++)
                {
                    double want = rows[i].Parameters[k];
                    Assert.True(Math.Abs(values[i] - want) <= tolerance * (1 + Math.Abs(want)),
                        $"{names[k]} of trajectory {i}: numpy {values[i]:R}, engine {want:R}");
                }
            }

            var sharp = root.GetProperty("sharpness_max").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            for (int i = 0; i < rows.Count; i++)
            {
                Assert.True(Math.Abs(sharp[i] - rows[i].SharpnessMax) <= tolerance * (1 + Math.Abs(rows[i].SharpnessMax)),
                    $"sharpness_max of trajectory {i}: numpy {sharp[i]:R}, engine {rows[i].SharpnessMax:R}");
            }
        }
        finally
        {
            File.Delete(dump);
        }
    }
}
