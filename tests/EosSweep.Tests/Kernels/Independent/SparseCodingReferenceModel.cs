using EosSweep.Tests.SparseCoding;

namespace EosSweep.Tests.Kernels.Independent;

/// <summary>
/// The shared-layer sparse-coding model of <see cref="SparseCodingReference"/> (its loss, gradient and exact 3×3
/// Hessian from the README's equations) as an <see cref="IReferenceModel"/>, so <see cref="ReferenceTrajectory"/> runs
/// it with the regime rules, the margins and the f32 storage mode. θ = (a₊, a₋, b) from (a₊⁰, a₋⁰, 0); the sharpness is
/// reported as max(λ, 0), as the model's column is.
/// </summary>
internal sealed class SparseCodingReferenceModel(double[][] x, double[] y, bool sum, double eta, double aPlus0, double aMinus0) : IReferenceModel
{
    private readonly double _weight = sum ? 1.0 : 1.0 / x.Length;

    public double Eta => eta;

    public double[] Start => [aPlus0, aMinus0, 0.0];

    public double Loss(double[] t) => SparseCodingReference.Evaluate(x, y, _weight, t[0], t[1], t[2]).Loss;

    public double Sharpness(double[] t) =>
        Math.Max(SparseCodingReference.MaxEigenvalue(SparseCodingReference.Evaluate(x, y, _weight, t[0], t[1], t[2]).Hessian), 0);

    public double[] Next(double[] t)
    {
        var g = SparseCodingReference.Evaluate(x, y, _weight, t[0], t[1], t[2]).Gradient;
        return [t[0] - (eta * g[0]), t[1] - (eta * g[1]), t[2] - (eta * g[2])];
    }
}
