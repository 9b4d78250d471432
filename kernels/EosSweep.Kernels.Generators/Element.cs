namespace EosSweep.Kernels.Generators;

/// <summary>
/// An IEEE binary format as the templates spell it: the element and bit types, the bit layout, and the literals of
/// its constants (written as the hand-written types had them, so the generated code compiles to the same IL).
/// </summary>
/// <param name="type">The C# type: double, float.</param>
/// <param name="fractionBits">Significand bits below the exponent.</param>
/// <param name="exponentMask">The biased exponent's mask after the shift.</param>
/// <param name="bias">The exponent bias.</param>
/// <param name="roundShift">1.5·2^p (p the fraction bits), a literal of the type: adding and subtracting it rounds to an integer.</param>
/// <param name="fractionMask">The fraction bits' mask (a literal of the same-size integer).</param>
/// <param name="exponentOfOne">The bits of 1.0's exponent.</param>
/// <param name="highPartMask">The mask that keeps the high half of the significand (fdlibm's SET_LOW_WORD(x, 0)).</param>
/// <param name="minNormal">The smallest positive normal number, a literal.</param>
/// <param name="flushThreshold">The flush threshold of a GD step's parameters, a literal.</param>
internal sealed class Element(
    string type,
    int fractionBits,
    string exponentMask,
    int bias,
    string roundShift,
    string fractionMask,
    string exponentOfOne,
    string highPartMask,
    string minNormal,
    string flushThreshold)
{
    /// <summary>binary64 (<c>double</c>).</summary>
    public static readonly Element Binary64 = new(
        "double", fractionBits: 52, exponentMask: "0x7FF", bias: 1023, roundShift: "6755399441055744.0",
        fractionMask: "0x000F_FFFF_FFFF_FFFFL", exponentOfOne: "0x3FF0_0000_0000_0000L",
        highPartMask: "unchecked((long)0xFFFF_FFFF_0000_0000UL)", minNormal: "2.2250738585072014E-308", flushThreshold: "1e-100");

    /// <summary>binary32 (<c>float</c>).</summary>
    public static readonly Element Binary32 = new(
        "float", fractionBits: 23, exponentMask: "0xFF", bias: 127, roundShift: "12582912.0f",
        fractionMask: "0x007F_FFFF", exponentOfOne: "0x3F80_0000",
        highPartMask: "unchecked((int)0xFFFF_F000)", minNormal: "1.17549435E-38f", flushThreshold: "1e-15f");

    private bool IsDouble => type == "double";

    /// <summary>The C# type: double, float.</summary>
    public string Type => type;

    /// <summary>The scalar math class: Math, MathF.</summary>
    public string Math => IsDouble ? "Math" : "MathF";

    /// <summary>The .NET name in conversions (AsDouble, DoubleToInt64Bits): Double, Single.</summary>
    public string Name => IsDouble ? "Double" : "Single";

    /// <summary>The .NET name of the same-size integer: Int64, Int32.</summary>
    public string Bits => IsDouble ? "Int64" : "Int32";

    /// <summary>Significand bits below the exponent.</summary>
    public string FractionBits => fractionBits.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The biased exponent's mask after the shift.</summary>
    public string ExponentMask => exponentMask;

    /// <summary>The exponent bias, an integer literal.</summary>
    public string Bias => bias.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The exponent bias, a literal of the element type (1023.0, 127.0f).</summary>
    public string BiasReal => Bias + (IsDouble ? ".0" : ".0f");

    /// <summary>The suffix that makes an integer literal the size of the element ("L" for 64 bits).</summary>
    public string IntegerSuffix => IsDouble ? "L" : "";

    /// <summary>1.5·2^p (p the fraction bits): adding and subtracting it rounds to an integer.</summary>
    public string RoundShift => roundShift;

    /// <summary><see cref="RoundShift"/> in words.</summary>
    public string RoundShiftMeaning => "1.5·2^" + FractionBits;

    /// <summary>The fraction bits' mask (a literal of the integer type).</summary>
    public string FractionMask => fractionMask;

    /// <summary>The bits of 1.0's exponent.</summary>
    public string ExponentOfOne => exponentOfOne;

    /// <summary>The mask that keeps the high half of the significand (fdlibm's SET_LOW_WORD(x, 0)).</summary>
    public string HighPartMask => highPartMask;

    /// <summary>The smallest positive normal number.</summary>
    public string MinNormal => minNormal;

    /// <summary>The flush threshold of a GD step's parameters.</summary>
    public string FlushThreshold => flushThreshold;

    /// <summary>The C# expression that rounds the double <paramref name="value"/> to this element.</summary>
    /// <param name="value">A double expression.</param>
    public string FromDouble(string value) => IsDouble ? value : $"({Type}){value}";
}
