using System.Buffers.Binary;
using System.Xml.Linq;
using SkiaSharp;

namespace EosSweep.Tests.Analysis;

/// <summary>Checks that a written figure is a real, decodable image.</summary>
internal static class FigureAssert
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The file starts with the PNG signature and an IHDR of the given size, and Skia decodes it.</summary>
    public static void ValidPng(string path, int width, int height)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 1000, $"{path} is only {bytes.Length} bytes");
        Assert.Equal(PngSignature, bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
        using var bitmap = SKBitmap.Decode(path);
        Assert.NotNull(bitmap);
        Assert.Equal(width, bitmap.Width);
        Assert.Equal(height, bitmap.Height);
    }

    /// <summary>The file parses as XML with an &lt;svg&gt; root and holds text (so a font was found).</summary>
    public static void ValidSvg(string path)
    {
        var doc = XDocument.Load(path);
        Assert.NotNull(doc.Root);
        Assert.Equal("svg", doc.Root.Name.LocalName);
        var texts = doc.Descendants().Where(e => e.Name.LocalName == "text").ToList();
        Assert.NotEmpty(texts);
        Assert.Contains(texts, t => !string.IsNullOrWhiteSpace(t.Value));
    }
}
