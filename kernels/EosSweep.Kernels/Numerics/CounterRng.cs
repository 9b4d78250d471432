namespace EosSweep.Kernels.Numerics;

/// <summary>
/// A counter-based generator: draw n of stream (seed, key) is SplitMix64's finaliser applied to
/// key·φ + n·φ', a pure function of (seed, key, n). So a trajectory's random numbers never depend on
/// thread order, batch, shard or device, and any draw can be recomputed on its own. Used instead of
/// ILGPU's RNGView (per-warp shared state).
/// </summary>
public struct CounterRng
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;
    private const ulong StreamMul = 0xD1B54A32D192ED03UL;

    private readonly ulong _key;
    private ulong _counter;

    /// <summary>The generator of stream <paramref name="stream"/> under <paramref name="seed"/>, at draw 0.</summary>
    /// <param name="seed">The sweep's seed axis value.</param>
    /// <param name="stream">What is drawn: a trajectory index, or a data-set purpose code.</param>
    public CounterRng(ulong seed, ulong stream)
    {
        _key = Mix(Mix(seed) ^ (stream * StreamMul));
        _counter = 0;
    }

    /// <summary>Draws so far.</summary>
    public readonly ulong Counter => _counter;

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong n = _counter;
        _counter = n + 1;
        return At(n);
    }

    /// <summary>Draw <paramref name="n"/> of this stream, without advancing.</summary>
    public readonly ulong At(ulong n) => Mix(_key + ((n + 1) * Golden));

    /// <summary>The next uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / 9007199254740992.0);

    /// <summary>SplitMix64's finaliser (Steele, Lea, Flood 2014).</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
