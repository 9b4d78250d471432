namespace EosSweep.Kernels.Generators;

/// <summary>
/// An IEEE binary format as the templates spell it: the element and bit types, the bit layout, and the literals of
/// its constants (written as the hand-written types had them, so the generated code compiles to the same IL).
/// </summary>
internal sealed class Element
{
    /// <summary>binary64 (<c>double</c>).</summary>
    public static readonly Element Binary64 = new()
    {
        Format = "binary64",
        Type = "double",
        Math = "Math",
        Name = "Double",
        Bits = "Int64",
        FractionBits = "52",
        ExponentMask = "0x7FF",
        Bias = "1023",
        BiasReal = "1023.0",
        IntegerSuffix = "L",
        RoundShift = "6755399441055744.0",
        RoundShiftMeaning = "1.5·2^52",
        FractionMask = "0x000F_FFFF_FFFF_FFFFL",
        ExponentOfOne = "0x3FF0_0000_0000_0000L",
        HighPartMask = "unchecked((long)0xFFFF_FFFF_0000_0000UL)",
        MinNormal = "2.2250738585072014E-308",
        FlushThreshold = "1e-100",
    };

    /// <summary>binary32 (<c>float</c>).</summary>
    public static readonly Element Binary32 = new()
    {
        Format = "binary32",
        Type = "float",
        Math = "MathF",
        Name = "Single",
        Bits = "Int32",
        FractionBits = "23",
        ExponentMask = "0xFF",
        Bias = "127",
        BiasReal = "127.0f",
        IntegerSuffix = "",
        RoundShift = "12582912.0f",
        RoundShiftMeaning = "1.5·2^23",
        FractionMask = "0x007F_FFFF",
        ExponentOfOne = "0x3F80_0000",
        HighPartMask = "unchecked((int)0xFFFF_F000)",
        MinNormal = "1.17549435E-38f",
        FlushThreshold = "1e-15f",
    };

    /// <summary>The IEEE name: binary64, binary32.</summary>
    public string Format { get; private set; } = "";

    /// <summary>The C# type: double, float.</summary>
    public string Type { get; private set; } = "";

    /// <summary>The scalar math class: Math, MathF.</summary>
    public string Math { get; private set; } = "";

    /// <summary>The .NET name in conversions (AsDouble, DoubleToInt64Bits): Double, Single.</summary>
    public string Name { get; private set; } = "";

    /// <summary>The .NET name of the same-size integer: Int64, Int32.</summary>
    public string Bits { get; private set; } = "";

    /// <summary>Significand bits below the exponent.</summary>
    public string FractionBits { get; private set; } = "";

    /// <summary>The biased exponent's mask after the shift.</summary>
    public string ExponentMask { get; private set; } = "";

    /// <summary>The exponent bias, an integer literal.</summary>
    public string Bias { get; private set; } = "";

    /// <summary>The exponent bias, a literal of the element type.</summary>
    public string BiasReal { get; private set; } = "";

    /// <summary>The suffix that makes an integer literal the size of the element ("L" for 64 bits).</summary>
    public string IntegerSuffix { get; private set; } = "";

    /// <summary>1.5·2^p (p the fraction bits): adding and subtracting it rounds to an integer.</summary>
    public string RoundShift { get; private set; } = "";

    /// <summary><see cref="RoundShift"/> in words.</summary>
    public string RoundShiftMeaning { get; private set; } = "";

    /// <summary>The fraction bits' mask (a literal of the integer type).</summary>
    public string FractionMask { get; private set; } = "";

    /// <summary>The bits of 1.0's exponent.</summary>
    public string ExponentOfOne { get; private set; } = "";

    /// <summary>The mask that keeps the high half of the significand (fdlibm's SET_LOW_WORD(x, 0)).</summary>
    public string HighPartMask { get; private set; } = "";

    /// <summary>The smallest positive normal number.</summary>
    public string MinNormal { get; private set; } = "";

    /// <summary>The flush threshold of a GD step's parameters.</summary>
    public string FlushThreshold { get; private set; } = "";

    /// <summary>The C# expression that rounds the double <paramref name="value"/> to this element.</summary>
    /// <param name="value">A double expression.</param>
    public string FromDouble(string value) => Type == "double" ? value : $"({Type}){value}";
}
