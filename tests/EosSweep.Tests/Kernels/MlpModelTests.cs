using EosSweep.Core;
using EosSweep.Kernels.Models;
using EosSweep.Kernels.Numerics;
using EosSweep.Tests.Engine;
using EosSweep.Tests.Kernels.Independent;

namespace EosSweep.Tests.Kernels;

/// <summary>
/// The mlp model: gradient and power-iteration sharpness against finite differences, the engine's trajectories on each
/// CPU engine against a plain scalar GD loop (a transcription) bit for bit, and the convergence measure.
/// </summary>
public sealed class MlpModelTests(MlpFixture data) : IClassFixture<MlpFixture>
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Gradient_EqualsCentralDifferences(int activation)
    {
        // h = 1e-6 leaves a truncation error of O(h²·L''') and a rounding error of O(ε/h) ≈ 1e-10: 1e-6 relative is ample.
        // The relu point has no pre-activation within 1e-3 of its kink (checked below), so L is smooth there.
        const double h = 1e-6;
        var theta = Point(1);
        Assert.True(MinAbsPreActivation(theta) > 1e-3, "test point too close to the relu kink");
        var g = data.Gradient(theta, activation);
        var fd = FiniteDifferences.Gradient(t => data.At(t, activation).Evaluate().Loss.V, theta, h);
        for (int k = 0; k < data.P; k++)
        {
            Assert.True(Math.Abs(fd[k] - g[k]) <= 1e-6 * Math.Max(1, Math.Abs(g[k])), $"∂{k}: analytic {g[k]:R}, fd {fd[k]:R}");
        }
    }

    [Theory]
    [InlineData(0, 0.3, 0.7)]
    [InlineData(0, 1.0, 1.0)]
    [InlineData(2, 0.5, 0.2)]
    public void PowerIterationSharpness_EqualsTopEigenvalueOfPreconditionedFiniteDifferenceHessian(int activation, double eta1, double eta2)
    {
        // The model reports λ_max(P^½ H P^½)/η₁ (P = diag(η₁ on W, η₂ on v)); H here is the finite-difference Jacobian
        // of the analytic gradient (itself pinned to the loss above), so this checks the hand-derived HVP.
        const double h = 1e-6;
        var theta = Point(2);
        var hess = FiniteDifferences.Hessian(t => data.Gradient(t, activation), theta, h);
        int n = data.P, mw = MlpFixture.M * MlpFixture.D;
        var pre = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                pre[i, j] = Math.Sqrt(i < mw ? eta1 : eta2) * hess[i, j] * Math.Sqrt(j < mw ? eta1 : eta2);
            }
        }

        var eig = Jacobi.Eigenvalues(pre);
        double top = eig.Max();
        Assert.True(top >= -eig.Min(), "the test point must have its largest-magnitude eigenvalue positive");

        // Each Evaluate runs 20 warm-started power iterations; 15 of them (300) converge on this 9 × 9 matrix.
        var m = data.At(theta, activation, eta1, eta2);
        double sharp = 0;
        for (int r = 0; r < 15; r++)
        {
            sharp = m.Evaluate().Sharpness.V * eta1;
        }

        Assert.True(Math.Abs(top - sharp) <= 1e-5 * Math.Max(1, top), $"power iteration {sharp:R}, fd Hessian {top:R}");
    }

    public static TheoryData<AcceleratorChoice, string, int> EnginesAndActivations()
    {
        var data = new TheoryData<AcceleratorChoice, string, int>();
        foreach (var engine in new[] { AcceleratorChoice.CpuIlgpu, AcceleratorChoice.Cpu })
        {
            data.Add(engine, "tanh", 0);
            data.Add(engine, "relu", 1);
            data.Add(engine, "identity", 2);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EnginesAndActivations))]
    public void Engine_EqualsPlainScalarGradientDescent_BitForBit(AcceleratorChoice engine, string activation, int code)
    {
        // The named engine (ILGPU's CPU accelerator, or the SIMD lanes; asserted by EngineRun) against the loop below, a
        // transcription over plain doubles in the model's order of operations: every parameter summary, the loss, the
        // initial loss and the convergence measure to the last bit. The loop decides its own stopping step and regime
        // from the README's rules (the ratio from an exact finite-difference sharpness, asserted far from 1 and from
        // 1 − m, so the engine's power-iteration estimate refreshed every 5 steps makes the same decisions).
        const int steps = 60, m = 4, d = 3;
        double[] eta1 = [0.05, 0.3], eta2 = [0.1, 0.8], offsets = [0.0, 0.2];
        var rows = EngineRun.Rows(
            new SweepSettings
            {
                Model = "mlp",
                Steps = steps,
                Axes = new Dictionary<string, string>
                {
                    ["eta1"] = "0.05,0.3",
                    ["eta2"] = "0.1,0.8",
                    ["offset"] = "0,0.2",
                    ["m"] = $"{m}",
                    ["d"] = $"{d}",
                    ["seed"] = "2",
                },
                Options = new Dictionary<string, string> { ["activation"] = activation, ["sharpness_every"] = "5" },
            },
            engine);
        Assert.Equal(8, rows.Count);
        foreach (var r in rows)
        {
            var expected = PlainGradientDescent(activation, code, m, d, 2, eta1[r.Index / 4], eta2[r.Index / 2 % 2], offsets[r.Index % 2], steps);
            // 0.01: the engine's power-iteration ratios were within ~1e-3 relative of the exact ones on nets this small
            // (MlpIndependentTests logs it).
            Assert.True(expected.RatioMargin >= 0.01, $"row {r.Index}: the ratio came within {expected.RatioMargin} of 1 or 1 − m");
            Assert.True(expected.MoveMargin >= 1e-9, $"row {r.Index}: the move came within {expected.MoveMargin} (relative) of the tolerance");
            Assert.Equal(expected.Steps, r.Steps);
            Assert.Equal(expected.Regime, r.Regime);
            Assert.Equal(expected.WRms, r.Parameters[0]);
            Assert.Equal(expected.VRms, r.Parameters[1]);
            Assert.Equal(expected.FinalLoss, r.FinalLoss);
            Assert.Equal(expected.Measure, r.Extras[0]);
            Assert.Equal(expected.Loss0, r.Extras[1]);
        }

        // The identity net is linear least squares: its gentle rows converge before the budget, so the rule is exercised.
        if (activation == "identity")
        {
            Assert.Contains(rows, r => r.Regime == Regime.Gf && r.Steps < steps);
        }
    }

    [Fact]
    public void ConvergenceMeasure_DivergedRowsRead1e6_AndTrainableRowsAgreeWithTheirRegime()
    {
        // Width 4: small steps train (measure < 1), η₂ = 300 blows the output layer up within a few steps. On the
        // default CPU engine (the SIMD lanes; the matrix tests hold them to the compiled kernel bit for bit).
        var rows = SweepHarness.Run(SweepHarness.Spec(new SweepSettings
        {
            Model = "mlp",
            Steps = 200,
            Axes = new Dictionary<string, string> { ["eta1"] = "0.5", ["eta2"] = "0.5,300", ["m"] = "4", ["d"] = "4", ["seed"] = "1" },
        }), out var engine);
        Assert.Contains(", SIMD ", engine, StringComparison.Ordinal);
        Assert.True(rows[0].Extras[0] < 1, $"η₂ = 0.5: measure {rows[0].Extras[0]}");
        Assert.NotEqual(Regime.Diverged, rows[0].Regime);
        Assert.Equal(Regime.Diverged, rows[1].Regime);
        Assert.Equal(MlpModel<R64>.LossCap, rows[1].Extras[0]);
    }

    [Fact]
    public void FractalTanh_SmallGrid_YieldsTrainableAndUntrainable()
    {
        // The preset itself (width 16, tanh, its (η₁, η₂) ranges) at 64 × 64 and 4 steps: the grid spans the boundary.
        var settings = Presets.Get("fractal-tanh", 64) with { Steps = 4 };
        var rows = SweepHarness.Run(SweepHarness.Spec(settings), out var engine);
        Assert.Contains(", SIMD ", engine, StringComparison.Ordinal);
        Assert.Equal(64 * 64, rows.Count);
        int trainable = rows.Count(r => r.Extras[0] < 1);
        Assert.InRange(trainable, 1, rows.Count - 1);
        Assert.DoesNotContain(rows, r => r.Extras[0] < 1 && r.Regime == Regime.Diverged);
    }

    [Fact]
    public void Resolution_ResizesEveryRangedAxisOfThePreset()
    {
        var s = Presets.Get("fractal-tanh", 37);
        Assert.NotNull(s.Axes);
        Assert.EndsWith(":37", s.Axes["eta1"]);
        Assert.EndsWith(":37", s.Axes["eta2"]);
        Assert.Equal("16", s.Axes["m"]);
        Assert.Throws<SweepInputException>(() => Presets.Get("fractal-tanh", 1));
    }

    /// <summary>
    /// Full-batch GD on the mlp over plain doubles, the model's order of operations (its multiply-adds fused, the engine's
    /// tanh), the model's data: a transcription of the model, not an independent reference (that is
    /// <see cref="MlpReference"/>). It stops by the README's rules on its own: diverged when the loss or a weight is not
    /// finite or ‖θ‖₁ &gt; 1e8, converged when ‖Δθ‖₁ ≤ 1e-10·(1 + ‖θ‖₁) with the ratio below 1, gf or eos by the
    /// largest ratio against 0.98; the ratio η₁·λ/2 from <see cref="MlpReference.Sharpness"/> (exact), with the
    /// smallest distances from their thresholds of the move and of the ratio where it decides (a move within the
    /// tolerance; the largest ratio of a converged run), to be asserted clear.
    /// </summary>
    private static (double WRms, double VRms, double FinalLoss, double Loss0, double Measure, int Steps, Regime Regime, double RatioMargin, double MoveMargin) PlainGradientDescent(
        string activationName, int activation, int m, int d, ulong seed, double eta1, double eta2, double offset, int budget)
    {
        var exact = new MlpReference(activationName, eta1, eta2, offset, m, d, m * (d + 1), seed);
        int p = m * (d + 1), n = p, mw = m * d;
        var block = new double[MlpData.BlockLength(n, m, d)];
        MlpData.Fill(block, m, d, n, seed);
        var x = block.AsSpan(0, n * d).ToArray();
        var y = block.AsSpan(n * d, n).ToArray();
        var theta = block.AsSpan(n * (d + 1), p).ToArray().Select(w => w + offset).ToArray();
        double invSqrtD = 1.0 / Math.Sqrt(d), invSqrtM = 1.0 / Math.Sqrt(m), twoOverN = 2.0 / n;
        var grad = new double[p];
        var a = new double[m];

        double Loss(bool gradient)
        {
            Array.Clear(grad);
            double loss = 0;
            for (int i = 0; i < n; i++)
            {
                double f = 0;
                for (int j = 0; j < m; j++)
                {
                    double h = 0;
                    for (int l = 0; l < d; l++)
                    {
                        h = Math.FusedMultiplyAdd(theta[(j * d) + l], x[(i * d) + l], h);
                    }

                    double z = h * invSqrtD;
                    a[j] = activation == 0 ? PMath.Tanh(new R64(z)).V : activation == 1 ? (z > 0 ? z : 0.0) : z;
                    f = Math.FusedMultiplyAdd(theta[mw + j], a[j], f);
                }

                double e = (f * invSqrtM) - y[i];
                loss = Math.FusedMultiplyAdd(e, e, loss);
                if (!gradient)
                {
                    continue;
                }

                double c = twoOverN * e * invSqrtM;
                for (int j = 0; j < m; j++)
                {
                    grad[mw + j] = Math.FusedMultiplyAdd(c, a[j], grad[mw + j]);
                    double slope = activation == 0 ? 1.0 - (a[j] * a[j]) : activation == 1 ? (a[j] > 0 ? 1.0 : 0.0) : 1.0;
                    double r = c * theta[mw + j] * slope * invSqrtD;
                    for (int l = 0; l < d; l++)
                    {
                        grad[(j * d) + l] = Math.FusedMultiplyAdd(r, x[(i * d) + l], grad[(j * d) + l]);
                    }
                }
            }

            return loss / n;
        }

        double loss0 = 0, window = 0, maxRatio = 0, ratioMargin = double.PositiveInfinity, moveMargin = double.PositiveInfinity;
        int counted = 0, steps = 0;
        var regime = Regime.Unconverged;
        double Normalised(double loss) => loss / loss0 <= MlpModel<R64>.LossCap ? loss / loss0 : MlpModel<R64>.LossCap;
        while (steps < budget)
        {
            double loss = Loss(true);
            loss0 = steps == 0 ? loss : loss0;
            double ratio = eta1 * exact.Sharpness(theta) / 2;
            maxRatio = Math.Max(maxRatio, ratio);
            if (steps >= budget - MlpModel<R64>.Window)
            {
                window += Normalised(loss);
                counted++;
            }

            double move = 0, size = 0;
            for (int k = 0; k < p; k++)
            {
                double wn = theta[k] - ((k < mw ? eta1 : eta2) * grad[k]);
                wn = Math.Abs(wn) < 1e-100 ? 0.0 : wn;
                move += Math.Abs(wn - theta[k]);
                size += Math.Abs(wn);
                theta[k] = wn;
            }

            steps++;
            if (!double.IsFinite(loss) || !(size <= 1e8))
            {
                regime = Regime.Diverged;
                break;
            }

            double threshold = 1e-10 * (1 + size);
            moveMargin = Math.Min(moveMargin, Math.Abs((move / threshold) - 1));
            if (move <= threshold)
            {
                // Only here does the ratio decide.
                ratioMargin = Math.Min(ratioMargin, Math.Abs(1 - ratio));
            }

            if (move <= threshold && ratio < 1)
            {
                regime = Regime.Gf;
                break;
            }
        }

        double Rms(int first, int count)
        {
            double s = 0;
            for (int k = first; k < first + count; k++)
            {
                s = Math.FusedMultiplyAdd(theta[k], theta[k], s);
            }

            return Math.Sqrt(s / count);
        }

        // Steps after an early stop repeat the final point's normalised loss.
        double final = Loss(false);
        double measure = (window + ((MlpModel<R64>.Window - counted) * Normalised(final))) / MlpModel<R64>.Window;
        double finalRatio = eta1 * exact.Sharpness(theta) / 2;
        maxRatio = Math.Max(maxRatio, finalRatio);
        ratioMargin = regime == Regime.Gf ? Math.Min(ratioMargin, Math.Abs(maxRatio - 0.98)) : ratioMargin;
        regime = regime == Regime.Gf && maxRatio >= 0.98 ? Regime.Eos : regime;
        return (Rms(0, mw), Rms(mw, m), final, loss0, measure, steps, regime, ratioMargin, moveMargin);
    }

    private double[] Point(int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, data.P).Select(_ => (rng.NextDouble() - 0.5) * 2.0).ToArray();
    }

    /// <summary>The smallest |h| over the fixture's points and hidden units at θ: how far the relu test point is from a kink.</summary>
    private double MinAbsPreActivation(double[] theta)
    {
        var block = new double[MlpData.BlockLength(data.P, MlpFixture.M, MlpFixture.D)];
        MlpData.Fill(block, MlpFixture.M, MlpFixture.D, data.P, 5);
        double min = double.PositiveInfinity;
        for (int i = 0; i < data.P; i++)
        {
            for (int j = 0; j < MlpFixture.M; j++)
            {
                double h = 0;
                for (int l = 0; l < MlpFixture.D; l++)
                {
                    h += theta[(j * MlpFixture.D) + l] * block[(i * MlpFixture.D) + l];
                }

                min = Math.Min(min, Math.Abs(h));
            }
        }

        return min;
    }
}
