namespace EosSweep.Kernels.Generators;

/// <summary>Member runs that more than one template writes the same way (indented for a type body).</summary>
internal static class Members
{
    /// <summary>IEEE + − × ÷ and negation on a type whose value is its field <c>V</c>.</summary>
    /// <param name="t">The type's name.</param>
    public static string Arithmetic(string t) => $$"""
            /// <inheritdoc/>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static {{t}} operator +({{t}} a, {{t}} b) => new(a.V + b.V);

            /// <inheritdoc/>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static {{t}} operator -({{t}} a, {{t}} b) => new(a.V - b.V);

            /// <inheritdoc/>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static {{t}} operator *({{t}} a, {{t}} b) => new(a.V * b.V);

            /// <inheritdoc/>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static {{t}} operator /({{t}} a, {{t}} b) => new(a.V / b.V);

            /// <inheritdoc/>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static {{t}} operator -({{t}} a) => new(-a.V);
        """;

    /// <summary>MinNormal, FlushThreshold and MaxValue, each made by <paramref name="make"/> from a literal.</summary>
    /// <param name="t">The type's name.</param>
    /// <param name="e">Its element.</param>
    /// <param name="make">"new" (the constructor) or "C" (broadcast).</param>
    public static string Limits(string t, Element e, string make) => $$"""
            /// <inheritdoc/>
            public static {{t}} MinNormal => {{make}}({{e.MinNormal}});

            /// <inheritdoc/>
            public static {{t}} FlushThreshold => {{make}}({{e.FlushThreshold}});

            /// <inheritdoc/>
            public static {{t}} MaxValue => {{make}}({{e.Type}}.MaxValue);
        """;

    /// <summary>e^x, ln x and tanh x from the project's portable math (PMath).</summary>
    /// <param name="t">The type's name.</param>
    public static string PortableTranscendentals(string t) => $$"""
            /// <inheritdoc/>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static {{t}} Exp({{t}} x) => PMath.PortableExp(x);

            /// <inheritdoc/>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static {{t}} Log({{t}} x) => PMath.PortableLog(x);

            /// <inheritdoc/>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static {{t}} Tanh({{t}} x) => PMath.PortableTanh(x);
        """;
}
