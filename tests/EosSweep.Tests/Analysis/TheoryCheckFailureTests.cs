using System.Collections.Concurrent;
using EosSweep.Core;
using EosSweep.Core.Models;
using EosSweep.Core.Results;
using EosSweep.Engine;

namespace EosSweep.Tests.Analysis;

/// <summary>
/// The summary's theory checks can fail: for every built-in model with checks (every option that changes them, and
/// the summarizer's own boundary-distance check), a data set built to violate each judged check, written by the real
/// writer and summarised as <c>eos-sweep summarize</c> does, reports that check <c>false</c> in summary.csv (and FAIL
/// on the terminal) while the checks it does not touch keep their verdict; the same data set unbroken reports every
/// judged check <c>true</c>.
/// </summary>
public sealed class TheoryCheckFailureTests(TheoryCheckFailureTests.Summaries summaries) : IClassFixture<TheoryCheckFailureTests.Summaries>
{
    /// <summary>Every (scenario, check) pair with a breaking data set.</summary>
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var s in CheckScenarios.All)
        {
            foreach (var check in s.Checks)
            {
                data.Add(s.Variant, check);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_PassesOnDataBuiltToSatisfyIt(string variant, string check)
    {
        var verdicts = summaries.Of(variant, broken: null).Verdicts;

        Assert.Equal("true", verdicts.GetValueOrDefault(check, "(absent)"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_FailsOnDataBuiltToViolateIt(string variant, string check)
    {
        var scenario = CheckScenarios.Find(variant);
        var control = summaries.Of(variant, broken: null).Verdicts;

        var (verdicts, printed) = summaries.Of(variant, broken: check);

        Assert.Equal("false", verdicts.GetValueOrDefault(check, "(absent)"));
        Assert.Contains($"  check {check,-22} FAIL ", printed, StringComparison.Ordinal);
        var coupled = scenario.AlsoBreaks?.GetValueOrDefault(check) ?? [];
        foreach (var (name, verdict) in control)
        {
            if (name != check && !coupled.Contains(name))
            {
                Assert.True(verdicts.GetValueOrDefault(name) == verdict, $"breaking '{check}' changed '{name}' from '{verdict}' to '{verdicts.GetValueOrDefault(name)}'");
            }
        }
    }

    /// <summary>Each scenario's list of checks is exactly what its summary judges, so a new judged check needs a breaking case.</summary>
    [Theory]
    [MemberData(nameof(Variants))]
    public void Scenario_CoversEveryCheckItsSummaryJudges(string variant)
    {
        var judged = summaries.Of(variant, broken: null).Verdicts.Where(kv => kv.Value != "").Select(kv => kv.Key).Order();

        Assert.Equal(CheckScenarios.Find(variant).Checks.Order(), judged);
    }

    /// <summary>
    /// The models that declare checks (override ModelInfo.Checks) are exactly the models of the scenarios: a new
    /// built-in model with checks fails here until it has breaking cases.
    /// </summary>
    [Fact]
    public void EveryCatalogModelWithChecks_HasScenarios()
    {
        var withChecks = ModelCatalog.BuiltIn
            .Where(m => m.GetType().GetMethod(nameof(ModelInfo.Checks), [typeof(SweepSpec), typeof(ResultTable)])!.DeclaringType != typeof(ModelInfo))
            .Select(m => m.Name)
            .Order();

        var covered = CheckScenarios.All.Select(s => s.Settings.Model!).Distinct().Order();

        Assert.Equal(["cosine", "mean", "mlp", "quartic", "sparse-coding", "uv", "xy"], withChecks);
        Assert.Equal(withChecks, covered);
    }

    public static TheoryData<string> Variants() => new(CheckScenarios.All.Select(s => s.Variant));

    /// <summary>Each (scenario, broken check) data set written and summarised once, in a temporary folder.</summary>
    public sealed class Summaries : IDisposable
    {
        private readonly string _root = Directory.CreateTempSubdirectory("eos-checks-").FullName;
        private readonly ConcurrentDictionary<string, Lazy<(IReadOnlyDictionary<string, string>, string)>> _cache = new();

        /// <summary>The verdicts in summary.csv and the lines <c>summarize</c> printed.</summary>
        public (IReadOnlyDictionary<string, string> Verdicts, string Printed) Of(string variant, string? broken)
        {
            string key = $"{variant}--{broken ?? "none"}";
            return _cache.GetOrAdd(key, k => new Lazy<(IReadOnlyDictionary<string, string>, string)>(
                () => CheckSummary.Summarize(CheckScenarios.Find(variant), broken, Path.Combine(_root, k)))).Value;
        }

        public void Dispose()
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
