namespace EosSweep.Storage;

/// <summary>Typed buffers reused across row groups while reading, grown to the largest row group.</summary>
internal sealed class ColumnScratch
{
    private long[] _longs = [];
    private int[] _ints = [];
    private bool[] _bools = [];
    private string?[] _strings = [];

    /// <summary>A buffer of at least <paramref name="n"/> int64s.</summary>
    public long[] Longs(int n) => _longs.Length >= n ? _longs : _longs = new long[n];

    /// <summary>A buffer of at least <paramref name="n"/> int32s.</summary>
    public int[] Ints(int n) => _ints.Length >= n ? _ints : _ints = new int[n];

    /// <summary>A buffer of at least <paramref name="n"/> bools.</summary>
    public bool[] Bools(int n) => _bools.Length >= n ? _bools : _bools = new bool[n];

    /// <summary>A buffer of at least <paramref name="n"/> strings.</summary>
    public string?[] Strings(int n) => _strings.Length >= n ? _strings : _strings = new string?[n];
}
