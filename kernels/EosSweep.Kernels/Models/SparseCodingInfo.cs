using EosSweep.Core;
using EosSweep.Core.Models;
using EosSweep.Core.Results;
using EosSweep.Kernels.Execution;
using EosSweep.Kernels.Losses;
using EosSweep.Kernels.Numerics;
using ILGPU;
using ILGPU.Runtime;

namespace EosSweep.Kernels.Models;

/// <summary>Registration, data and theory of <see cref="SparseCodingModel{TLoss, T, TSamples}"/> (docs/models.md, sparse-coding, the paper's Figure 1).</summary>
public sealed class SparseCodingInfo : ModelInfo, IKernelFamily, IModelDataProvider
{
    /// <summary>The test-accuracy column.</summary>
    public const string TestAccuracy = "test_accuracy";

    /// <summary>The one instance.</summary>
    public static SparseCodingInfo Instance { get; } = new();

    /// <inheritdoc/>
    public override string Name => "sparse-coding";

    /// <inheritdoc/>
    public override string Description => "the paper's two-layer ReLU network with a shared bias on sparse-coding data (Figure 1)";

    /// <inheritdoc/>
    public override IReadOnlyList<AxisInfo> Axes { get; } =
    [
        new("eta", 1e-3, "step size η", PositiveOnly: true),
        new("d", 200, "dimension d", Integer: true, PositiveOnly: true),
        new("n", 300, "training samples n", Integer: true, PositiveOnly: true),
        new("lambda", 3.0, "signal strength λ"),
        new("n_test", 10_000, "test samples (a fresh set, independent of the training set)", Integer: true, PositiveOnly: true),
        new("seed", 0, "seed of the data set and the initial weights", Integer: true),
    ];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Parameters { get; } = ["a_plus", "a_minus", "b"];

    /// <inheritdoc/>
    public override IReadOnlyList<LossKind> Losses { get; } = [LossKind.Logistic1];

    /// <inheritdoc/>
    public override LossKind DefaultLoss => LossKind.Logistic1;

    /// <inheritdoc/>
    public override IReadOnlyList<string> ExtraColumns { get; } = [TestAccuracy];

    /// <inheritdoc/>
    public override string ExtraColumnMeaning(string column) =>
        column == TestAccuracy ? "share of the test set classified correctly, in [0, 1]" : base.ExtraColumnMeaning(column);

    /// <inheritdoc/>
    public override IReadOnlyList<ModelOption> Options { get; } =
    [
        new("normalization", ["mean", "sum"], "mean", "training loss (1/n)·Σ (mean, matches η* = 8π/d²) or Σ"),
        new("init", ["variance", "std"], "variance", "a₊, a₋ ~ N(0, 1/(2d)) read as a variance or as a standard deviation"),
        new("step", ["fast", "direct"], "fast", "ReLU sums by binary search over sorted coordinates (O(n·log d)) or directly (O(n·d))"),
        new("second_layer", ["shared", "per-coordinate"], "shared",
            "three shared scalars (a₊, a₋, b), or a₊ᵢ, a₋ᵢ per coordinate (2d + 1 parameters, direct step, power-iteration sharpness)"),
    ];

    /// <inheritdoc/>
    public override double? DefaultTau => 10.0;

    /// <inheritdoc/>
    public override IReadOnlyList<string> Theory { get; } =
    [
        "data: x = λ·y·e_j + ξ, y ~ Unif{−1, +1}, j ~ Unif{1..d}, ξ ~ N(0, I_d)",
        "f(x) = Σᵢ [a₊·ReLU(xᵢ + b) + a₋·ReLU(−xᵢ + b)]; L = (1/n)·Σₖ log(1 + exp(−yₖ·f(xₖ)))",
        "init a₊, a₋ ~ N(0, 1/(2d)), b = 0; T = round(τ/η) steps, τ = 10",
        "threshold η* = 8π/d²: below it b stays near its small-η value; above it b < 0, a₊ ≈ −a₋ (a threshold neuron)",
        "small-η test accuracy ≈ Φ(λ/√d) (≈ 58 % at d = 200, λ = 3); it rises above η*",
    ];

    /// <inheritdoc/>
    public override string CurveColumn => ResultColumns.Final("b");

    /// <inheritdoc/>
    public override IReadOnlyList<string> CurveColumns { get; } = [ResultColumns.Final("b"), TestAccuracy];

    /// <summary>η* = 2π/(ℓ''(0)·d²) = 8π/d².</summary>
    public static double EtaStar(double d) => 8 * Math.PI / (d * d);

    /// <inheritdoc/>
    public override (double Lo, double Hi)? CurveZoom(SweepSpec spec) =>
        spec.ConstantOf("d") is { } d && spec.Axis("eta").Values.Max() > 2.4 * EtaStar(d) ? (0, 2.4 * EtaStar(d)) : null;

