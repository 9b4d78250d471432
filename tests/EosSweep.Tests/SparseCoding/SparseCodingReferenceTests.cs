using EosSweep.Core;
using EosSweep.Engine;
using EosSweep.Tests.Engine;
using EosSweep.Tests.Kernels.Independent;
using Xunit.Abstractions;

namespace EosSweep.Tests.SparseCoding;

/// <summary>
/// The sparse-coding engine against <see cref="SparseCodingReference"/> (plain System.Math from the README's
/// equations): both normalisations, both init readings, the fast and the direct step, on ILGPU's CPU accelerator (the
/// compiled kernel) and on the CPU SIMD lanes, each asserted by the session's engine name. The engine's data are the
/// input (read from its model data); everything computed from them is the reference's own.
/// </summary>
public sealed class SparseCodingReferenceTests(ITestOutputHelper output)
{
    private const int D = 24, N = 40, NTest = 400, Steps = 300;

    /// <summary>The training set of the group-layout rows: n·d = 4,800 is above the model's group threshold (4,096), and 200 samples fill a group of 128 and a part of the next.</summary>
    private const int NGroup = 200;

    /// <summary>The f64 tolerance of <see cref="AssertClose"/>, relative and absolute.</summary>
    private const double CloseRel = 1e-11, CloseAbs = 1e-14;

    /// <summary>
    /// The f32 tolerance, relative: these 300-step runs reach ~3e-7 (float sums over the samples, logged), so 1e-5 leaves
    /// room 30× and keeps the test samples of the chosen seeds clear of a sign change (AssertClassifiedAlike; one sits at
    /// f = 0.0028, which 1e-4 would not clear). Absolute: 1e-9, as for the other models in f32.
    /// </summary>
    private const double SingleRel = 1e-5;

    /// <summary>
    /// η* = 8π/d² = 0.0436 at d = 24: one step size well below it and one above it, both trajectories over the two
    /// seeds (two data sets, two initialisations). With the sum normalisation the step sizes are divided by n, which
    /// makes the same GD iterates in exact arithmetic.
    /// </summary>
    private static readonly double[] MeanEtas = [0.01, 0.1];

    /// <remarks>
    /// Every engine × step × normalisation × init combination on the SIMD lanes; the kernel (3–4 s to compile per
    /// session on ILGPU's CPU accelerator) in two rows that between them take both steps, normalisations and inits.
    /// </remarks>
    [Theory]
    [InlineData("cpu-ilgpu", "fast", "mean", "variance")]
    [InlineData("cpu-ilgpu", "direct", "sum", "std")]
    [InlineData("cpu", "fast", "mean", "std")]
    [InlineData("cpu", "direct", "mean", "variance")]
    [InlineData("cpu", "fast", "sum", "variance")]
    [InlineData("cpu", "direct", "sum", "std")]
    public void Engine_MatchesTheIndependentReference(string accelerator, string step, string normalization, string init) =>
        AssertMatchesReference(accelerator, step, normalization, init, KernelLayout.Auto);

    /// <summary>
    /// The group kernel (a group of threads per trajectory, its sums over samples a tree reduction) executed on ILGPU's
    /// CPU accelerator, asserted by the session, against the same reference: steps, regime and test accuracy exactly,
    /// values within the 1e-11 of <see cref="AssertClose"/> (the reduction reassociates the sums, like the lanes do).
    /// Both steps, both normalisations and both init readings between the two rows.
    /// </summary>
    [Theory]
    [InlineData("fast", "mean", "variance")]
    [InlineData("direct", "sum", "std")]
    public void GroupLayout_MatchesTheIndependentReference(string step, string normalization, string init) =>
        AssertMatchesReference("cpu-ilgpu", step, normalization, init, KernelLayout.Group);

