using System.Text.RegularExpressions;

namespace EosSweep.Tests.Numerics;

public sealed partial class OfflineCompileTests
{
    [Fact]
    public void MathKernel_CompilesToPtx_WithoutCallsOrLocalMemory()
    {
        string ptx = OfflineCompiler.CompilePtx(typeof(MathTestKernels).GetMethod(nameof(MathTestKernels.Evaluate))!);

        Assert.Contains(".entry", ptx);
        // The Horner steps are fused multiply-adds (FusedMultiplyAddIntrinsics), not calls.
        Assert.Contains("fma.rn.f64", ptx);
        // ILGPU's own double exp/log/tanh are CORDIC subroutines with stack arrays (docs/backends.md, "Double-precision math on CUDA").
        Assert.DoesNotMatch(CallInstruction(), ptx);
        Assert.DoesNotContain(".local", ptx);
        // A constant on the left of a select's comparison became an unordered setp, which selects the
        // constant for NaN (docs/backends.md, "Comparisons"); the math keeps variables on the left.
        Assert.DoesNotMatch(UnorderedCompare(), ptx);
    }

    [Fact]
    public void MathKernel_CompilesToOpenCl_WithoutBuiltInMath()
    {
        string source = OfflineCompiler.CompileOpenCl(typeof(MathTestKernels).GetMethod(nameof(MathTestKernels.Evaluate))!);

        Assert.Contains("kernel", source);
        Assert.DoesNotMatch(BuiltInMath(), source);
    }

    [GeneratedRegex(@"^\s*call(\.uni)?\b", RegexOptions.Multiline)]
    private static partial Regex CallInstruction();

    [GeneratedRegex(@"setp\.(equ|neu|ltu|leu|gtu|geu|nan|num)\.f(32|64)")]
    private static partial Regex UnorderedCompare();

    [GeneratedRegex(@"\b(exp|log|log1p|tanh|erf|erfc|pow|sin|cos|sincos)\s*\(")]
    private static partial Regex BuiltInMath();
}
