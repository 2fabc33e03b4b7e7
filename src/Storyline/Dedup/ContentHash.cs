using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Storyline.Dedup;

/// <summary>
/// The identity of an article's content for exact-duplicate detection: a hash of its text with case,
/// whitespace, quotation-mark and dash variants folded, so that a re-encoded or re-wrapped copy is
/// still the same document.
/// </summary>
public static class ContentHash
{
    /// <summary>Hex SHA-256 (first 128 bits) of the normalised <paramref name="text"/>.</summary>
    public static string Compute(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Normalised and encoded in pooled buffers: the article-sized string and byte array per article
        // were garbage at once.
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(text.Length, 1));
        var length = Normalise(text, chars);
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(length));
        var count = Encoding.UTF8.GetBytes(chars.AsSpan(0, length), bytes);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes.AsSpan(0, count), hash);
        ArrayPool<byte>.Shared.Return(bytes);
        ArrayPool<char>.Shared.Return(chars);
        return Convert.ToHexStringLower(hash[..16]);
    }

    /// <summary>Hash of a headline-only item: its outlet takes part, since one headline alone is weak evidence of one document.</summary>
    public static string ComputeHeadline(string? outlet, string title) => Compute($"{outlet}\u0001{title}");

    /// <summary>Writes the normalised text into <paramref name="buffer"/> (at least as long as the text); returns its length.</summary>
    private static int Normalise(string text, Span<char> buffer)
    {
        var length = 0;
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = length > 0;
                continue;
            }

            if (pendingSpace)
            {
                buffer[length++] = ' ';
                pendingSpace = false;
            }

            buffer[length++] = c switch
            {
                '\u2018' or '\u2019' or '\u201A' or '\u2032' or '`' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u2033' or '\u00AB' or '\u00BB' => '"',
                '\u2013' or '\u2014' or '\u2212' => '-',
                _ => char.ToLowerInvariant(c),
            };
        }

        return length;
    }
}
