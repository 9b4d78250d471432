namespace EosSweep.Core.Models;

/// <summary>The even losses ℓ(s) of docs/models.md; every one is minimised at s = 0.</summary>
public enum LossKind
{
    /// <summary>Label-symmetrised logistic: ℓ(s) = log(2·cosh(s/2)), ℓ''(0) = 1/4.</summary>
    Logistic,

    /// <summary>ℓ(s) = √(1 + s²), ℓ''(0) = 1.</summary>
    Sqrt,

    /// <summary>ℓ(s) = log cosh s, ℓ''(0) = 1.</summary>
    LogCosh,

    /// <summary>ℓ(s) = s²/2, ℓ''(0) = 1.</summary>
    Square,

    /// <summary>One-sided logistic for labelled data: ℓ(s) = log(1 + e^−s), ℓ''(0) = 1/4.</summary>
    Logistic1,
}
