using EosSweep.Kernels.Numerics;

namespace EosSweep.Kernels.Models;

/// <summary>
/// docs/models.md, test beds, the catapult model: a two-layer linear network of width m on one example (x = 1, target y),
/// L = ½(f − y)² with f = v·u/√m. Axes (slots): eta, m, y, init_scale, seed. The state is O(1) for any m:
/// with s = 1/√m, e = f − y and g = η·e·s, GD is u' = u − g·v, v' = v − g·u, which closes exactly on
/// a = |u|², b = |v|², c = u·v:
/// a' = a − 2g·c + g²·b,  b' = b − 2g·c + g²·a,  c' = c·(1 + g²) − g·(a + b),  f = s·c.
/// The initial u, v come from <see cref="UvInitialization"/> (O(m) once, in <see cref="Create"/>).
/// </summary>
/// <remarks>
/// Sharpness, exact: the Hessian of L in (u, v) ∈ ℝ^2m is s²·z·zᵀ + e·s·J with z = (v, u) and
/// J = [[0, I], [I, 0]]. On (w, w) with w ⊥ u + v it is e·s, on (w, −w) with w ⊥ v − u it is −e·s; what remains
/// is the span of (u + v, u + v) and (v − u, u − v), where it is the 2×2 matrix
/// [[s²|u+v|²/2 + e·s, s²|u+v||u−v|/2], [·, s²|u−v|²/2 − e·s]]. Its larger eigenvalue (never below |e·s|) is
/// λ = s²(a + b)/2 + √((s²c + e·s)² + s⁴·|u−v|²/2·|u+v|²/2), with |u ± v|²/2 = (a + b)/2 ± c. At e = 0 it
/// is the NTK eigenvalue s²(a + b); λ₀ = (a₀ + b₀)/m is reported per trajectory. Per step: 1 √, ~35 flops.
/// </remarks>
/// <typeparam name="T">The number type.</typeparam>
public struct UvModel<T> : IGdModel<UvModel<T>, T>
    where T : struct, IScalar<T>
{
    /// <summary>Step size η.</summary>
    public T Eta;

    /// <summary>a = |u|².</summary>
    public T A;

    /// <summary>b = |v|².</summary>
    public T B;

    /// <summary>c = u·v.</summary>
    public T C;

    /// <summary>s = 1/√m.</summary>
    public T S;

    /// <summary>1/m.</summary>
    public T InvM;

    /// <summary>The target y.</summary>
    public T Target;

    /// <summary>L at the start.</summary>
    public T InitialLoss;

    /// <summary>The largest loss seen at the start of a step so far.</summary>
    public T MaxLoss;

    /// <summary>λ₀ = (a₀ + b₀)/m, the initial NTK eigenvalue.</summary>
    public double Lambda0;

    /// <inheritdoc/>
    public static int ParameterCount => 3;

    /// <inheritdoc/>
    public static int ExtraCount => 4;

    /// <inheritdoc/>
    public static UvModel<T> Create(in GridPoint<T> point, in ModelData data)
    {
        double m = T.ToDouble(point.V1);
        UvInitialization.Moments((long)m, T.ToDouble(point.V3), point.Seed, out double a, out double b, out double c);
        var model = default(UvModel<T>);
        model.Eta = point.V0;
        model.A = T.C(a);
        model.B = T.C(b);
        model.C = T.C(c);
        model.S = T.C(1.0 / Math.Sqrt(m));
        model.InvM = T.C(1.0 / m);
        model.Target = point.V2;
        T e = (model.S * model.C) - model.Target;
        model.InitialLoss = T.C(0.5) * (e * e);
        model.MaxLoss = model.InitialLoss;
        model.Lambda0 = (a + b) / m;
        return model;
    }

    /// <inheritdoc/>
    public readonly T StepSize => Eta;

    /// <inheritdoc/>
    public readonly T Parameter(int k) => k == 0 ? A : (k == 1 ? B : C);

    /// <summary>λ₀, η·λ₀, the initial loss, and the peak loss over the initial loss (above 1: the catapult).</summary>
    public readonly double Extra(int k)
    {
        double initial = T.ToDouble(InitialLoss);
        double peak = initial > 0 ? T.ToDouble(MaxLoss) / initial : 1.0;
        return k == 0 ? Lambda0 : k == 1 ? T.ToDouble(Eta) * Lambda0 : k == 2 ? initial : peak;
    }

    /// <inheritdoc/>
    public readonly StepInfo<T> Evaluate()
    {
        var copy = this;
        return copy.Step();
    }

    /// <inheritdoc/>
    public StepInfo<T> Step()
    {
        T e = (S * C) - Target;
        T sum = A + B;
        T halfSum = T.C(0.5) * sum;
        StepInfo<T> info;
        info.Loss = T.C(0.5) * (e * e);
        T diag = (InvM * C) + (e * S);
        T minus = PMath.Max(halfSum - C, T.C(0.0));
        T plus = PMath.Max(halfSum + C, T.C(0.0));
        T off = (InvM * InvM) * (minus * plus);
        info.Sharpness = (InvM * halfSum) + T.Sqrt((diag * diag) + off);
        MaxLoss = PMath.Max(MaxLoss, info.Loss);

        T g = (Eta * e) * S;
        T gg = g * g;
        T twoGc = (T.C(2.0) * g) * C;
        T an = PMath.Flush((A - twoGc) + (gg * B));
        T bn = PMath.Flush((B - twoGc) + (gg * A));
        T cn = PMath.Flush((C + (gg * C)) - (g * sum));
        info.Move = (T.Abs(an - A) + T.Abs(bn - B)) + T.Abs(cn - C);
        info.Size = (T.Abs(an) + T.Abs(bn)) + T.Abs(cn);
        A = an;
        B = bn;
        C = cn;
        return info;
    }
}
