namespace EosSweep.Tests.Cli;

/// <summary>The mlp model's and the fractal-tanh preset's bad input: one clear line on stderr, a non-zero exit.</summary>
public sealed class MlpCliTests
{
    [Theory]
    [InlineData("--resolution sets the grid side of a preset; give --preset too", new[] { "run", "--model", "mlp", "--resolution", "8" })]
    [InlineData("--resolution must be at least 2, got 1", new[] { "run", "--preset", "fractal-tanh", "--resolution", "1" })]
    [InlineData("--resolution must be an integer", new[] { "run", "--preset", "fractal-tanh", "--resolution", "big" })]
    [InlineData("--sharpness-every must be one of", new[] { "run", "--model", "mlp", "--sharpness-every", "3" })]
    [InlineData("--activation must be one of tanh|relu|identity", new[] { "run", "--model", "mlp", "--activation", "gelu" })]
    [InlineData("--n must be a non-negative integer", new[] { "run", "--model", "mlp", "--n", "-3" })]
    public void BadInput_OneLineOnStderr_NonZeroExit(string expected, string[] args)
    {
        var r = CliRunner.Run(args);
        Assert.NotEqual(0, r.ExitCode);
        Assert.Single(r.ErrorLines);
        Assert.Contains(expected, r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
    }
}
