using EosSweep.Core.Grid;

namespace EosSweep.Tests;

public sealed class AxisSpecTests
{
    [Fact]
    public void LogAxis_EndsAreExact()
    {
        var a = AxisSpec.Parse("eta", "log:0.01:1:5");
        Assert.Equal(0.01, a.Values[0]);
        Assert.Equal(1.0, a.Values[4]);
        Assert.True(a.IsLog);
    }
}
