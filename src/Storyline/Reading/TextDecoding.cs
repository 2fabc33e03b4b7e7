using System.Text;

namespace Storyline.Reading;

/// <summary>Byte-to-string decoding shared by the readers: BOMs, strict UTF-8 with a Windows-1252 fallback, binary sniffing.</summary>
internal static class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The encoding named by a BOM at the start of <paramref name="bytes"/>, and the BOM's length.</summary>
    public static (Encoding? Encoding, int BomLength) DetectBom(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (Encoding.UTF8, 3);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode, 2);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode, 2);
        }

        return (null, 0);
    }

    /// <summary>An encoding by its IANA or Windows name, or null when unknown.</summary>
    public static Encoding? ByName(string name)
    {
        try
        {
            return Encoding.GetEncoding(name.Trim().Trim('"', '\''));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// True when the bytes look like a binary file rather than text: a NUL byte, or many control
    /// characters, in the first 8 KiB. UTF-16 text (which has NULs) must be detected by BOM first.
    /// </summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 8192)];
        if (sample.IndexOf((byte)0) >= 0)
        {
            return true;
        }

        var controls = 0;
        foreach (var b in sample)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C))
            {
                controls++;
            }
        }

        return sample.Length > 0 && controls * 20 > sample.Length;
    }

    /// <summary>Decodes text with no declared charset: BOM, else UTF-8 if valid, else Windows-1252.</summary>
    public static string DecodeUndeclared(byte[] bytes)
    {
        var (bom, bomLength) = DetectBom(bytes);
        if (bom is not null)
        {
            return bom.GetString(bytes, bomLength, bytes.Length - bomLength);
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252).GetString(bytes);
        }
    }
}
