namespace EosSweep.Tests.Kernels.Independent;

/// <summary>
/// How far each decision of a <see cref="ReferenceTrajectory"/> must stay from flipping for a comparison of steps and
/// regime to mean something: <see cref="ReferenceTrajectory.DecisionMargin"/>, <see cref="ReferenceTrajectory.BoundMargin"/>,
/// <see cref="ReferenceTrajectory.EdgeMargin"/> and <see cref="ReferenceTrajectory.FlushMargin"/> (decades), in their units.
/// </summary>
internal sealed record ReferenceMargins(double Decision, double Bound, double Edge, double Flush)
{
    /// <summary>One margin for every decision.</summary>
    public ReferenceMargins(double margin)
        : this(margin, margin, margin, margin)
    {
    }
}
