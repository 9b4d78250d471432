using System.Text.RegularExpressions;
using EosSweep.Kernels.Numerics;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;

namespace EosSweep.Tests.Numerics;

/// <summary>
/// <see cref="IReal{T}.MulAdd"/> is a true fused multiply-add (one rounding) in every number type and on every
/// backend: the ILGPU CPU accelerator, PTX (<c>fma.rn</c>) and OpenCL (<c>fma</c>).
/// </summary>
public sealed partial class MulAddTests
{
    // a·b = 1 − 2^−60 exactly: rounded on its own it is 1, so a·b − 1 is 0 unfused and −2^−60 fused.
    private const double A = 1.0 + (1.0 / (1L << 30));
    private const double B = 1.0 - (1.0 / (1L << 30));
    private const double Fused = -1.0 / (1L << 60);

    [Fact]
    public void ScalarAndLaneTypes_RoundOnce()
    {
        Assert.Equal(0.0, (A * B) - 1.0);
        Assert.Equal(Fused, R64.MulAdd(new R64(A), new R64(B), new R64(-1.0)).V);
        Assert.Equal(Fused, R64Intrinsic.MulAdd(new R64Intrinsic(A), new R64Intrinsic(B), new R64Intrinsic(-1.0)).V);
        Assert.Equal(Fused, F64x4.Lane(F64x4.MulAdd(F64x4.C(A), F64x4.C(B), F64x4.C(-1.0)), 3));
        Assert.Equal(Fused, F64x8.Lane(F64x8.MulAdd(F64x8.C(A), F64x8.C(B), F64x8.C(-1.0)), 7));
        Assert.Equal(Fused, F64x16.Lane(F64x16.MulAdd(F64x16.C(A), F64x16.C(B), F64x16.C(-1.0)), 15));

        // f32: (1 + 2^−12)(1 − 2^−12) = 1 − 2^−24, which rounds to 1 in float.
        const float af = 1.0f + (1.0f / 4096), bf = 1.0f - (1.0f / 4096), fusedF = -1.0f / (1 << 24);
        Assert.Equal(fusedF, R32.MulAdd(new R32(af), new R32(bf), new R32(-1.0f)).V);
        Assert.Equal((double)fusedF, F32x8.Lane(F32x8.MulAdd(F32x8.C(af), F32x8.C(bf), F32x8.C(-1.0)), 5));
        Assert.Equal((double)fusedF, F32x16.Lane(F32x16.MulAdd(F32x16.C(af), F32x16.C(bf), F32x16.C(-1.0)), 11));
    }

    [Fact]
    public void CpuAccelerator_RunsTheFusedOperation()
    {
        using var context = Context.Create(b => b.CPU(new CPUDevice(2, 1, 1)).EnableAlgorithms().EnableFusedMultiplyAdd());
        using var accelerator = context.CreateCPUAccelerator(0);
        double[] a = [A, 3.0, double.MaxValue], b = [B, 0.1, 2.0], c = [-1.0, 0.7, -double.MaxValue];
        using var da = accelerator.Allocate1D(a);
        using var db = accelerator.Allocate1D(b);
        using var dc = accelerator.Allocate1D(c);
        using var result = accelerator.Allocate1D<double>(a.Length);
        var kernel = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<double>>(MulAddTestKernels.F64);

        kernel(a.Length, da.View, db.View, dc.View, result.View);
        double[] got = result.GetAsArray1D();

        // Fused: exact in the first case, and finite in the third (MaxValue·2 overflows only when rounded first).
        double[] expected = [Math.FusedMultiplyAdd(a[0], b[0], c[0]), Math.FusedMultiplyAdd(a[1], b[1], c[1]), double.MaxValue];
        Assert.Equal(Fused, got[0]);
        Assert.Equal(expected, got);
    }

    [Fact]
    public void PtxOfMulAdd_IsOneFmaInstruction()
    {
        string f64 = OfflineCompiler.CompilePtx(typeof(MulAddTestKernels).GetMethod(nameof(MulAddTestKernels.F64))!);
        string f32 = OfflineCompiler.CompilePtx(typeof(MulAddTestKernels).GetMethod(nameof(MulAddTestKernels.F32))!);

        Assert.Contains("fma.rn.f64", f64);
        Assert.Contains("fma.rn.f32", f32);
        Assert.DoesNotMatch(CallInstruction(), f64);
        Assert.DoesNotMatch(CallInstruction(), f32);
    }

    [Fact]
    public void OpenClOfMulAdd_UsesTheBuiltInFma()
    {
        string f64 = OfflineCompiler.CompileOpenCl(typeof(MulAddTestKernels).GetMethod(nameof(MulAddTestKernels.F64))!);
        string f32 = OfflineCompiler.CompileOpenCl(typeof(MulAddTestKernels).GetMethod(nameof(MulAddTestKernels.F32))!);

        Assert.Matches(FmaCall(), f64);
        Assert.Matches(FmaCall(), f32);
    }

    [GeneratedRegex(@"^\s*call(\.uni)?\b", RegexOptions.Multiline)]
    private static partial Regex CallInstruction();

    [GeneratedRegex(@"\bfma\s*\(")]
    private static partial Regex FmaCall();
}
