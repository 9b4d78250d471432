namespace EosSweep.Core;

/// <summary>
/// The fate of one gradient-descent trajectory. The rules live in one place,
/// <see cref="RegimeRules"/>; the numeric codes are what kernels write.
/// </summary>
public enum Regime : byte
{
    /// <summary>Converged, and the stability ratio η·λ/2 stayed below 1 all along (gradient-flow-like).</summary>
    Gf = 0,

    /// <summary>Converged after the stability ratio reached 1 at least once: the edge of stability.</summary>
    Eos = 1,

    /// <summary>Loss or a parameter became non-finite, or a parameter passed the divergence bound.</summary>
    Diverged = 2,

    /// <summary>Ran out of steps without meeting the convergence criterion.</summary>
    Unconverged = 3,
}

/// <summary>
/// The <see cref="Regime"/> codes as <c>int</c> constants, for code that writes the regime column as an int (the GPU
/// kernels, the SIMD lanes) and cannot use the enum there: defined from the enum, so the codes exist once.
/// </summary>
public static class RegimeCode
{
    /// <summary>Code of <see cref="Regime.Gf"/>.</summary>
    public const int Gf = (int)Regime.Gf;

    /// <summary>Code of <see cref="Regime.Eos"/>.</summary>
    public const int Eos = (int)Regime.Eos;

    /// <summary>Code of <see cref="Regime.Diverged"/>.</summary>
    public const int Diverged = (int)Regime.Diverged;

    /// <summary>Code of <see cref="Regime.Unconverged"/>.</summary>
    public const int Unconverged = (int)Regime.Unconverged;
}
