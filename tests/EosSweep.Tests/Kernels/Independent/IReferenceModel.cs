namespace EosSweep.Tests.Kernels.Independent;

/// <summary>A model written for the independent reference: plain doubles, System.Math, the README's equations.</summary>
internal interface IReferenceModel
{
    /// <summary>The step size η of the stability ratio r = η·λ/2.</summary>
    double Eta { get; }

    /// <summary>θ₀.</summary>
    double[] Start { get; }

    /// <summary>L(θ).</summary>
    double Loss(double[] theta);

    /// <summary>The sharpness λ(θ), the largest eigenvalue of the Hessian (mlp: of P^½HP^½, over η₁).</summary>
    double Sharpness(double[] theta);

    /// <summary>θ − η·∇L(θ), before the flush rule.</summary>
    double[] Next(double[] theta);
}
