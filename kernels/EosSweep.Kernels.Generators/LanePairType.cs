namespace EosSweep.Kernels.Generators;

/// <summary>
/// Lanes as two halves of <paramref name="half"/> (F64x16 = two F64x8): double lanes wider than one vector, for the
/// bookkeeping of the widest float lanes. Every operation is the half type's on each half.
/// </summary>
/// <param name="name">The type's name.</param>
/// <param name="half">The type of each half (binary64 lanes).</param>
/// <param name="summary">The type's doc summary.</param>
internal sealed class LanePairType(string name, string half, string summary) : NumberType(name)
{
    /// <inheritdoc/>
    public override string Source()
    {
        string t = Name;
        string h = half;
        return $$"""
            /// <summary>
            /// {{summary}}
            /// </summary>
            /// <param name="lo">The low lanes.</param>
            /// <param name="hi">The high lanes.</param>
            public readonly struct {{t}}({{h}} lo, {{h}} hi) : ILanes<{{t}}>
            {
                /// <summary>The low lanes (0 … {{h}}.Width − 1).</summary>
                public readonly {{h}} Lo = lo;

                /// <summary>The high lanes ({{h}}.Width … Width − 1).</summary>
                public readonly {{h}} Hi = hi;

                /// <inheritdoc/>
                public static int Width => 2 * {{h}}.Width;

                /// <inheritdoc/>
                [MethodImpl(MethodImplOptions.AggressiveInlining)]
                public static {{t}} FromDoubles(ReadOnlySpan<double> values) =>
                    new({{h}}.FromDoubles(values[..{{h}}.Width]), {{h}}.FromDoubles(values[{{h}}.Width..]));

                /// <inheritdoc/>
                [MethodImpl(MethodImplOptions.AggressiveInlining)]
                public static double Lane({{t}} x, int lane) => lane < {{h}}.Width ? {{h}}.Lane(x.Lo, lane) : {{h}}.Lane(x.Hi, lane - {{h}}.Width);

                /// <inheritdoc/>
                [MethodImpl(MethodImplOptions.AggressiveInlining)]
                public static bool AnyNonZero({{t}} x) => {{h}}.AnyNonZero(x.Lo) || {{h}}.AnyNonZero(x.Hi);

                /// <inheritdoc/>
                [MethodImpl(MethodImplOptions.AggressiveInlining)]
                public static {{t}} operator +({{t}} a, {{t}} b) => new(a.Lo + b.Lo, a.Hi + b.Hi);

                /// <inheritdoc/>
                [MethodImpl(MethodImplOptions.AggressiveInlining)]
                public static {{t}} operator -({{t}} a, {{t}} b) => new(a.Lo - b.Lo, a.Hi - b.Hi);

                /// <inheritdoc/>
                [MethodImpl(MethodImplOptions.AggressiveInlining)]
                public static {{t}} operator *({{t}} a, {{t}} b) => new(a.Lo * b.Lo, a.Hi * b.Hi);

                /// <inheritdoc/>
                [MethodImpl(MethodImplOptions.AggressiveInlining)]
                public static {{t}} operator /({{t}} a, {{t}} b) => new(a.Lo / b.Lo, a.Hi / b.Hi);

                /// <inheritdoc/>
                [MethodImpl(MethodImplOptions.AggressiveInlining)]
                public static {{t}} operator -({{t}} a) => new(-a.Lo, -a.Hi);

                /// <inheritdoc/>
                [MethodImpl(MethodImplOptions.AggressiveInlining)]
                public static {{t}} C(double value) => new({{h}}.C(value), {{h}}.C(value));

            {{Halves("Abs", "x")}}

            {{Halves("CopySign", "m", "s")}}

            {{Halves("Sqrt", "x")}}

            {{Halves("MulAdd", "a", "b", "c")}}

            {{Halves("SelectLess", "a", "b", "t", "f")}}

            {{Halves("SelectLessEqual", "a", "b", "t", "f")}}

            {{Halves("SelectEqual", "a", "b", "t", "f")}}

            {{Halves("RoundToInteger", "x")}}

            {{Halves("Pow2", "n")}}

            {{Halves("Exponent", "x")}}

            {{Halves("Significand", "x")}}

            {{Halves("HighPart", "x")}}

            {{Members.Limits(t, Element.Binary64, "C")}}

            {{Members.PortableTranscendentals(t)}}
            }
            """;
    }

    /// <summary>Static method <paramref name="method"/> of the half type applied to each half of the arguments.</summary>
    private string Halves(string method, params string[] args)
    {
        string parameters = string.Join(", ", System.Linq.Enumerable.Select(args, a => $"{Name} {a}"));
        string lo = string.Join(", ", System.Linq.Enumerable.Select(args, a => a + ".Lo"));
        string hi = string.Join(", ", System.Linq.Enumerable.Select(args, a => a + ".Hi"));
        string body = $"new({half}.{method}({lo}), {half}.{method}({hi}))";
        string declaration = $"public static {Name} {method}({parameters}) =>";
        string member = declaration.Length + body.Length > 110 ? declaration + "\n        " + body : declaration + " " + body;
        return $$"""
                /// <inheritdoc/>
                [MethodImpl(MethodImplOptions.AggressiveInlining)]
                {{member}};
            """;
    }
}
