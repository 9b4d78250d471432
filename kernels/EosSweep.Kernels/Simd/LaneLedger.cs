using System.Runtime.CompilerServices;
using EosSweep.Core;
using EosSweep.Core.Results;
using EosSweep.Kernels.Execution;
using EosSweep.Kernels.Models;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Simd;

/// <summary>
/// The scalar driver's bookkeeping (<see cref="Trajectory"/>) for a set of lanes, one trajectory per lane, in double
/// lanes <typeparamref name="TW"/> as the scalar driver keeps it in double: running minimum loss and maximum sharpness
/// and ratio, the step count and budget, which lanes are active, and the trajectory index per lane (−1: free). Both
/// SIMD drivers (<see cref="SimdDriver{TModel, T, TW}"/> for models held in lanes, <see cref="SimdStatefulDriver{TModel, T, TW}"/>
/// for models that keep their own memory) apply the rules through it, so they cannot drift apart.
/// </summary>
/// <typeparam name="T">The lane number type.</typeparam>
/// <typeparam name="TW">Double lanes of the same width.</typeparam>
internal struct LaneLedger<T, TW>
    where T : struct, ISimdReal<T, TW>
    where TW : struct, ILanes<TW>
{
    public TW HalfEta, MinLoss, MaxSharp, MaxRatio, Steps, Budget, Active;
    public long[] Ids;

    public LaneLedger(int width)
    {
        Ids = new long[width];
        Array.Fill(Ids, -1L);
    }

    /// <summary>
    /// The scalar driver's per-step rules lane-wise: running min/max, then diverged (loss or ‖θ‖₁ not finite or
    /// above the bound), converged (small move and ratio below 1) and out of steps, as 1/0 flags; whether any active
    /// lane is done.
    /// </summary>
    /// <remarks>
    /// This is <see cref="StepRules.Track"/>, <see cref="StepRules.Diverged"/> and <see cref="StepRules.Converged"/>
    /// written as selects over double lanes: calling the scalar rules lane by lane would give up the lanes' speed.
    /// The thresholds are <see cref="StepRules"/>'s named constants, and the lanes-vs-kernel bit-identity tests pin
    /// the two forms together.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Track(in StepInfo<T> info, in LaneLimits<TW> lim, out TW done, out TW finite, out TW converged)
    {
        TW one = TW.C(1.0), zero = TW.C(0.0);
        var loss = T.Widen(info.Loss);
        var sharp = T.Widen(info.Sharpness);
        var size = T.Widen(info.Size);
        var move = T.Widen(info.Move);
        Steps = Steps + one;
        var ratio = HalfEta * sharp;
        MinLoss = TW.SelectLess(loss, MinLoss, loss, MinLoss);
        MaxSharp = TW.SelectLess(MaxSharp, sharp, sharp, MaxSharp);
        MaxRatio = TW.SelectLess(MaxRatio, ratio, ratio, MaxRatio);
        finite = TW.SelectLessEqual(TW.Abs(loss), lim.Max, TW.SelectLessEqual(size, lim.Bound, one, zero), zero);
        converged = TW.SelectLessEqual(move, lim.Tolerance * (one + size), TW.SelectLess(ratio, lim.StableRatio, finite, zero), zero);
        var end = TW.SelectLess(Steps, Budget, converged, one);
        end = TW.SelectEqual(finite, one, end, one);
        done = TW.SelectEqual(Active, one, end, zero);
        return TW.AnyNonZero(done);
    }

    /// <summary>
    /// Writes lane <paramref name="l"/>'s common columns — the final point <paramref name="last"/>, the running
    /// extremes folded with it, steps, diverged step and the regime (eos when gf with a maximum ratio at the
    /// threshold) — and frees the lane; returns its batch row, for the model's own columns.
    /// </summary>
    public int WriteRow(int l, in StepInfo<T> last, TW finite, TW converged, in KernelArgs args, ResultBatch batch, int p)
    {
        int regime = TW.Lane(finite, l) == 0 ? RegimeCode.Diverged : TW.Lane(converged, l) != 0 ? RegimeCode.Gf : RegimeCode.Unconverged;
        double finalLoss = T.Lane(last.Loss, l);
        double finalSharp = T.Lane(last.Sharpness, l);
        double finalRatio = TW.Lane(HalfEta, l) * finalSharp;
        var o = StepRules.Finish(
            finalLoss, finalSharp, finalRatio, TW.Lane(MinLoss, l), TW.Lane(MaxSharp, l), TW.Lane(MaxRatio, l), (int)TW.Lane(Steps, l), regime, args.Limits.EosThreshold);
        int row = (int)(Ids[l] - args.Start);
        RowWriter.Write(new HostSink(batch), p, row, o);
        Ids[l] = -1;
        return row;
    }

    /// <summary>Marks the lanes of <paramref name="done"/> inactive.</summary>
    public void Retire(TW done) => Active = TW.SelectEqual(done, TW.C(1.0), TW.C(0.0), Active);

    /// <summary>
    /// Gives the free lanes of <paramref name="mask"/> the next trajectories, rows <paramref name="next"/> … of
    /// <paramref name="to"/>: <paramref name="flags"/>[l] = 1 for a lane that got one, and <paramref name="indices"/>[l]
    /// the trajectory each lane runs (a busy one's own; an idle one borrows another lane's so its model is well-defined).
    /// </summary>
    /// <returns>Whether any lane got a trajectory.</returns>
    public bool Claim(TW mask, ref int next, int to, long start, double[] flags, long[] indices)
    {
        bool any = false;
        long fallback = -1;
        for (int l = 0; l < flags.Length; l++)
        {
            flags[l] = 0.0;
            if (TW.Lane(mask, l) != 0 && Ids[l] < 0 && next < to)
            {
                Ids[l] = start + next++;
                flags[l] = 1.0;
                any = true;
            }

            fallback = fallback < 0 && Ids[l] >= 0 ? Ids[l] : fallback;
        }

        for (int l = 0; l < indices.Length; l++)
        {
            indices[l] = Ids[l] >= 0 ? Ids[l] : fallback;
        }

        return any;
    }

    /// <summary>Starts the bookkeeping of the lanes in <paramref name="flags"/>, whose fresh models step by <paramref name="stepSize"/>.</summary>
    public void Start(double[] flags, T stepSize, in RunLimits limits, double[] budgets)
    {
        var fill = TW.FromDoubles(flags);
        var halfEta = TW.C(0.5) * T.Widen(stepSize);
        for (int l = 0; l < budgets.Length; l++)
        {
            budgets[l] = limits.Tau > 0 ? Trajectory.StepsForTau(limits.Tau, 2 * TW.Lane(halfEta, l)) : limits.Steps;
        }

        TW one = TW.C(1.0), zero = TW.C(0.0);
        HalfEta = TW.SelectEqual(fill, one, halfEta, HalfEta);
        MinLoss = TW.SelectEqual(fill, one, TW.C(double.PositiveInfinity), MinLoss);
        MaxSharp = TW.SelectEqual(fill, one, zero, MaxSharp);
        MaxRatio = TW.SelectEqual(fill, one, zero, MaxRatio);
        Steps = TW.SelectEqual(fill, one, zero, Steps);
        Budget = TW.SelectEqual(fill, one, TW.FromDoubles(budgets), Budget);
        Active = TW.SelectEqual(fill, one, one, Active);
    }
}

