using EosSweep.Core.Grid;
using EosSweep.Tests.Cli;

namespace EosSweep.Tests.Numerics;

/// <summary>--precision f32 warns when neighbouring axis values collapse (or nearly) once rounded to float.</summary>
public sealed class SinglePrecisionSpacingTests
{
    [Fact]
    public void ValuesThatRoundToTheSameFloat_AreReportedAsZeroUlps()
    {
        var c = SinglePrecisionSpacing.Closest([2.0, 1.0, 1.00000001]);   // 1e-8 < half an f32 ulp at 1 (5.96e-8)
        Assert.NotNull(c);
        Assert.Equal((1.0, 1.00000001, 0L), c.Value);
    }

    [Fact]
    public void ValuesAFewUlpsApart_AreReported_AndTheClosestPairWins()
    {
        double ulp = MathF.BitIncrement(1f) - 1f;
        var c = SinglePrecisionSpacing.Closest([1.0, 1 + (3 * ulp), 1 + (5 * ulp), 4]);
        Assert.NotNull(c);
        Assert.Equal(2L, c.Value.Ulps);
        Assert.Equal(1 + (3 * ulp), c.Value.A);
    }

    [Fact]
    public void ResolvableAxes_AndRepeatedValues_GiveNoWarning()
    {
        Assert.Null(SinglePrecisionSpacing.Closest(AxisSpec.Parse("eta", "log:0.01:1:4096").Values));
        Assert.Null(SinglePrecisionSpacing.Closest([1.0, 1.0, 2.0]));
        Assert.Null(SinglePrecisionSpacing.Closest([3.0]));
    }

    [Fact]
    public void FloatUlpsBetween_CountsAcrossZero()
    {
        float tiny = float.Epsilon;
        Assert.Equal(0, SinglePrecisionSpacing.FloatUlpsBetween(0f, -0f));
        Assert.Equal(2, SinglePrecisionSpacing.FloatUlpsBetween(-tiny, tiny));
        Assert.Equal(1, SinglePrecisionSpacing.FloatUlpsBetween(1f, MathF.BitIncrement(1f)));
    }

    [Fact]
    public void F32Run_WarnsOnceNamingTheAxisAndSpacing_AndStillRuns()
    {
        var dir = CliRunner.TempDir();
        var r = CliRunner.Run("run", "--model", "xy", "--precision", "f32", "--eta", "0.1", "--y0", "lin:1:1.0000001:5", "--steps", "20", "--out", dir);

        Assert.Equal(0, r.ExitCode);
        var warning = Assert.Single(r.ErrorLines, l => l.StartsWith("eos-sweep: warning:", StringComparison.Ordinal));
        Assert.Contains("axis --y0", warning, StringComparison.Ordinal);
        Assert.Contains("spacing 2.5E-08", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(r.ErrorLines, l => l.Contains("error", StringComparison.Ordinal));
    }

    [Fact]
    public void F64Run_OfTheSameGrid_DoesNotWarn()
    {
        var r = CliRunner.Run("run", "--model", "xy", "--eta", "0.1", "--y0", "lin:1:1.0000001:5", "--steps", "20", "--out", CliRunner.TempDir());

        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain("warning", r.Stderr, StringComparison.Ordinal);
    }
}