    /// <inheritdoc/>
    public override IReadOnlyList<TheoryMarker> Markers(SweepSpec spec) =>
        spec.ConstantOf("d") is { } d && spec.Axis("eta").Count > 1
            ? [new TheoryMarker($"η* = 8π/d² = {EtaStar(d):G4}", "eta", EtaStar(d))]
            : [];

    /// <inheritdoc/>
    public override IReadOnlyList<TheoryCheck> Checks(SweepSpec spec, ResultTable table)
    {
        if (spec.ConstantOf("d") is not { } d || spec.ConstantOf("lambda") is not { } lambda || spec.Axis("eta").Count < 2)
        {
            return [];
        }

        var etaAxis = spec.Axis("eta").Values.Order().ToArray();
        var eta = table.Column("eta");
        var b = table.Column(ResultColumns.Final("b"));
        var acc = table.Column(TestAccuracy);
        var meanB = new Dictionary<double, (double Sum, int N)>();
        var meanAcc = new Dictionary<double, (double Sum, int N)>();
        for (int i = 0; i < table.Count; i++)
        {
            if (table.Regimes[i] == Regime.Diverged || !double.IsFinite(b[i]))
            {
                continue;
            }

            meanB[eta[i]] = (meanB.GetValueOrDefault(eta[i]).Sum + b[i], meanB.GetValueOrDefault(eta[i]).N + 1);
            meanAcc[eta[i]] = (meanAcc.GetValueOrDefault(eta[i]).Sum + acc[i], meanAcc.GetValueOrDefault(eta[i]).N + 1);
        }

        var curve = etaAxis.Where(meanB.ContainsKey).Select(e => (Eta: e, B: meanB[e].Sum / meanB[e].N, Acc: meanAcc[e].Sum / meanAcc[e].N)).ToList();
        if (curve.Count < 2)
        {
            return [];
        }

        double star = EtaStar(d);
        double plateau = curve[0].B;
        double transition = curve.FirstOrDefault(p => p.B < plateau - 0.05).Eta;
        var small = curve.Where(p => p.Eta <= 0.5 * star).ToList();
        double smallAcc = small.Count == 0 ? double.NaN : small.Average(p => p.Acc);
        double predictedAcc = PMath.NormalCdf(new R64(lambda / Math.Sqrt(d))).V;
        double largeAcc = curve[^1].Acc;

        // The paper's theory is for the shared second layer; the per-coordinate reading is reported, not judged.
        bool judged = !spec.Options.TryGetValue("second_layer", out var layer) || layer == "shared";
        return
        [
            new("transition_eta", $"smallest η where the seed-mean b falls 0.05 below its small-η plateau ({plateau:G4}); 8π/d² = {star:G4}",
                transition == 0 ? double.NaN : transition, $"≈ 8π/d² = {star:G4} (within a factor 2)",
                !judged ? null : transition == 0 ? false : transition / star is >= 0.5 and <= 2),
            new("small_eta_test_accuracy", "mean test accuracy over η ≤ η*/2", smallAcc,
                $"≈ Φ(λ/√d) = {predictedAcc:G4} (within 0.03)", !judged || small.Count == 0 ? null : Math.Abs(smallAcc - predictedAcc) <= 0.03),
            new("large_eta_accuracy_gain", "test accuracy at the largest η minus the small-η mean", largeAcc - smallAcc,
                "> 0 above η*", judged && curve[^1].Eta > star && small.Count > 0 ? largeAcc > smallAcc : null),
        ];
    }

    /// <inheritdoc/>
    public ITrajectoryKernel Make<TLoss, T>()
        where TLoss : struct, ILoss
        where T : struct, IScalar<T> => new TrajectoryKernel<SparseCodingModel<TLoss, T, SequentialSamples>, T>();

    /// <inheritdoc/>
    /// <remarks>
    /// The shared second layer with its samples in f64 lanes (<see cref="F64x4"/> or <see cref="F64x8"/>; null for f32 lanes);
    /// the per-coordinate layer runs it too, through its own scalar loops.
    /// </remarks>
    public Simd.ISimdKernel? MakeSimd<TLoss, T, TW>()
        where TLoss : struct, ILoss
        where T : struct, ISimdReal<T, TW>
        where TW : struct, ILanes<TW> =>
        typeof(T) == typeof(F64x4) ? new Simd.SparseCodingSimdKernel<TLoss, F64x4, Simd.F64x4Memory>()
        : typeof(T) == typeof(F64x8) ? new Simd.SparseCodingSimdKernel<TLoss, F64x8, Simd.F64x8Memory>()
        : null;

    /// <summary>
    /// Above this many training values per trajectory (n·d, the largest of the sweep) a GPU runs a group of threads per
    /// trajectory: a few thousand values keep one thread busy for microseconds a step, while a batch of trajectories
    /// rarely fills a GPU's tens of thousands of threads one per trajectory.
    /// </summary>
    public const long GroupThreshold = 4096;

    /// <summary>Most threads a group gives one trajectory (a warp multiple; reductions cost log₂ of it per sum).</summary>
    public const int MaxGroupSize = 128;

