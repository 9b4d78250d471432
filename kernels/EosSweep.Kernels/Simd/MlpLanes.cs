using EosSweep.Kernels.Execution;
using EosSweep.Kernels.Models;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Simd;

/// <summary>
/// The <c>mlp</c> model on the CPU SIMD path: <see cref="MlpNetwork{T, TW, TMem}"/> (the kernel's math) at vector
/// lanes over a <see cref="MlpLaneMemory{T, TW}"/>, one trajectory per lane. The lanes of a set share (m, d, n)
/// (<see cref="Serves"/>); they may have different seeds (each lane then reads its own data set, at the same speed,
/// from a data array rebuilt when a refill brings a new key).
/// </summary>
/// <typeparam name="T">The lane number type.</typeparam>
/// <typeparam name="TW">Double lanes of the same width.</typeparam>
public struct MlpLanes<T, TW> : ISimdStatefulModel<MlpLanes<T, TW>, T, TW>
    where T : struct, ISimdReal<T, TW>
    where TW : struct, ILanes<TW>
{
    private ModelData _data;
    private MlpNetwork<T, TW, MlpLaneMemory<T, TW>> _net;
    private MlpLaneMemory<T, TW> _memory;
    private T[] _slots;
    private T[] _x;
    private long[] _blocks;
    private double[] _start;
    private double[] _lanes;
    private long _m;
    private long _d;
    private long _n;

    /// <inheritdoc/>
    public static int ParameterCount => 2;

    /// <inheritdoc/>
    public static int ExtraCount => 2;

    /// <inheritdoc/>
    public readonly T StepSize => _net.Eta1;

    /// <summary>Whether a spec can run on these lanes: one hidden width m, input dimension d and point count n (a lane set shares them).</summary>
    public static bool Serves(Core.SweepSpec spec) =>
        spec.Grid.Axes.Count > 5 && spec.Grid.Axes[3].Count == 1 && spec.Grid.Axes[4].Count == 1 && spec.Grid.Axes[5].Count == 1;

    /// <inheritdoc/>
    public static MlpLanes<T, TW> Open(in ModelData data)
    {
        var lanes = default(MlpLanes<T, TW>);
        lanes._data = data;
        lanes._slots = [];
        lanes._x = [];
        lanes._blocks = new long[T.Width];
        Array.Fill(lanes._blocks, -1L);
        lanes._start = [];
        lanes._lanes = new double[T.Width];
        return lanes;
    }

    /// <inheritdoc/>
    public void Refill(in GridPoint<T> point, ReadOnlySpan<long> indices, ReadOnlySpan<ulong> seeds, ReadOnlySpan<double> fill)
    {
        int width = T.Width;
        var data = _data;
        long keys = data.Ints[0];
        int first = fill.IndexOf(1.0);
        if (first < 0)
        {
            return;
        }

        long m = (long)T.Lane(point.V3, first), d = (long)T.Lane(point.V4, first);
        long n = MlpData.Points((long)T.Lane(point.V5, first), m, d);
        bool opening = _slots.Length == 0;
        if (opening)
        {
            (_m, _d, _n) = (m, d, n);
            _slots = MlpLaneMemory<T, TW>.Pin(MlpData.ScratchPerTrajectory(m, d));
            _x = MlpLaneMemory<T, TW>.Pin(n * (d + 1));
            _start = new double[3 * MlpData.Parameters(m, d) * width];
            _memory = new MlpLaneMemory<T, TW>(_slots, _x);
        }

        long p = MlpData.Parameters(m, d);
        bool moved = false;
        Span<double> budgets = stackalloc double[width];
        double tau = data.Doubles[0];
        for (int l = 0; l < width; l++)
        {
            if (fill[l] == 0)
            {
                _blocks[l] = _blocks[l] < 0 ? MlpData.BlockOffset(data, indices[first] % keys) : _blocks[l];
                continue;
            }

            if ((long)T.Lane(point.V3, l) != _m || (long)T.Lane(point.V4, l) != _d || MlpData.Points((long)T.Lane(point.V5, l), m, d) != _n)
            {
                throw new InvalidOperationException("mlp SIMD lanes need one (m, d, n) per run; such grids run on the kernel");
            }

            long block = MlpData.BlockOffset(data, indices[l] % keys);
            moved |= block != _blocks[l];
            _blocks[l] = block;
            var sink = new LaneSink(_start, l, width);
            MlpNetwork<T, TW, MlpLaneMemory<T, TW>>.Initialise(ref sink, data.Doubles, block + (n * (d + 1)), p, T.Lane(point.V2, l), seeds[l]);
            budgets[l] = tau > 0 ? Trajectory.StepsForTau(tau, T.Lane(point.V0, l)) : data.Ints[1];
        }

        if (moved)
        {
            for (long o = 0; o < _x.Length; o++)
            {
                for (int l = 0; l < width; l++)
                {
                    _lanes[l] = data.Doubles[_blocks[l] + o];
                }

                _x[o] = T.FromDoubles(_lanes);
            }
        }

        T fillT = T.FromDoubles(fill), one = T.C(1.0);
        for (long s = 0; s < 3 * p; s += s == p - 1 ? p + 1 : 1)
        {
            _slots[s] = T.SelectEqual(fillT, one, T.FromDoubles(_start.AsSpan((int)(s * width), width)), _slots[s]);
        }

        var fresh = MlpNetwork<T, TW, MlpLaneMemory<T, TW>>.Create(point, _memory, m, d, n, data.Ints[2], TW.FromDoubles(budgets));
        if (opening)
        {
            _net = fresh;
        }
        else
        {
            _net.Blend(fresh, fillT, TW.FromDoubles(fill));
        }
    }

    /// <inheritdoc/>
    public StepInfo<T> Step() => _net.Step();

    /// <inheritdoc/>
    public StepInfo<T> Evaluate(TW final) => _net.Evaluate(final);

    /// <inheritdoc/>
    public readonly T Parameter(int k) => _net.Parameter(k);

    /// <inheritdoc/>
    public readonly TW Extra(int k) => _net.Extra(k);

    /// <summary>Collects one lane's start values: slot s of lane l at s·width + l.</summary>
    private readonly struct LaneSink(double[] target, int lane, int width) : IMlpInitialSink
    {
        public void Put(long slot, double value) => target[(slot * width) + lane] = value;
    }
}
