using EosSweep.Core;
using EosSweep.Core.Models;
using EosSweep.Core.Results;
using Parquet;

namespace EosSweep.Storage;

/// <summary>
/// Encodes result rows into the columns of <see cref="ResultSchema"/>, the one place that turns the engine's rows
/// into a data set's columns for the dense and the refined writers: the constant <c>model</c> and <c>loss</c>
/// strings, each axis (int64 for integer axes), the double columns as computed, <c>steps</c>, <c>diverged</c> (from
/// the regime code), <c>diverged_step</c> and the <c>regime</c> name. <see cref="Fill"/> checks and prepares a group's
/// computed columns before anything is written, then <see cref="WriteAsync"/> writes them. Buffers are reused and
/// grow to the largest group; one group at a time.
/// </summary>
internal sealed class ResultRowEncoder
{
    private readonly ResultSchema _schema;
    private readonly string _lossName;
    private readonly string[] _regimeNames;
    private readonly bool[] _integer;

    private int _capacity;
    private int _count;
    private string[] _models = [];
    private string[] _losses = [];
    private string[] _regimes = [];
    private bool[] _diverged = [];
    private readonly double[][] _axisDoubles;
    private readonly long[][] _axisLongs;

    /// <summary>An encoder for <paramref name="schema"/>'s columns of a sweep with loss <paramref name="loss"/>.</summary>
    public ResultRowEncoder(ResultSchema schema, LossKind loss)
    {
        _schema = schema;
        _lossName = LossInfo.Of(loss).Name;
        var all = RegimeRules.All;
        _regimeNames = new string[all.Count];
        for (int i = 0; i < all.Count; i++)
        {
            _regimeNames[(int)all[i]] = RegimeRules.Name(all[i]);
        }

        int axes = schema.Model.Axes.Count;
        _integer = new bool[axes];
        _axisDoubles = new double[axes][];
        _axisLongs = new long[axes][];
        for (int k = 0; k < axes; k++)
        {
            _integer[k] = schema.Model.Axes[k].Integer;
            _axisDoubles[k] = [];
            _axisLongs[k] = [];
        }
    }

    /// <summary>Writes the values of axis <c>axis</c> for the group's rows into <c>values</c>.</summary>
    public delegate void AxisFill(int axis, Span<double> values);

    /// <summary>
    /// Prepares the computed columns of a group of <paramref name="trajIds"/>.Length rows: the axes from
    /// <paramref name="fillAxis"/>, the regime names and <c>diverged</c> from <paramref name="regimeCodes"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A regime code is not one of <see cref="Regime"/>'s.</exception>
    public void Fill(ReadOnlySpan<long> trajIds, ReadOnlySpan<int> regimeCodes, AxisFill fillAxis)
    {
        int n = trajIds.Length;
        EnsureCapacity(n);
        var names = _regimeNames;
        var regimes = _regimes.AsSpan(0, n);
        var diverged = _diverged.AsSpan(0, n);
        for (int i = 0; i < n; i++)
        {
            int code = regimeCodes[i];
            if ((uint)code >= (uint)names.Length)
            {
                throw new ArgumentException($"trajectory {trajIds[i]} has regime code {code}, expected 0..{names.Length - 1}", nameof(regimeCodes));
            }

            regimes[i] = names[code];
            diverged[i] = code == (int)Regime.Diverged;
        }

        for (int k = 0; k < _integer.Length; k++)
        {
            var values = _axisDoubles[k].AsSpan(0, n);
            fillAxis(k, values);
            if (_integer[k])
            {
                var longs = _axisLongs[k].AsSpan(0, n);
                for (int i = 0; i < n; i++)
                {
                    longs[i] = (long)values[i];
                }
            }
        }

        _count = n;
    }

    /// <summary>
    /// Writes the group prepared by <see cref="Fill"/>, every column of <see cref="ResultSchema"/> in order;
    /// <paramref name="afterTrajId"/> writes the columns a writer adds between <c>traj_id</c> and <c>model</c>.
    /// </summary>
    /// <param name="group">The row group, left open for the caller to complete.</param>
    /// <param name="trajIds">The rows' <c>traj_id</c>s, the same as given to <see cref="Fill"/>.</param>
    /// <param name="doubles">Double column <c>c</c> of <see cref="ResultSchema.DoubleFields"/> for the rows.</param>
    /// <param name="steps">The <c>steps</c> column.</param>
    /// <param name="divergedStep">The <c>diverged_step</c> column.</param>
    /// <param name="afterTrajId">Writes extra columns after <c>traj_id</c>; null for none.</param>
    /// <param name="ct">Cancels the write.</param>
    public async Task WriteAsync(
        ParquetRowGroupWriter group,
        ReadOnlyMemory<long> trajIds,
        Func<int, ReadOnlyMemory<double>> doubles,
        ReadOnlyMemory<int> steps,
        ReadOnlyMemory<int> divergedStep,
        Func<ParquetRowGroupWriter, Task>? afterTrajId = null,
        CancellationToken ct = default)
    {
        int n = _count;
        if (trajIds.Length != n)
        {
            throw new InvalidOperationException($"{trajIds.Length} rows written, {n} prepared");
        }

        await group.WriteAsync<long>(_schema.TrajId, trajIds, cancellationToken: ct).ConfigureAwait(false);
        if (afterTrajId is not null)
        {
            await afterTrajId(group).ConfigureAwait(false);
        }

        await group.WriteAsync(_schema.ModelName, new ArraySegment<string>(_models, 0, n)).ConfigureAwait(false);
        await group.WriteAsync(_schema.Loss, new ArraySegment<string>(_losses, 0, n)).ConfigureAwait(false);
        for (int k = 0; k < _schema.AxisFields.Count; k++)
        {
            var field = _schema.AxisFields[k];
            if (_integer[k])
            {
                await group.WriteAsync<long>(field, _axisLongs[k].AsMemory(0, n), cancellationToken: ct).ConfigureAwait(false);
            }
            else
            {
                await group.WriteAsync<double>(field, _axisDoubles[k].AsMemory(0, n), cancellationToken: ct).ConfigureAwait(false);
            }
        }

        for (int c = 0; c < _schema.DoubleFields.Count; c++)
        {
            await group.WriteAsync<double>(_schema.DoubleFields[c], doubles(c), cancellationToken: ct).ConfigureAwait(false);
        }

        await group.WriteAsync<int>(_schema.Steps, steps, cancellationToken: ct).ConfigureAwait(false);
        await group.WriteAsync<bool>(_schema.Diverged, _diverged.AsMemory(0, n), cancellationToken: ct).ConfigureAwait(false);
        await group.WriteAsync<int>(_schema.DivergedStep, divergedStep, cancellationToken: ct).ConfigureAwait(false);
        await group.WriteAsync(_schema.Regime, new ArraySegment<string>(_regimes, 0, n)).ConfigureAwait(false);
    }

    /// <summary>Grows the reusable buffers to hold <paramref name="n"/> rows.</summary>
    private void EnsureCapacity(int n)
    {
        if (n <= _capacity)
        {
            return;
        }

        _models = new string[n];
        _losses = new string[n];
        _regimes = new string[n];
        _diverged = new bool[n];
        Array.Fill(_models, _schema.Model.Name);
        Array.Fill(_losses, _lossName);
        for (int k = 0; k < _integer.Length; k++)
        {
            _axisDoubles[k] = new double[n];
            _axisLongs[k] = _integer[k] ? new long[n] : [];
        }

        _capacity = n;
    }
}