/// <summary>The sweep limits broadcast to double lanes.</summary>
/// <typeparam name="TW">Double lanes.</typeparam>
internal readonly struct LaneLimits<TW>(RunLimits limits)
    where TW : struct, ILanes<TW>
{
    public readonly TW Tolerance = TW.C(limits.Tolerance);
    public readonly TW Bound = TW.C(limits.Bound);
    public readonly TW Max = TW.C(StepRules.FiniteLimit);
    public readonly TW StableRatio = TW.C(StepRules.StableRatio);
}

/// <summary>
/// What a SIMD driver feeds its lanes from: rows [from, to) of a batch, claimed in order, and each claimed lane's grid
/// point gathered into lanes; with the scratch arrays of a refill.
/// </summary>
/// <typeparam name="T">The lane number type.</typeparam>
/// <typeparam name="TW">Double lanes of the same width.</typeparam>
internal sealed class LaneFeed<T, TW>(HostGrid grid, KernelArgs args, ResultBatch batch, int from, int to)
    where T : struct, ISimdReal<T, TW>
    where TW : struct, ILanes<TW>
{
    private readonly HostGridSource _source = new(grid);
    private readonly double[] _values = new double[T.Width];
    private int _next = from;

    /// <summary>The batch's arguments.</summary>
    public KernelArgs Args { get; } = args;

    /// <summary>Rows go here.</summary>
    public ResultBatch Batch { get; } = batch;

    /// <summary>1 for the lanes the last <see cref="Claim"/> gave a trajectory.</summary>
    public double[] Flags { get; } = new double[T.Width];

    /// <summary>The trajectory each lane runs (an idle lane borrows another's).</summary>
    public long[] Indices { get; } = new long[T.Width];

    /// <summary>Scratch for the step budgets of a refill.</summary>
    public double[] Budgets { get; } = new double[T.Width];

    /// <summary>Gives the free lanes of <paramref name="mask"/> the next rows; whether any got one.</summary>
    public bool Claim(ref LaneLedger<T, TW> book, TW mask) => book.Claim(mask, ref _next, to, Args.Start, Flags, Indices);

    /// <summary>Axis <paramref name="axis"/>'s value at lane <paramref name="lane"/>'s trajectory.</summary>
    public double Value(int lane, int axis) => _source.Value(Indices[lane], axis);

    /// <summary>The grid points of the lanes' trajectories, axis by axis in lanes.</summary>
    public GridPoint<T> Point()
    {
        var point = default(GridPoint<T>);
        point.Flags = Args.ModelFlags;
        for (int k = 0; k < Args.AxisCount; k++)
        {
            for (int l = 0; l < T.Width; l++)
            {
                _values[l] = _source.Value(Indices[l], k);
            }

            point.Set(k, T.FromDoubles(_values));
        }

        return point;
    }
}