    /// <inheritdoc/>
    /// <remarks>
    /// The shared second layer only: the per-coordinate layer updates its weights in per-trajectory scratch from
    /// every sample, which a group would race on.
    /// </remarks>
    public ITrajectoryKernel? MakeGrouped<TLoss, T>(SweepSpec spec)
        where TLoss : struct, ILoss
        where T : struct, IScalar<T>
    {
        bool perCoordinate = spec.Options.TryGetValue("second_layer", out var layer) && layer == "per-coordinate";
        double n = spec.Axis("n").Values.Max(), d = spec.Axis("d").Values.Max();
        if (perCoordinate || n * d <= GroupThreshold)
        {
            return null;
        }

        int group = (int)Math.Min(MaxGroupSize, 32 * Math.Ceiling(n / 32));
        return new GroupTrajectoryKernel<SparseCodingModel<TLoss, T, GroupSamples>, T>(Make<TLoss, T>(), group);
    }

    /// <inheritdoc/>
    public long DataBytes(SweepSpec spec, int capacity)
    {
        var size = Size(spec, capacity);
        return (size.Doubles + size.Scratch) * sizeof(double);
    }

    /// <inheritdoc/>
    /// <remarks>Each data block is generated from the values of the data axes (every axis after η) and the seed,
    /// and a point finds its block from those axes' place in the grid, so the same point reads the same block in any grid.</remarks>
    public bool DataFollowsAxisValues => true;

    /// <inheritdoc/>
    public ModelDataBuffers Prepare(SweepSpec spec, Accelerator accelerator, int capacity)
    {
        var grid = spec.Grid;
        var size = Size(spec, capacity);
        long keyCount = size.Keys;
        var table = new double[7 * keyCount];
        var ints = new int[1 + (2 * keyCount)];
        ints[0] = (int)keyCount;
        long offset = 0, threads = 0;
        for (long k = 0; k < keyCount; k++)
        {
            double d = grid.Value(k, 1), n = grid.Value(k, 2), lambda = grid.Value(k, 3), nTest = grid.Value(k, 4), seed = grid.Value(k, 5);
            table[7 * k] = d;
            table[(7 * k) + 1] = n;
            table[(7 * k) + 2] = lambda;
            table[(7 * k) + 3] = nTest;
            table[(7 * k) + 4] = seed;
            table[(7 * k) + 5] = offset;
            table[(7 * k) + 6] = threads;
            ints[1 + (2 * k)] = (int)(uint)(offset & 0xFFFF_FFFF);
            ints[2 + (2 * k)] = (int)(offset >> 32);
            offset += SparseCodingLayout.BlockLength((long)n, (long)nTest, (long)d);
            threads += (long)n + (long)nTest;
        }

        long bytes = offset * sizeof(double);
        if (bytes > accelerator.MemorySize / 2 || threads > int.MaxValue)
        {
            throw new SweepInputException(
                $"sparse-coding: the data sets need {bytes / 1048576.0:N0} MiB ({threads:N0} samples), more than half of the accelerator's {accelerator.MemorySize / 1048576.0:N0} MiB");
        }

        bool perCoordinate = size.Scratch > 1;
        long scratchBytes = size.Scratch * sizeof(double);
        if (bytes + scratchBytes > accelerator.MemorySize / 2)
        {
            throw new SweepInputException(
                $"sparse-coding: the per-coordinate weights need {scratchBytes / 1048576.0:N0} MiB for a batch of {capacity:N0}; use a smaller --batch");
        }

        var doubles = accelerator.Allocate1D<double>(offset);
        var header = accelerator.Allocate1D(ints);
        using var keys = accelerator.Allocate1D(table);
        var generate = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<double>, int, ArrayView<double>>(SparseCodingData.Generate);
        generate((int)threads, keys.View, (int)keyCount, doubles.View);
        accelerator.Synchronize();
        return new ModelDataBuffers(doubles, header, accelerator.Allocate1D<double>(perCoordinate ? size.Scratch : 1), capacity);
    }

    /// <summary>Data keys, shared doubles and scratch doubles of a sweep (the layout <see cref="Prepare"/> allocates).</summary>
    private static (long Keys, long Doubles, long Scratch) Size(SweepSpec spec, int capacity)
    {
        var grid = spec.Grid;
        long keyCount = grid.Stride(0);
        if (keyCount > 1_000_000)
        {
            throw new SweepInputException($"sparse-coding: {keyCount:N0} distinct data sets (d × n × lambda × n_test × seed); at most 1,000,000");
        }

        long offset = 0;
        for (long k = 0; k < keyCount; k++)
        {
            offset += SparseCodingLayout.BlockLength((long)grid.Value(k, 2), (long)grid.Value(k, 4), (long)grid.Value(k, 1));
        }

        bool perCoordinate = spec.Options.TryGetValue("second_layer", out var layer) && layer == "per-coordinate";
        long scratch = perCoordinate ? ((8 * (long)spec.Axis("d").Values.Max()) + 2) * capacity : 1;
        return (keyCount, offset, scratch);
    }
}
