using System.Buffers.Binary;

namespace Storyline.Reading;

/// <summary>
/// Detects truncated gzip files. .NET's <c>GZipStream</c> ends quietly at a cut-off stream, so the
/// decompressed length is checked against the ISIZE field of the gzip trailer (RFC 1952).
/// </summary>
internal static class GzipTrailer
{
    /// <summary>True when the trailer agrees with <paramref name="decompressedLength"/>, or the file has several gzip members (whose sizes one trailer cannot confirm).</summary>
    public static bool Matches(FileStream file, long decompressedLength)
    {
        if (file.Length < 18)
        {
            return false;
        }

        Span<byte> trailer = stackalloc byte[4];
        file.Seek(-4, SeekOrigin.End);
        file.ReadExactly(trailer);
        var declared = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        return declared == (uint)decompressedLength || HasSecondMember(file);
    }

    private static bool HasSecondMember(FileStream file)
    {
        file.Seek(10, SeekOrigin.Begin);
        var buffer = new byte[81920];
        var carry = 0;
        int read;
        while ((read = file.Read(buffer, carry, buffer.Length - carry)) > 0)
        {
            var span = buffer.AsSpan(0, carry + read);
            if (span.IndexOf((ReadOnlySpan<byte>)[0x1F, 0x8B, 0x08]) >= 0)
            {
                return true;
            }

            carry = Math.Min(2, span.Length);
            span[^carry..].CopyTo(buffer);
        }

        return false;
    }
}
