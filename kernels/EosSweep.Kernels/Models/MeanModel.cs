using EosSweep.Kernels.Losses;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Models;

/// <summary>
/// docs/models.md, mean: the paper's network with the data replaced by its mean. State (a₊, a₋, b); axes
/// (slots): eta, a_plus0, a_minus0, b0, d, seed. G = d·g(b) with g(b) = b·Φ(b) + φ(b), A = a₊ + a₋,
/// f = G·A, L = ℓ(f); ∂L/∂a± = ℓ'(f)·G, ∂L/∂b = ℓ'(f)·d·Φ(b)·A. Per step: Φ and φ from one exponential split
/// (131 flops, 4 ÷), one loss evaluation and 44 more flops with 1 √ (logistic: 260 flops, 8 ÷; sqrt 182; square 177;
/// logcosh 263).
/// </summary>
/// <remarks>
/// Sharpness, exact: the Hessian is ℓ''·∇f∇fᵀ + ℓ'·∇²f with ∇f = (G, G, G'A), G' = dΦ(b), G'' = dφ(b),
/// and ∇²f = [[0,0,G'],[0,0,G'],[G',G',G''A]]. Direction (1,−1,0) is in its kernel; on the orthonormal
/// basis {(1,1,0)/√2, e_b} it is the 2×2 matrix
/// [[2ℓ''G², √2(ℓ''G·G'A + ℓ'G')], [·, ℓ''(G'A)² + ℓ'G''A]], so λ_max = max(0, its larger eigenvalue).
/// </remarks>
/// <typeparam name="TLoss">The loss ℓ (logistic in the paper).</typeparam>
/// <typeparam name="T">The number type.</typeparam>
public struct MeanModel<TLoss, T> : IGdModel<MeanModel<TLoss, T>, T>
    where TLoss : struct, ILoss
    where T : struct, IReal<T>
{
    /// <summary>Step size η.</summary>
    public T Eta;

    /// <summary>Second-layer weight a₊.</summary>
    public T APlus;

    /// <summary>Second-layer weight a₋.</summary>
    public T AMinus;

    /// <summary>The shared bias b.</summary>
    public T B;

    /// <summary>Dimension d.</summary>
    public T D;

    /// <inheritdoc/>
    public static int ParameterCount => 3;

    /// <inheritdoc/>
    public static int ExtraCount => 0;

    /// <inheritdoc/>
    public static MeanModel<TLoss, T> Create(in GridPoint<T> point, in ModelData data) =>
        new() { Eta = point.V0, APlus = point.V1, AMinus = point.V2, B = point.V3, D = point.V4 };

    /// <inheritdoc/>
    public readonly T StepSize => Eta;

    /// <inheritdoc/>
    public readonly T Parameter(int k) => k == 0 ? APlus : (k == 1 ? AMinus : B);

    /// <inheritdoc/>
    public readonly double Extra(int k) => 0;

    /// <inheritdoc/>
    public readonly StepInfo<T> Evaluate()
    {
        var copy = this;
        return copy.Step();
    }

    /// <inheritdoc/>
    public StepInfo<T> Step()
    {
        T cdf = PMath.NormalCdf(B, out T phi);
        T g = T.MulAdd(B, cdf, phi);
        T big = D * g;            // G
        T dBig = D * cdf;         // G'
        T ddBig = D * phi;        // G''
        T sumA = APlus + AMinus;  // A
        T f = big * sumA;

        StepInfo<T> info;
        info.Loss = TLoss.Evaluate(f, out T d1, out T d2);

        T fb = dBig * sumA;       // ∂f/∂b
        T huu = T.C(2.0) * ((d2 * big) * big);
        T hub = T.C(1.4142135623730950488) * T.MulAdd(d2 * big, fb, d1 * dBig);
        T hbb = T.MulAdd(d2 * fb, fb, (d1 * ddBig) * sumA);
        info.Sharpness = PMath.Max(PMath.MaxEigenvalue2(huu, hub, hbb), T.C(0.0));

        T ga = Eta * (d1 * big);
        T gb = Eta * (d1 * fb);
        T apn = PMath.Flush(APlus - ga);
        T amn = PMath.Flush(AMinus - ga);
        T bn = PMath.Flush(B - gb);
        info.Move = (T.Abs(apn - APlus) + T.Abs(amn - AMinus)) + T.Abs(bn - B);
        info.Size = (T.Abs(apn) + T.Abs(amn)) + T.Abs(bn);
        APlus = apn;
        AMinus = amn;
        B = bn;
        return info;
    }
}
