namespace EosSweep.Kernels.Generators;

/// <summary>
/// One lane of <paramref name="element"/> (R64, R32, R64Intrinsic): the number type of the ILGPU kernels and the host
/// reference loops, so its members are plain scalar C# that every ILGPU backend compiles (no SIMD intrinsics, no branches).
/// e^x, ln x and tanh x are the project's portable math, or with <paramref name="backendTranscendentals"/> the
/// backend's own (Math.Exp, Math.Log, Math.Tanh: NVIDIA libdevice on CUDA, .NET's libm on the CPU).
/// </summary>
/// <param name="name">The type's name.</param>
/// <param name="element">The IEEE format.</param>
/// <param name="summary">The type's doc summary (lines).</param>
/// <param name="backendTranscendentals">Whether e^x, ln x and tanh x are the backend's rather than PMath's.</param>
internal sealed class ScalarType(string name, Element element, string summary, bool backendTranscendentals = false)
    : NumberType(name)
{
    /// <inheritdoc/>
    public override string Source()
    {
        string t = Name;
        var e = element;
        string toBits = $"BitConverter.{e.Name}To{e.Bits}Bits";
        string fromBits = $"BitConverter.{e.Bits}BitsTo{e.Name}";
        return $$"""
            {{Members.Summary(summary)}}
            /// <param name="v">The value.</param>
            public readonly struct {{t}}({{e.Type}} v) : IScalar<{{t}}>
            {
                /// <summary>The value.</summary>
                public readonly {{e.Type}} V = v;

            {{Members.Arithmetic(t)}}

                /// <inheritdoc/>
                [MethodImpl(MethodImplOptions.AggressiveInlining)]
                public static {{t}} C(double value) => new({{e.FromDouble("value")}});

                /// <inheritdoc/>
                [MethodImpl(MethodImplOptions.AggressiveInlining)]
                public static double ToDouble({{t}} x) => x.V;

                /// <inheritdoc/>
                [MethodImpl(MethodImplOptions.AggressiveInlining)]
                public static {{t}} Abs({{t}} x) => new({{e.Math}}.Abs(x.V));

                /// <inheritdoc/>
                [MethodImpl(MethodImplOptions.AggressiveInlining)]
                public static {{t}} CopySign({{t}} m, {{t}} s) => new({{e.Math}}.CopySign(m.V, s.V));

                /// <inheritdoc/>
                [MethodImpl(MethodImplOptions.AggressiveInlining)]
                public static {{t}} Sqrt({{t}} x) => new({{e.Math}}.Sqrt(x.V));

                /// <inheritdoc/>
                [MethodImpl(MethodImplOptions.AggressiveInlining)]
                public static {{t}} MulAdd({{t}} a, {{t}} b, {{t}} c) => new({{e.Math}}.FusedMultiplyAdd(a.V, b.V, c.V));

                /// <inheritdoc/>
                [MethodImpl(MethodImplOptions.AggressiveInlining)]
                public static {{t}} SelectLess({{t}} a, {{t}} b, {{t}} t, {{t}} f) => a.V < b.V ? t : f;

                /// <inheritdoc/>
                [MethodImpl(MethodImplOptions.AggressiveInlining)]
                public static {{t}} SelectLessEqual({{t}} a, {{t}} b, {{t}} t, {{t}} f) => a.V <= b.V ? t : f;

                /// <inheritdoc/>
                [MethodImpl(MethodImplOptions.AggressiveInlining)]
                public static {{t}} SelectEqual({{t}} a, {{t}} b, {{t}} t, {{t}} f) => a.V == b.V ? t : f;

                /// <summary>{{e.RoundShiftMeaning}}: adding and subtracting it rounds to an integer in round-to-nearest-even.</summary>
                private const {{e.Type}} RoundShift = {{e.RoundShift}};

                /// <inheritdoc/>
                [MethodImpl(MethodImplOptions.AggressiveInlining)]
                public static {{t}} RoundToInteger({{t}} x) => new((x.V + RoundShift) - RoundShift);

                /// <inheritdoc/>
                [MethodImpl(MethodImplOptions.AggressiveInlining)]
                public static {{t}} Pow2({{t}} n) =>
                    new({{fromBits}}({{toBits}}(n.V + (RoundShift + {{e.BiasReal}})) << {{e.FractionBits}}));

                /// <inheritdoc/>
                [MethodImpl(MethodImplOptions.AggressiveInlining)]
                public static {{t}} Exponent({{t}} x) =>
                    new(({{e.Type}})((int)(({{toBits}}(x.V) >> {{e.FractionBits}}) & {{e.ExponentMask}}) - {{e.Bias}}));

                /// <inheritdoc/>
                [MethodImpl(MethodImplOptions.AggressiveInlining)]
                public static {{t}} Significand({{t}} x) =>
                    new({{fromBits}}(({{toBits}}(x.V) & {{e.FractionMask}}) | {{e.ExponentOfOne}}));

                /// <inheritdoc/>
                [MethodImpl(MethodImplOptions.AggressiveInlining)]
                public static {{t}} HighPart({{t}} x) =>
                    new({{fromBits}}({{toBits}}(x.V) & {{e.HighPartMask}}));

            {{Members.Limits(t, e, "new")}}

            {{(backendTranscendentals ? Members.BackendTranscendentals(t, e) : Members.PortableTranscendentals(t))}}

                /// <inheritdoc/>
                public override string ToString() => V.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            }
            """;
    }
}