    /// <summary>
    /// The f32 kernel, in the thread and the group layout on ILGPU's CPU accelerator (sparse-coding has no f32 lanes),
    /// against the reference run with the f32 rules and the parameters kept in float
    /// (<see cref="ReferenceLimits.F32Single"/>; η and the initial weights the floats the kernel reads): steps, regime
    /// and test accuracy exactly, with every decision clear of its threshold by the margins of
    /// <see cref="SinglePrecisionIndependentTests"/> and the columns within <see cref="SingleRel"/>. Every row is still
    /// unconverged at 300 steps (logged), with the move clear of the f32 threshold at every step, so the check pins
    /// that no row stops early; a looser --tol lets these slowly settling runs meet the converged test within 1e-3 to
    /// 6e-2 of its threshold, too close for f32 to decide alike.
    /// </summary>
    [Theory]
    [InlineData("fast", "mean", "variance", KernelLayout.Auto)]
    [InlineData("direct", "sum", "std", KernelLayout.Group)]
    public void SinglePrecision_MatchesTheIndependentReference(string step, string normalization, string init, KernelLayout layout)
    {
        bool sum = normalization == "sum";
        int n = layout == KernelLayout.Group ? NGroup : N;
        var etas = MeanEtas.Select(e => sum ? e / n : e).ToArray();
        var (rows, engine, samples) = RunEngine("cpu-ilgpu", step, normalization, init, etas, seeds: 2, Steps, precision: "f32", layout: layout, n: n);

        AssertEngine("cpu-ilgpu", engine, layout == KernelLayout.Group);
        Assert.Equal(etas.Length * 2, rows.Count);
        double worst = 0;
        var regimes = new List<string>();
        foreach (var row in rows)
        {
            var s = samples[row.Index % 2];
            double scale = init == "std" ? 1.0 / (2 * D) : Math.Sqrt(1.0 / (2 * D));
            var model = new SparseCodingReferenceModel(
                s.Train, s.TrainLabels, sum, SinglePrecisionIndependentTests.Single(etas[row.Index / 2]), s.APlusNormal * scale, s.AMinusNormal * scale);
            var r = ReferenceTrajectory.Run(model, ReferenceLimits.F32Single(Steps));
            string label = $"sparse-coding f32 {step} {normalization} {layout} row {row.Index}";
            regimes.Add($"{r.Regime}/{r.Steps}");
            IndependentCheck.AssertClearOfThresholds(r, SinglePrecisionIndependentTests.Margins, label);
            worst = Math.Max(worst, EngineRun.AssertAgrees(row, r, r.Theta, SingleRel, SinglePrecisionIndependentTests.Abs, label));

            // Parameters within the f32 tolerance classify every test sample alike.
            var (aPlus, aMinus, b) = (r.Theta[0], r.Theta[1], r.Theta[2]);
            Assert.All(s.Test, x => AssertClassifiedAlike(x, aPlus, aMinus, b, SingleRel, SinglePrecisionIndependentTests.Abs, label));
            Assert.Equal((double)SparseCodingReference.CountCorrect(s.Test, s.TestLabels, aPlus, aMinus, b) / NTest, row.Extras[0]);
        }

        output.WriteLine($"sparse-coding f32 {step} {normalization} {layout} ({string.Join(", ", regimes)}): largest relative deviation {worst:G3}");
    }

    private static void AssertMatchesReference(string accelerator, string step, string normalization, string init, KernelLayout layout)
    {
        bool sum = normalization == "sum";
        int n = layout == KernelLayout.Group ? NGroup : N;
        var etas = MeanEtas.Select(e => sum ? e / n : e).ToArray();
        var (rows, engine, samples) = RunEngine(accelerator, step, normalization, init, etas, seeds: 2, Steps, layout: layout, n: n);

        AssertEngine(accelerator, engine, layout == KernelLayout.Group);
        Assert.Equal(etas.Length * 2, rows.Count);
        foreach (var row in rows)
        {
            double eta = etas[row.Index / 2];
            var s = samples[row.Index % 2];
            double scale = init == "std" ? 1.0 / (2 * D) : Math.Sqrt(1.0 / (2 * D));
            var r = SparseCodingReference.Run(s.Train, s.TrainLabels, sum, eta, s.APlusNormal * scale, s.AMinusNormal * scale, new(Steps));
            AssertClose(r, row);
            // Parameters within AssertClose's tolerance classify every test sample alike.
            Assert.All(s.Test, x => AssertClassifiedAlike(x, r.APlus, r.AMinus, r.B, CloseRel, CloseAbs, $"row {row.Index}"));
            int correct = SparseCodingReference.CountCorrect(s.Test, s.TestLabels, r.APlus, r.AMinus, r.B);
            Assert.Equal((double)correct / NTest, row.Extras[0]);
        }
    }

