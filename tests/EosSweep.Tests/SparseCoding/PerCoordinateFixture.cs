using EosSweep.Kernels.Losses;
using EosSweep.Kernels.Models;
using EosSweep.Kernels.Numerics;

namespace EosSweep.Tests.SparseCoding;

/// <summary>A small data set (d = 5, n = 30) for the per-coordinate second layer: 11 parameters, scratch of one row.</summary>
public sealed class PerCoordinateFixture : SparseCodingFixture
{
    public const int PerCoordinate = 1 << 12;

    public PerCoordinateFixture()
        : base(5, 30, 200, perCoordinate: true)
    {
    }

    /// <summary>A per-coordinate model at θ = (a₊₀..a₊_{d−1}, a₋₀..a₋_{d−1}, b).</summary>
    public SparseCodingModel<Logistic1Loss, R64, SequentialSamples> At(double[] theta, double eta = 1.0)
    {
        var m = Model(0, 0, theta[2 * D], eta, PerCoordinate);
        for (int i = 0; i < 2 * D; i++)
        {
            Data.Views.Scratch[i] = theta[i];
        }

        return m;
    }

    /// <summary>θ read back from the scratch and the model.</summary>
    public double[] Theta(in SparseCodingModel<Logistic1Loss, R64, SequentialSamples> m)
    {
        var t = new double[(2 * D) + 1];
        for (int i = 0; i < 2 * D; i++)
        {
            t[i] = Data.Views.Scratch[i];
        }

        t[2 * D] = m.B.V;
        return t;
    }
}
