namespace EosSweep.Kernels.Generators;

/// <summary>
/// SIMD lanes of <paramref name="element"/> in one <paramref name="vector"/> (F64x4, F64x8, F32x8, F32x16): the CPU SIMD
/// path's number types, every operation the lane-wise twin of the scalar type's of the same element. Double lanes
/// keep their bookkeeping in themselves; float lanes widen to <paramref name="widened"/>, built from the two halves
/// <c>lo</c> and <c>hi</c> of a vector widening by <paramref name="widenedFromHalves"/>.
/// </summary>
/// <param name="name">The type's name.</param>
/// <param name="element">The IEEE format of a lane.</param>
/// <param name="vector">The vector type: Vector256 or Vector512.</param>
/// <param name="summary">The doc summary's first sentence (what the type is for); the rest is the template's.</param>
/// <param name="widened">The double lanes of the same width (float lanes only; double lanes are their own).</param>
/// <param name="widenedFromHalves">The expression of <paramref name="widened"/> from <c>lo</c> and <c>hi</c>.</param>
internal sealed class LanesType(
    string name,
    Element element,
    string vector,
    string summary,
    string? widened = null,
    string? widenedFromHalves = null) : NumberType(name)
{
    /// <inheritdoc/>
    public override string Source()
    {
        string t = Name;
        var e = element;
        string v = vector;
        string w = widened ?? t;
        bool isDouble = widened is null;
        string scalar = isDouble ? "R64" : "R32";
        string ieee = isDouble ? "IEEE + − × ÷ and √" : "IEEE + − × ÷ and √ in binary32";
        string widening = isDouble
            ? ""
            : $"\n/// The driver's bookkeeping widens the lanes to <see cref=\"{w}\"/> (exact), as the scalar driver widens to double.";
        return $$"""
            /// <summary>
            /// {{summary}} Every operation is the lane-wise twin of <see cref="{{scalar}}"/>'s — {{ieee}}, the same bit
            /// tricks, ordered compares — so a model written over <see cref="IReal{T}"/> gives bit-identical lanes and scalars.{{widening}}
            /// </summary>
            /// <param name="v">The lanes.</param>
            public readonly struct {{t}}({{v}}<{{e.Type}}> v) : ISimdReal<{{t}}, {{w}}>
            {
                /// <summary>The lanes.</summary>
                public readonly {{v}}<{{e.Type}}> V = v;

                /// <inheritdoc/>
                public static int Width => {{v}}<{{e.Type}}>.Count;

            {{(isDouble ? DoubleConversions() : FloatConversions())}}

            {{Members.Arithmetic(t)}}

                /// <inheritdoc/>
                [MethodImpl(MethodImplOptions.AggressiveInlining)]
                public static {{t}} C(double value) => new({{v}}.Create({{e.FromDouble("value")}}));

                /// <inheritdoc/>
                [MethodImpl(MethodImplOptions.AggressiveInlining)]
                public static {{t}} Abs({{t}} x) => new({{v}}.Abs(x.V));

                /// <inheritdoc/>
                [MethodImpl(MethodImplOptions.AggressiveInlining)]
                public static {{t}} CopySign({{t}} m, {{t}} s) => new({{v}}.CopySign(m.V, s.V));

                /// <inheritdoc/>
                [MethodImpl(MethodImplOptions.AggressiveInlining)]
                public static {{t}} Sqrt({{t}} x) => new({{v}}.Sqrt(x.V));

                /// <inheritdoc/>
                [MethodImpl(MethodImplOptions.AggressiveInlining)]
                public static {{t}} MulAdd({{t}} a, {{t}} b, {{t}} c) => new({{v}}.FusedMultiplyAdd(a.V, b.V, c.V));

                /// <inheritdoc/>
                [MethodImpl(MethodImplOptions.AggressiveInlining)]
                public static {{t}} SelectLess({{t}} a, {{t}} b, {{t}} t, {{t}} f) => new({{v}}.ConditionalSelect({{v}}.LessThan(a.V, b.V), t.V, f.V));

                /// <inheritdoc/>
                [MethodImpl(MethodImplOptions.AggressiveInlining)]
                public static {{t}} SelectLessEqual({{t}} a, {{t}} b, {{t}} t, {{t}} f) => new({{v}}.ConditionalSelect({{v}}.LessThanOrEqual(a.V, b.V), t.V, f.V));

                /// <inheritdoc/>
                [MethodImpl(MethodImplOptions.AggressiveInlining)]
                public static {{t}} SelectEqual({{t}} a, {{t}} b, {{t}} t, {{t}} f) => new({{v}}.ConditionalSelect({{v}}.Equals(a.V, b.V), t.V, f.V));

                /// <summary>{{e.RoundShiftMeaning}}: adding and subtracting it rounds to an integer in round-to-nearest-even.</summary>
                private const {{e.Type}} RoundShift = {{e.RoundShift}};

                /// <inheritdoc/>
                [MethodImpl(MethodImplOptions.AggressiveInlining)]
                public static {{t}} RoundToInteger({{t}} x) => new((x.V + {{v}}.Create(RoundShift)) - {{v}}.Create(RoundShift));

                /// <inheritdoc/>
                [MethodImpl(MethodImplOptions.AggressiveInlining)]
                public static {{t}} Pow2({{t}} n) =>
                    new({{v}}.ShiftLeft((n.V + {{v}}.Create(RoundShift + {{e.BiasReal}})).As{{e.Bits}}(), {{e.FractionBits}}).As{{e.Name}}());

                /// <inheritdoc/>
                [MethodImpl(MethodImplOptions.AggressiveInlining)]
                public static {{t}} Exponent({{t}} x) =>
                    new({{v}}.ConvertTo{{e.Name}}(({{v}}.ShiftRightLogical(x.V.As{{e.Bits}}(), {{e.FractionBits}}) & {{v}}.Create({{e.ExponentMask}}{{e.IntegerSuffix}})) - {{v}}.Create({{e.Bias}}{{e.IntegerSuffix}})));

                /// <inheritdoc/>
                [MethodImpl(MethodImplOptions.AggressiveInlining)]
                public static {{t}} Significand({{t}} x) =>
                    new(((x.V.As{{e.Bits}}() & {{v}}.Create({{e.FractionMask}})) | {{v}}.Create({{e.ExponentOfOne}})).As{{e.Name}}());

                /// <inheritdoc/>
                [MethodImpl(MethodImplOptions.AggressiveInlining)]
                public static {{t}} HighPart({{t}} x) => new((x.V.As{{e.Bits}}() & {{v}}.Create({{e.HighPartMask}})).As{{e.Name}}());

            {{Members.Limits(t, e, "C")}}

            {{Members.PortableTranscendentals(t)}}
            }
            """;
    }

    /// <summary>FromDoubles, Lane, AnyNonZero and Widen of double lanes (which widen to themselves).</summary>
    private string DoubleConversions() => $$"""
            /// <inheritdoc/>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static {{Name}} FromDoubles(ReadOnlySpan<double> values) => new({{vector}}.Create(values));

        {{LaneAndAnyNonZero()}}

            /// <inheritdoc/>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static {{Name}} Widen({{Name}} x) => x;
        """;

    /// <summary>FromDoubles (rounding each value), Lane, AnyNonZero and Widen (exact) of float lanes.</summary>
    private string FloatConversions() => $$"""
            /// <inheritdoc/>
            public static {{Name}} FromDoubles(ReadOnlySpan<double> values)
            {
                Span<float> f = stackalloc float[{{vector}}<float>.Count];
                for (int l = 0; l < f.Length; l++)
                {
                    f[l] = (float)values[l];
                }

                return new({{vector}}.Create((ReadOnlySpan<float>)f));
            }

        {{LaneAndAnyNonZero()}}

            /// <inheritdoc/>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static {{widened}} Widen({{Name}} x)
            {
                var (lo, hi) = {{vector}}.Widen(x.V);
                return {{widenedFromHalves}};
            }
        """;

    private string LaneAndAnyNonZero() => $$"""
            /// <inheritdoc/>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static double Lane({{Name}} x, int lane) => x.V.GetElement(lane);

            /// <inheritdoc/>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static bool AnyNonZero({{Name}} x) => x.V != {{vector}}<{{element.Type}}>.Zero;
        """;
}
