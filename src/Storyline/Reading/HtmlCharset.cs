using System.Text;
using System.Text.RegularExpressions;

namespace Storyline.Reading;

/// <summary>Decodes HTML bytes by the HTML rules that matter in practice: BOM, then a meta charset in the first bytes, then UTF-8.</summary>
internal static partial class HtmlCharset
{
    private const int PrescanBytes = 4096;

    /// <summary>Decodes an HTML page; <paramref name="declared"/> is a charset from outside the page (HTTP header), if any.</summary>
    public static string Decode(byte[] bytes, string? declared = null)
    {
        var (bom, bomLength) = TextDecoding.DetectBom(bytes);
        if (bom is not null)
        {
            return bom.GetString(bytes, bomLength, bytes.Length - bomLength);
        }

        var encoding = (declared is null ? null : TextDecoding.ByName(declared)) ?? FromMeta(bytes);
        if (encoding is null || encoding.CodePage == Encoding.UTF8.CodePage)
        {
            // UTF-8 is the fallback (the web's default); invalid bytes become U+FFFD rather than failing.
            return Encoding.UTF8.GetString(bytes);
        }

        return encoding.GetString(bytes);
    }

    private static Encoding? FromMeta(byte[] bytes)
    {
        // ASCII-compatible pre-scan, as browsers do: charset names are ASCII.
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, PrescanBytes));
        var match = MetaCharset().Match(head);
        if (!match.Success)
        {
            return null;
        }

        var encoding = TextDecoding.ByName(match.Groups["cs"].Value);

        // A page that says UTF-16 in a meta tag is ASCII-compatible by construction, so it lies (HTML spec: treat as UTF-8).
        return encoding is UnicodeEncoding ? Encoding.UTF8 : encoding;
    }

    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?(?<cs>[A-Za-z0-9_:.\-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();
}
