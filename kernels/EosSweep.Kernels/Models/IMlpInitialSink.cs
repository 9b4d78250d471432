namespace EosSweep.Kernels.Models;

/// <summary>Receives one trajectory's initial slot values (θ₀ and the power-iteration start q₀) from <see cref="MlpNetwork{T, TW, TMem}.Initialise"/>.</summary>
public interface IMlpInitialSink
{
    /// <summary>Slot <paramref name="slot"/> starts at <paramref name="value"/> (rounded to the number type on store).</summary>
    void Put(long slot, double value);
}
