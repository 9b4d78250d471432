using System.Globalization;
using EosSweep.Core;
using EosSweep.Core.Models;
using EosSweep.Core.Results;
using EosSweep.Kernels.Execution;
using EosSweep.Kernels.Losses;
using EosSweep.Kernels.Numerics;
using ILGPU.Runtime;

namespace EosSweep.Kernels.Models;

/// <summary>
/// Registration, data and theory of <see cref="MlpModel{T}"/> (docs/models.md, test beds): the one-hidden-layer network whose
/// (η₁, η₂) trainability boundary is fractal (Sohl-Dickstein 2024, "The boundary of neural network trainability
/// is fractal"). Its class is the convergence measure (column <see cref="ConvergenceMeasure"/>, trainable iff &lt; 1).
/// </summary>
public sealed class MlpModelInfo : ModelInfo, IKernelFamily, IModelDataProvider
{
    /// <summary>The convergence-measure column.</summary>
    public const string ConvergenceMeasure = "convergence_measure";

    /// <summary>The initial-loss column.</summary>
    public const string Loss0 = "loss0";

    /// <summary>The sharpness periods the option offers ("end": the first step and the final point only; "never": not computed, NaN).</summary>
    public static readonly IReadOnlyList<string> SharpnessPeriods = ["10", "1", "2", "5", "20", "50", "100", "500", "end", "never"];

    /// <summary>The one instance.</summary>
    public static MlpModelInfo Instance { get; } = new();

    /// <inheritdoc/>
    public override string Name => "mlp";

    /// <inheritdoc/>
    public override string Description => "one-hidden-layer network (mean-field scaling), MSE on Gaussian data, a step size per layer: a fractal trainability boundary";

    /// <inheritdoc/>
    public override IReadOnlyList<AxisInfo> Axes { get; } =
    [
        new("eta1", 0.1, "step size η₁ of the hidden layer W", PositiveOnly: true),
        new("eta2", 0.1, "step size η₂ of the output layer v", PositiveOnly: true),
        new("offset", 0.0, "init offset added to every initial weight"),
        new("m", 16, "hidden width m", Integer: true, PositiveOnly: true),
        new("d", 16, "input dimension d", Integer: true, PositiveOnly: true),
        new("n", 0, "training points n (0: as many as parameters, m·(d + 1))", Integer: true),
        new("seed", 0, "seed of the data and the initial weights", Integer: true),
    ];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Parameters { get; } = ["w_rms", "v_rms"];

    /// <summary>The model's loss is fixed (the mean squared error); square is its only value.</summary>
    public override IReadOnlyList<LossKind> Losses { get; } = [LossKind.Square];

    /// <inheritdoc/>
    public override LossKind DefaultLoss => LossKind.Square;

    /// <inheritdoc/>
    public override IReadOnlyList<string> ExtraColumns { get; } = [ConvergenceMeasure, Loss0];

    /// <inheritdoc/>
    public override string ExtraColumnMeaning(string column) => column switch
    {
        ConvergenceMeasure => "mean of the last 20 of L_t/L_0 (non-finite → 1e6); trainable iff < 1",
        Loss0 => "the loss at the start, L(θ₀)",
        _ => base.ExtraColumnMeaning(column),
    };

    /// <inheritdoc/>
    public override string? TrainabilityColumn => ConvergenceMeasure;

    /// <inheritdoc/>
    public override IReadOnlyList<ModelOption> Options { get; } =
    [
        new("activation", ["tanh", "relu", "identity"], "tanh", "hidden activation σ"),
        new("sharpness_every", SharpnessPeriods, "10",
            "refresh the power-iteration sharpness every k steps (3 warm-started iterations; 20 at the first step and the final point); 'end': first step and final point only; 'never': not computed (NaN; runs then end unconverged or diverged)"),
    ];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Theory { get; } =
    [
        "h = W·x/√d, f = v·σ(h)/√m (mean-field: each pre-activation over √fan-in); L = (1/n)·Σᵢ (f(xᵢ) − yᵢ)², x ~ N(0, I_d), y ~ N(0, 1)",
        "init W, v ~ N(0, 1) + offset; n = m·(d + 1) points by default (as many as parameters)",
        "GD: W' = W − η₁·∇_W L, v' = v − η₂·∇_v L; sharpness λ_max(P^½HP^½)/η₁ with P = diag(η₁, η₂), by power iteration on exact Hessian-vector products",
        "convergence measure: mean of the last 20 of L_t/L_0 (non-finite → 1e6); trainable iff < 1",
        "the (η₁, η₂) trainability boundary is fractal (Sohl-Dickstein 2024): box-counting dimension > 1",
    ];

    /// <inheritdoc/>
    public override string CurveColumn => ConvergenceMeasure;