    /// <summary>
    /// Non-default thresholds change where and how runs stop, and the engine stops exactly where the reference does:
    /// tol 1e-3 ends the above-threshold runs eos (small η stays unconverged), tol 1e-2 ends every run, gf below the
    /// threshold, and with --eos-margin 0.8 (edge at ratio 0.2) those gf runs count as eos; --diverge-bound 2 makes the
    /// growing runs diverge.
    /// </summary>
    [Theory]
    [InlineData("cpu-ilgpu", "direct", 1e-2, 1e8, 0.02)]
    [InlineData("cpu", "fast", 1e-2, 1e8, 0.02)]
    [InlineData("cpu", "direct", 1e-3, 1e8, 0.02)]
    [InlineData("cpu", "fast", 1e-2, 1e8, 0.8)]
    [InlineData("cpu", "fast", 1e-10, 2.0, 0.02)]
    public void StoppingRules_MatchTheReference(string accelerator, string step, double tol, double bound, double margin)
    {
        var (rows, engine, samples) = RunEngine(accelerator, step, "mean", "variance", MeanEtas, seeds: 2, Steps, tol, bound, margin);

        AssertEngine(accelerator, engine);
        Assert.Equal(MeanEtas.Length * 2, rows.Count);
        foreach (var row in rows)
        {
            var s = samples[row.Index % 2];
            double scale = Math.Sqrt(1.0 / (2 * D));
            var r = SparseCodingReference.Run(s.Train, s.TrainLabels, false, MeanEtas[row.Index / 2], s.APlusNormal * scale, s.AMinusNormal * scale, new(Steps, tol, bound, margin));
            AssertClose(r, row);
        }
    }

    /// <summary>The total-time protocol: T = round(τ/η) steps, halves away from zero (τ = 2.5: 250, 25 and 12.5 → 13).</summary>
    [Theory]
    [InlineData("cpu-ilgpu")]
    [InlineData("cpu")]
    public void TotalTime_RunsRoundTauOverEtaSteps(string accelerator)
    {
        double[] etas = [0.01, 0.1, 0.2];
        var (rows, engine, samples) = RunEngine(accelerator, "fast", "mean", "variance", etas, seeds: 2, steps: null, tau: 2.5);

        AssertEngine(accelerator, engine);
        Assert.Equal(etas.Length * 2, rows.Count);
        foreach (var row in rows)
        {
            var s = samples[row.Index % 2];
            double eta = etas[row.Index / 2];
            int budget = (int)Math.Round(2.5 / eta, MidpointRounding.AwayFromZero);
            double scale = Math.Sqrt(1.0 / (2 * D));
            var r = SparseCodingReference.Run(s.Train, s.TrainLabels, false, eta, s.APlusNormal * scale, s.AMinusNormal * scale, new(budget));
            Assert.Equal(budget, row.Steps);
            AssertClose(r, row);
        }
    }

    /// <summary>
    /// The init readings by their effect on the engine's initial weights over 400 seeds (one step of η = 1e-12 leaves
    /// them unchanged to ~1e-12): N(0, 1/(2d)) read as a variance gives var(a±) = 1/(2d) = 0.0625 at d = 8, read as a
    /// standard deviation 1/(2d)² = 0.0039. Bounds: 5.5 standard errors of the sample variance, √(2/(N − 1))·σ² (±39 %),
    /// and of the mean, σ/√N; the two readings lie a factor 16 apart, far outside either band.
    /// </summary>
    [Theory]
    [InlineData("variance", 1.0 / 16)]
    [InlineData("std", 1.0 / 256)]
    public void InitReading_SetsTheVarianceOfTheInitialWeights(string init, double variance)
    {
        const int seeds = 400, d = 8;
        const double z = 5.5;
        var spec = SweepHarness.Spec(new SweepSettings
        {
            Model = "sparse-coding",
            Steps = 1,
            Axes = new Dictionary<string, string> { ["eta"] = "1e-12", ["d"] = $"{d}", ["n"] = "2", ["n_test"] = "1", ["seed"] = $"lin:0:{seeds - 1}:{seeds}" },
            Options = new Dictionary<string, string> { ["init"] = init },
        });
        var rows = SweepHarness.Run(spec);

        Assert.Equal(seeds, rows.Count);
        foreach (int k in new[] { 0, 1 })
        {
            var a = rows.Select(r => r.Parameters[k]).ToArray();
            double mean = a.Average();
            double sampleVariance = a.Sum(v => (v - mean) * (v - mean)) / (seeds - 1);
            Assert.InRange(mean, -z * Math.Sqrt(variance / seeds), z * Math.Sqrt(variance / seeds));
            Assert.InRange(sampleVariance, variance * (1 - (z * Math.Sqrt(2.0 / (seeds - 1)))), variance * (1 + (z * Math.Sqrt(2.0 / (seeds - 1)))));
        }
    }

