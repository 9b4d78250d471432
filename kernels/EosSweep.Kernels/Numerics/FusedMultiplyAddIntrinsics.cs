using System.Reflection;
using System.Runtime.CompilerServices;
using ILGPU;
using ILGPU.Backends.OpenCL;
using ILGPU.Backends.PTX;
using ILGPU.Frontend.Intrinsic;
using ILGPU.IR;
using ILGPU.IR.Intrinsics;

namespace EosSweep.Kernels.Numerics;

/// <summary>
/// Teaches ILGPU's GPU backends <see cref="Math.FusedMultiplyAdd(double, double, double)"/> and
/// <see cref="MathF.FusedMultiplyAdd(float, float, float)"/>, which <see cref="IReal{T}.MulAdd"/> uses, so that they
/// compile to one correctly rounded instruction, the operation the CPU performs: <c>fma.rn.f64</c>/<c>fma.rn.f32</c> in
/// PTX and the built-in <c>fma</c> in OpenCL C. ILGPU 1.5.3 maps neither: both are runtime-internal calls, which its
/// frontend marks external, and the backends emit a call to an undefined function. Intrinsic code generators attach
/// only to methods marked <see cref="IntrinsicImplementationAttribute"/>, so the frontend is told (once per process,
/// <see cref="RemappedIntrinsics"/>, as ILGPU remaps Math.Sqrt and the like) to read each call as a call to this class's
/// stand-in of the same signature, and every context that enables them gets the stand-ins' PTX and OpenCL generators.
/// The CPU accelerator runs the kernel's .NET code, Math.FusedMultiplyAdd itself, and needs neither.
/// </summary>
public static class FusedMultiplyAddIntrinsics
{
    private const BindingFlags HandlerFlags = BindingFlags.NonPublic | BindingFlags.Static;

    /// <summary>
    /// Points the ILGPU frontend at the stand-ins. The remapping table is process-wide and not thread-safe; a static
    /// constructor runs once, before any context built with <see cref="EnableFusedMultiplyAdd"/> exists.
    /// </summary>
    static FusedMultiplyAddIntrinsics()
    {
        RemappedIntrinsics.AddRemapping(typeof(Math), typeof(FusedMultiplyAddIntrinsics), nameof(Math.FusedMultiplyAdd), typeof(double), typeof(double), typeof(double));
        RemappedIntrinsics.AddRemapping(typeof(MathF), typeof(FusedMultiplyAddIntrinsics), nameof(MathF.FusedMultiplyAdd), typeof(float), typeof(float), typeof(float));
    }

    /// <summary>
    /// Registers the fused multiply-add code generators on a context being built. Every context that compiles the
    /// project's kernels for CUDA or OpenCL must call it, as it calls EnableAlgorithms.
    /// </summary>
    /// <param name="builder">The context builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static Context.Builder EnableFusedMultiplyAdd(this Context.Builder builder)
    {
        var manager = builder.GetIntrinsicManager();
        var f64 = typeof(FusedMultiplyAddIntrinsics).GetMethod(nameof(FusedMultiplyAdd), [typeof(double), typeof(double), typeof(double)])!;
        var f32 = typeof(FusedMultiplyAddIntrinsics).GetMethod(nameof(FusedMultiplyAdd), [typeof(float), typeof(float), typeof(float)])!;
        manager.RegisterMethod(f64, Ptx(nameof(GeneratePtxF64)));
        manager.RegisterMethod(f32, Ptx(nameof(GeneratePtxF32)));
        var openCl = new CLIntrinsic(typeof(FusedMultiplyAddIntrinsics).GetMethod(nameof(GenerateOpenCl), HandlerFlags)!, IntrinsicImplementationMode.GenerateCode);
        manager.RegisterMethod(f64, openCl);
        manager.RegisterMethod(f32, openCl);
        return builder;
    }

    /// <summary>
    /// The device stand-in of <see cref="Math.FusedMultiplyAdd(double, double, double)"/> (ILGPU compiles calls to either
    /// into <c>fma.rn.f64</c> or <c>fma</c>); on the host it is that method.
    /// </summary>
    [IntrinsicImplementation]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double FusedMultiplyAdd(double x, double y, double z) => Math.FusedMultiplyAdd(x, y, z);

    /// <summary>The device stand-in of <see cref="MathF.FusedMultiplyAdd(float, float, float)"/> (<c>fma.rn.f32</c>, <c>fma</c>).</summary>
    [IntrinsicImplementation]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float FusedMultiplyAdd(float x, float y, float z) => MathF.FusedMultiplyAdd(x, y, z);

    private static PTXIntrinsic Ptx(string handler) =>
        new(typeof(FusedMultiplyAddIntrinsics).GetMethod(handler, HandlerFlags)!, IntrinsicImplementationMode.GenerateCode);

    /// <summary>PTX code generator (<see cref="PTXIntrinsic.Handler"/>) of the double overload.</summary>
    private static void GeneratePtxF64(PTXBackend backend, PTXCodeGenerator codeGenerator, Value value) =>
        EmitPtx(codeGenerator, value, "fma.rn.f64");

    /// <summary>PTX code generator (<see cref="PTXIntrinsic.Handler"/>) of the float overload.</summary>
    private static void GeneratePtxF32(PTXBackend backend, PTXCodeGenerator codeGenerator, Value value) =>
        EmitPtx(codeGenerator, value, "fma.rn.f32");

    /// <summary><c>instruction target, a, b, c</c> for the call <paramref name="value"/> = fma(a, b, c).</summary>
    private static void EmitPtx(PTXCodeGenerator codeGenerator, Value value, string instruction)
    {
        var a = codeGenerator.LoadPrimitive(value[0]);
        var b = codeGenerator.LoadPrimitive(value[1]);
        var c = codeGenerator.LoadPrimitive(value[2]);
        var target = codeGenerator.AllocateHardware(value);
        using var command = codeGenerator.BeginCommand(instruction);
        command.AppendArgument(target);
        command.AppendArgument(a);
        command.AppendArgument(b);
        command.AppendArgument(c);
    }

    /// <summary>OpenCL code generator (<see cref="CLIntrinsic.Handler"/>): <c>target = fma(a, b, c);</c> (either precision).</summary>
    private static void GenerateOpenCl(CLBackend backend, CLCodeGenerator codeGenerator, Value value)
    {
        var a = codeGenerator.Load(value[0]);
        var b = codeGenerator.Load(value[1]);
        var c = codeGenerator.Load(value[2]);
        var target = codeGenerator.Allocate(value);
        using var statement = codeGenerator.BeginStatement(target);
        statement.AppendCommand("fma");
        statement.BeginArguments();
        statement.AppendArgument(a);
        statement.AppendArgument(b);
        statement.AppendArgument(c);
        statement.EndArguments();
    }
}