    /// <inheritdoc/>
    public override IReadOnlyList<TheoryCheck> Checks(SweepSpec spec, ResultTable table)
    {
        if (!table.Has(ConvergenceMeasure))
        {
            return [];
        }

        var measure = table.Column(ConvergenceMeasure);
        int trainable = 0, contradictions = 0;
        for (int i = 0; i < table.Count; i++)
        {
            bool ok = measure[i] < 1;
            trainable += ok ? 1 : 0;
            var r = table.Regimes[i];
            contradictions += (ok && r == Regime.Diverged) || (!ok && (r == Regime.Gf || r == Regime.Eos)) ? 1 : 0;
        }

        return
        [
            new("trainable_share", "share of rows with convergence measure < 1", table.Count == 0 ? double.NaN : (double)trainable / table.Count, "informational", null),
            new("regime_consistent", "rows whose regime contradicts the convergence measure (diverged yet < 1, or converged yet ≥ 1)", contradictions, "0", contradictions == 0),
        ];
    }

    /// <inheritdoc/>
    public ITrajectoryKernel Make<TLoss, T>()
        where TLoss : struct, ILoss
        where T : struct, IScalar<T> => new TrajectoryKernel<MlpModel<T>, T>();

    /// <summary>The CPU SIMD twin: the same network at lanes, one trajectory per lane (grids with one m, d and n).</summary>
    public Simd.ISimdKernel? MakeSimd<TLoss, T, TW>()
        where TLoss : struct, ILoss
        where T : struct, ISimdReal<T, TW>
        where TW : struct, ILanes<TW> => new Simd.SimdStatefulKernel<Simd.MlpLanes<T, TW>, T, TW>();

    /// <inheritdoc/>
    public long DataBytes(SweepSpec spec, int capacity)
    {
        var size = Size(spec, capacity);
        return (size.Doubles + size.Scratch) * sizeof(double);
    }

    /// <inheritdoc/>
    /// <remarks>Each data block is generated from the values of the data axes (every axis after the offset) and the seed,
    /// and a point finds its block from those axes' place in the grid, so the same point reads the same block in any grid.</remarks>
    public bool DataFollowsAxisValues => true;

    /// <inheritdoc/>
    public ModelDataBuffers Prepare(SweepSpec spec, Accelerator accelerator, int capacity)
    {
        var grid = spec.Grid;
        var size = Size(spec, capacity);
        if ((size.Doubles + size.Scratch) * sizeof(double) > accelerator.MemorySize / 2)
        {
            throw new SweepInputException(
                $"mlp: data and per-trajectory parameters need {(size.Doubles + size.Scratch) * 8 / 1048576.0:N0} MiB for a batch of {capacity:N0}, more than half of the accelerator's {accelerator.MemorySize / 1048576.0:N0} MiB; use a smaller --batch");
        }

        var doubles = new double[size.Doubles];
        doubles[0] = spec.Tau ?? 0;
        var ints = new int[MlpData.HeaderInts + (2 * size.Keys)];
        ints[0] = (int)size.Keys;
        ints[1] = spec.Steps;
        ints[2] = Period(spec);
        long offset = 1;
        for (long k = 0; k < size.Keys; k++)
        {
            long m = (long)grid.Value(k, 3), d = (long)grid.Value(k, 4), n = MlpData.Points((long)grid.Value(k, 5), m, d);
            ints[MlpData.HeaderInts + (2 * k)] = (int)(uint)(offset & 0xFFFF_FFFF);
            ints[MlpData.HeaderInts + 1 + (2 * k)] = (int)(offset >> 32);
            long length = MlpData.BlockLength(n, m, d);
            MlpData.Fill(doubles.AsSpan((int)offset, (int)length), m, d, n, (ulong)grid.Value(k, 6));
            offset += length;
        }

        return new ModelDataBuffers(accelerator.Allocate1D(doubles), accelerator.Allocate1D(ints), accelerator.Allocate1D<double>(size.Scratch), capacity);
    }

    /// <summary>The sharpness period of a spec (0: first step and final point only; −1: never).</summary>
    public static int Period(SweepSpec spec)
    {
        string v = spec.Options.TryGetValue("sharpness_every", out var s) ? s : "10";
        return v == "end" ? 0 : v == "never" ? -1 : int.Parse(v, CultureInfo.InvariantCulture);
    }

    /// <summary>Data keys (m × d × n × seed: every axis after the offset), shared doubles and scratch doubles.</summary>
    private static (long Keys, long Doubles, long Scratch) Size(SweepSpec spec, int capacity)
    {
        var grid = spec.Grid;
        long keys = grid.Stride(2);
        if (keys > 100_000)
        {
            throw new SweepInputException($"mlp: {keys:N0} distinct data sets (m × d × n × seed); at most 100,000");
        }

        long doubles = 1, scratch = 0;
        for (long k = 0; k < keys; k++)
        {
            long m = (long)grid.Value(k, 3), d = (long)grid.Value(k, 4), n = MlpData.Points((long)grid.Value(k, 5), m, d);
            doubles += MlpData.BlockLength(n, m, d);
            scratch = Math.Max(scratch, MlpData.ScratchPerTrajectory(m, d));
            if (doubles > int.MaxValue / 2)
            {
                throw new SweepInputException($"mlp: the data sets need more than {int.MaxValue / 2:N0} doubles; use fewer or smaller (m, d, n) values");
            }
        }

        return (keys, doubles, scratch * capacity);
    }
}