    /// <summary>
    /// The stored samples follow x = λ·y·e_j + ξ, checked from the stored values alone: at λ = 40 the planted coordinate
    /// is the largest of its sample when y = +1 and the smallest when y = −1 (noise stays below 40 − 8 with
    /// overwhelming probability), x_j − λ·y is N(0, 1), the other d − 1 coordinates are N(0, 1) and the labels are
    /// balanced. Bounds: 5.5 standard errors (mean σ/√m, variance √(2/m)).
    /// </summary>
    [Fact]
    public void Data_FollowTheGenerativeModel()
    {
        const int d = 16, n = 3000, nTest = 1000;
        const double lambda = 40, z = 5.5;
        var spec = SweepHarness.Spec(new SweepSettings
        {
            Model = "sparse-coding",
            Steps = 1,
            Axes = new Dictionary<string, string> { ["eta"] = "0.01", ["d"] = $"{d}", ["n"] = $"{n}", ["lambda"] = $"{lambda}", ["n_test"] = $"{nTest}", ["seed"] = "7" },
        });
        using var session = SweepSession.Open(spec);
        var s = SparseCodingSamples.Read(session.Data, 0, d, n, nTest);

        foreach (var (x, y) in new[] { (s.Train, s.TrainLabels), (s.Test, s.TestLabels) })
        {
            int m = x.Length;
            Assert.All(y, v => Assert.True(v is 1.0 or -1.0));
            Assert.InRange(y.Sum() / m, -z / Math.Sqrt(m), z / Math.Sqrt(m));
            var planted = new List<double>();
            var noise = new List<double>();
            for (int k = 0; k < m; k++)
            {
                int j = y[k] > 0 ? d - 1 : 0;
                Assert.Equal(y[k] > 0 ? x[k].Max() : x[k].Min(), x[k][j]); // j is where the sorted sample keeps its extreme
                planted.Add(x[k][j] - (lambda * y[k]));
                noise.AddRange(x[k].Where((_, i) => i != j));
            }

            AssertStandardNormal(planted, z);
            AssertStandardNormal(noise, z);
        }
    }

    /// <summary>At the paper's λ = 3 the signal along the label, y·Σᵢ xᵢ, averages λ (its variance is d: bound 5.5·√(d/n)).</summary>
    [Fact]
    public void Data_SignalAlongTheLabelAveragesLambda()
    {
        const int d = 50, n = 4000;
        const double lambda = 3, z = 5.5;
        var spec = SweepHarness.Spec(new SweepSettings
        {
            Model = "sparse-coding",
            Steps = 1,
            Axes = new Dictionary<string, string> { ["eta"] = "0.01", ["d"] = $"{d}", ["n"] = $"{n}", ["lambda"] = $"{lambda}", ["n_test"] = "1", ["seed"] = "11" },
        });
        using var session = SweepSession.Open(spec);
        var s = SparseCodingSamples.Read(session.Data, 0, d, n, 1);

        double mean = s.Train.Select((x, k) => s.TrainLabels[k] * x.Sum()).Average();
        Assert.InRange(mean, lambda - (z * Math.Sqrt((double)d / n)), lambda + (z * Math.Sqrt((double)d / n)));
    }

    private static void AssertStandardNormal(List<double> v, double z)
    {
        double mean = v.Average();
        double variance = v.Sum(e => (e - mean) * (e - mean)) / (v.Count - 1);
        Assert.InRange(mean, -z / Math.Sqrt(v.Count), z / Math.Sqrt(v.Count));
        Assert.InRange(variance, 1 - (z * Math.Sqrt(2.0 / v.Count)), 1 + (z * Math.Sqrt(2.0 / v.Count)));
    }

