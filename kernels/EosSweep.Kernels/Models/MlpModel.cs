using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Models;

/// <summary>
/// docs/models.md, test beds, the fractal-trainability network: one hidden layer of width m on inputs of dimension d, with
/// mean-field scaling, hᵢⱼ = Σₗ Wⱼₗ·xᵢₗ/√d, fᵢ = Σⱼ vⱼ·σ(hᵢⱼ)/√m, trained by full-batch GD on the mean squared error
/// L = (1/n)·Σᵢ (fᵢ − yᵢ)² over n Gaussian points (x ~ N(0, I_d), y ~ N(0, 1), <see cref="MlpData"/>), with a step
/// size per layer: W' = W − η₁·∇_W L, v' = v − η₂·∇_v L. Axes (slots): eta1, eta2, offset, m, d, n, seed. Options
/// (flags): activation tanh|relu|identity (bits 0–3). σ' and σ'' come from a = σ(h): tanh σ' = 1 − a²,
/// σ'' = −2a(1 − a²); relu σ' = [h &gt; 0], σ'' = 0; identity σ' = 1, σ'' = 0.
/// </summary>
/// <remarks>
/// <para>State: the P = m·(d + 1) parameters live in per-trajectory scratch (structure of arrays, slot e of row r
/// at e·stride + r): θ = (W row by row, then v) at [0, P), ∇L at [P, 2P), the power-iteration vector q at [2P, 3P),
/// its image at [3P, 4P), and hidden activations (four samples' in the gradient; one sample's and their directional
/// derivatives in the power iteration) at [4P, 4P + 4m). The math is <see cref="MlpNetwork{T, TW, TMem}"/>, shared
/// with the CPU SIMD path; this struct is its kernel face (one trajectory, <see cref="MlpScratch{T}"/>).
/// A width-16 network has 272 parameters, more than a GPU thread's registers hold, so there is no register
/// variant.</para>
/// <para>Sharpness: with two step sizes GD is θ' = θ − P∇L, P = diag(η₁ on W, η₂ on v), stable near a minimum iff
/// λ_max(P^½ H P^½) &lt; 2. The model reports S = λ_max(P^½ H P^½)/η₁, so the driver's ratio η₁·S/2 is the true
/// stability ratio (and S is the plain sharpness when η₁ = η₂). λ is the Rayleigh quotient of power iteration on
/// exact Hessian-vector products (forward-over-reverse by hand): with w = P^½q, δhᵢⱼ = Σₗ w_Wⱼₗ xᵢₗ/√d,
/// δaᵢⱼ = σ'ᵢⱼ·δhᵢⱼ, δfᵢ = Σⱼ (w_vⱼ·aᵢⱼ + vⱼ·δaᵢⱼ)/√m, eᵢ = fᵢ − yᵢ,
/// (Hw)_vⱼ = (2/n)Σᵢ (δfᵢ·aᵢⱼ + eᵢ·δaᵢⱼ)/√m and
/// (Hw)_Wⱼₗ = (2/n)Σᵢ [δfᵢ·vⱼ·σ'ᵢⱼ + eᵢ·w_vⱼ·σ'ᵢⱼ + eᵢ·vⱼ·σ''ᵢⱼ·δhᵢⱼ]·xᵢₗ/(√m·√d).
/// It is refreshed every k steps (option sharpness_every; 20 iterations at the first step and the final point,
/// 3 warm-started ones per refresh) and the last estimate is reported in between; it estimates the eigenvalue
/// of largest magnitude, reported as max(0, ·). With the period "never" the sharpness is not computed: it reads
/// NaN, so no run meets the converged rule (which needs a ratio below 1) and every finite run ends unconverged,
/// classified by the convergence measure alone.</para>
/// <para>Convergence measure (the fractal-trainability literature's classifier): ℓ_t = L(θ_t)/L(θ_0) for the T
/// steps of the budget, non-finite or above 10⁶ read as 10⁶; a run that stops early (diverged, or converged by the
/// tolerance) repeats its final point's ℓ for the remaining steps; the measure is the mean of the last
/// min(20, T) values, and the run is trainable iff it is below 1.</para>
/// </remarks>
/// <typeparam name="T">The number type.</typeparam>
public struct MlpModel<T> : IGdModel<MlpModel<T>, T>
    where T : struct, IScalar<T>
{
    /// <summary>The window of the convergence measure.</summary>
    public const int Window = MlpNetwork<T, R64, MlpScratch<T>>.Window;

    /// <summary>The value a non-finite or larger normalised loss is read as.</summary>
    public const double LossCap = MlpNetwork<T, R64, MlpScratch<T>>.LossCap;

    private MlpNetwork<T, R64, MlpScratch<T>> _net;

    /// <inheritdoc/>
    public static int ParameterCount => 2;

    /// <inheritdoc/>
    public static int ExtraCount => 2;

    /// <inheritdoc/>
    public readonly T StepSize => _net.Eta1;

    /// <inheritdoc/>
    public static MlpModel<T> Create(in GridPoint<T> point, in ModelData data)
    {
        long keys = data.Ints[0];
        long block = MlpData.BlockOffset(data, point.Index % keys);
        long m = (long)T.ToDouble(point.V3);
        long d = (long)T.ToDouble(point.V4);
        long n = MlpData.Points((long)T.ToDouble(point.V5), m, d);
        var memory = new MlpScratch<T>(data.Scratch, data.ScratchStride, point.Row, data.Doubles, block);
        MlpNetwork<T, R64, MlpScratch<T>>.Initialise(ref memory, data.Doubles, block + (n * (d + 1)), MlpData.Parameters(m, d), T.ToDouble(point.V2), point.Seed);
        double tau = data.Doubles[0];
        int budget = tau > 0 ? Execution.Trajectory.StepsForTau(tau, T.ToDouble(point.V0)) : data.Ints[1];
        var model = default(MlpModel<T>);
        model._net = MlpNetwork<T, R64, MlpScratch<T>>.Create(point, memory, m, d, n, data.Ints[2], new R64(budget));
        return model;
    }

    /// <summary>Parameter 0: the root mean square of W's entries; 1: that of v's.</summary>
    public readonly T Parameter(int k) => _net.Parameter(k);

    /// <summary>Extra 0: the convergence measure (remarks); 1: the initial loss L(θ₀).</summary>
    public readonly double Extra(int k) => _net.Extra(k).V;

    /// <inheritdoc/>
    public StepInfo<T> Step() => _net.Step();

    /// <inheritdoc/>
    public StepInfo<T> Evaluate() => _net.Evaluate(new R64(1.0));
}
