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
        var normalised = Normalise(text);
        var bytes = Encoding.UTF8.GetBytes(normalised);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes, hash);
        return Convert.ToHexStringLower(hash[..16]);
    }

    /// <summary>Hash of a headline-only item: its outlet takes part, since one headline alone is weak evidence of one document.</summary>
    public static string ComputeHeadline(string? outlet, string title) => Compute($"{outlet}\u0001{title}");

    internal static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c switch
            {
                '\u2018' or '\u2019' or '\u201A' or '\u2032' or '`' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u2033' or '\u00AB' or '\u00BB' => '"',
                '\u2013' or '\u2014' or '\u2212' => '-',
                _ => char.ToLowerInvariant(c),
            });
        }

        return builder.ToString();
    }
}
