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

    /// <summary>e^x, ln x and tanh x of the backend (<c>Math.Exp</c>, … of the element's math class).</summary>
    /// <param name="t">The type's name.</param>
    /// <param name="e">Its element.</param>
    public static string BackendTranscendentals(string t, Element e) => $$"""
            /// <inheritdoc/>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static {{t}} Exp({{t}} x) => new({{e.Math}}.Exp(x.V));

            /// <inheritdoc/>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static {{t}} Log({{t}} x) => new({{e.Math}}.Log(x.V));

            /// <inheritdoc/>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public static {{t}} Tanh({{t}} x) => new({{e.Math}}.Tanh(x.V));
        """;

    /// <summary>A type's doc summary, one comment line per line of <paramref name="text"/> (at the type's indentation).</summary>
    /// <param name="text">The summary's lines.</param>
    public static string Summary(string text)
    {
        var lines = text.Replace("\r", "").Trim().Split('\n');
        return "/// <summary>\n/// " + string.Join("\n/// ", lines) + "\n/// </summary>";
    }
}
