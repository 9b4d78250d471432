namespace EosSweep.Core;

/// <summary>
/// Bad input from the user: a flag, a spec file, a preset or an output directory.
/// The CLI prints <see cref="Exception.Message"/> as one line on stderr and exits non-zero,
/// so the message must stand on its own.
/// </summary>
public sealed class SweepInputException(string message) : Exception(message);
