namespace EosSweep.Tests.Cli;

/// <summary>
/// Flags the command-line parser itself rejects are bad input like any other (README: one line on stderr, exit 2) —
/// not the parser's help text on stdout and exit 1, as they were before the CLI fuzzer stopped appending a poison flag.
/// </summary>
public sealed class ParserErrorTests
{
    [Theory]
    [InlineData("Option '--steps' expects a single argument but 2 were provided", new[] { "run", "--model", "xy", "--steps", "5", "--steps", "7" })]
    [InlineData("Unrecognized command or argument '--bogus'", new[] { "run", "--model", "xy", "--bogus", "1" })]
    [InlineData("Required argument missing for option: '--eta'", new[] { "run", "--model", "xy", "--eta" })]
    [InlineData("Unrecognized command or argument 'frobnicate'", new[] { "frobnicate" })]
    public void ParserError_IsOneLineOnStderr_Exit2_NoHelpText(string expected, string[] args)
    {
        var dir = Path.Combine(CliRunner.TempDir(), "never-created");
        var r = CliRunner.Run([args[0], "--out", dir, .. args[1..]]);
        Assert.Equal(2, r.ExitCode);
        var line = Assert.Single(r.ErrorLines);
        Assert.StartsWith("eos-sweep: error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, r.Stdout);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void Help_StillPrintsHelp_Exit0()
    {
        var r = CliRunner.Run("run", "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("--shard", r.Stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, r.Stderr);
    }
}