    /// <summary>
    /// The engine's run name says which engine ran: the compiled kernel on ILGPU's CPU accelerator, or the lanes; the
    /// session says whether the kernel held is the group kernel (<paramref name="grouped"/>).
    /// </summary>
    private static void AssertEngine(string accelerator, (string Name, string Kind, bool Grouped) engine, bool grouped = false)
    {
        Assert.Equal("cpu", engine.Kind);
        Assert.Equal(grouped, engine.Grouped);
        if (accelerator == "cpu-ilgpu")
        {
            Assert.Equal("CPUAccelerator", engine.Name);
        }
        else
        {
            Assert.StartsWith("CPUAccelerator, SIMD ", engine.Name, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Parameters, losses and sharpness within 1e-11 relative (plus 1e-14 absolute for values near 0): the engine sums
    /// the samples in another order (prefix sums and binary searches for the fast step, lanes on the SIMD path) and
    /// computes the eigenvalue in closed form, so the two agree only to rounding; measured ≤ 1e-15 relative over these
    /// 300-step runs, the bound leaves room for other lane widths. Steps and regime exactly.
    /// </summary>
    private static void AssertClose(SparseCodingReference.Outcome r, SweepHarness.Row row)
    {
        Near(r.APlus, row.Parameters[0]);
        Near(r.AMinus, row.Parameters[1]);
        Near(r.B, row.Parameters[2]);
        Near(r.FinalLoss, row.FinalLoss);
        Near(r.MinLoss, row.MinLoss);
        Near(r.SharpnessFinal, row.SharpnessFinal);
        Near(r.SharpnessMax, row.SharpnessMax);
        Near(r.Ratio, row.Ratio);
        Assert.Equal(r.Steps, row.Steps);
        Assert.Equal(r.Regime, row.Regime);
    }

    /// <summary>
    /// Whether every (a₊, a₋, b) within rel·|θ| + abs of the given one gives f(x) the same sign (or f(x) = 0 alike): f moves
    /// by at most Σ over the terms a·ReLU(u) (u = ±xᵢ + b) that are active or within δb of their kink of
    /// |a|·δb + δa·(max(u, 0) + δb); a sample whose every ReLU is inactive by more than δb has f = 0 for all of them.
    /// </summary>
    private static void AssertClassifiedAlike(double[] x, double aPlus, double aMinus, double b, double rel, double abs, string label)
    {
        double db = (rel * Math.Abs(b)) + abs;
        double slack = 0;
        foreach (double xi in x)
        {
            foreach (var (a, u) in new[] { (aPlus, xi + b), (aMinus, -xi + b) })
            {
                if (u > -db)
                {
                    slack += (Math.Abs(a) * db) + (((rel * Math.Abs(a)) + abs) * (Math.Max(u, 0) + db));
                }
            }
        }

        double f = SparseCodingReference.F(x, aPlus, aMinus, b);
        Assert.True(slack == 0 || Math.Abs(f) > slack, $"{label}: a test sample has f = {f:G3}, within {slack:G3} of changing sign");
    }

    private static void Near(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= CloseAbs + (CloseRel * Math.Abs(expected)), $"expected {expected:R}, engine {actual:R}");

    private static (List<SweepHarness.Row> Rows, (string Name, string Kind, bool Grouped) Engine, SparseCodingSamples[] Samples) RunEngine(
        string accelerator, string step, string normalization, string init, double[] etas, int seeds, int? steps, double? tolerance = null, double? bound = null, double? margin = null, double? tau = null,
        string? precision = null, KernelLayout layout = KernelLayout.Auto, int n = N)
    {
        var spec = SweepHarness.Spec(new SweepSettings
        {
            Model = "sparse-coding",
            Accelerator = accelerator,
            Precision = precision,
            Steps = steps,
            Tau = tau,
            Tolerance = tolerance,
            DivergenceBound = bound,
            EosMargin = margin,
            Axes = new Dictionary<string, string>
            {
                ["eta"] = string.Join(",", etas.Select(e => e.ToString("R", System.Globalization.CultureInfo.InvariantCulture))),
                ["d"] = $"{D}",
                ["n"] = $"{n}",
                ["n_test"] = $"{NTest}",
                ["seed"] = string.Join(",", Enumerable.Range(0, seeds)),
            },
            Options = new Dictionary<string, string> { ["step"] = step, ["normalization"] = normalization, ["init"] = init },
        });
        using var session = SweepSession.Open(spec, KernelOptions.Default with { Layout = layout });
        var rows = new List<SweepHarness.Row>();
        session.RunAsync((b, _) =>
        {
            lock (rows)
            {
                rows.AddRange(SweepHarness.Rows(b));
            }

            return Task.CompletedTask;
        }).GetAwaiter().GetResult();
        rows.Sort((a, b) => a.Index.CompareTo(b.Index));
        var samples = Enumerable.Range(0, seeds).Select(k => SparseCodingSamples.Read(session.Data, k, D, n, NTest)).ToArray();
        return (rows, (session.AcceleratorName, session.AcceleratorKind, session.Grouped), samples);
    }
}
