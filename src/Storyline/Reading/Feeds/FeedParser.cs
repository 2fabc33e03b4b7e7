using System.Text;
using System.Text.RegularExpressions;

namespace Storyline.Reading.Feeds;

/// <summary>
/// Reads a feed document — RSS 0.9x/1.0/2.0, Atom 0.3/1.0 or JSON Feed 1.0/1.1 — as leniently as real feeds need:
/// wrong or missing encodings, undeclared entities and prefixes, HTML in titles, CDATA, escaped and base64 content,
/// xml:base and relative links, xml:lang, dates in any common form. Never throws on hostile content: what cannot be
/// read is listed in <see cref="ParsedFeed.Problems"/>, and a document that breaks off keeps the entries before the
/// break. Hand-written over <see cref="System.Xml.XmlReader"/> because the NuGet libraries fail whole documents on
/// the errors real feeds have (docs/DECISIONS.md).
/// </summary>
public static partial class FeedParser
{
    /// <summary>Documents larger than this are refused (the fetcher's body limit).</summary>
    public const int MaxBytes = 15 * 1024 * 1024;

    /// <summary>Parses a feed from its bytes.</summary>
    /// <param name="bytes">The document as received.</param>
    /// <param name="location">Its URL or path: the base for relative links when the feed gives none.</param>
    /// <param name="declaredCharset">The charset the server declared (Content-Type), if any.</param>
    public static ParsedFeed Parse(ReadOnlySpan<byte> bytes, string? location = null, string? declaredCharset = null)
    {
        var problems = new List<string>();
        if (bytes.Length > MaxBytes)
        {
            problems.Add($"larger than {MaxBytes / (1024 * 1024)} MB");
            return new ParsedFeed { Problems = problems };
        }

        var text = Decode(bytes, declaredCharset, problems);
        return ParseText(text, location, problems);
    }

    /// <summary>Parses a feed already decoded to text.</summary>
    public static ParsedFeed Parse(string text, string? location = null) => ParseText(text, location, []);

    private static ParsedFeed ParseText(string text, string? location, List<string> problems)
    {
        var start = text.AsSpan().TrimStart();
        if (start.Length == 0)
        {
            problems.Add("empty document");
            return new ParsedFeed { Problems = problems };
        }

        if (start[0] is '{' or '[')
        {
            return JsonFeedMapper.Map(text, location, problems);
        }

        var documentBase = location is not null && Uri.TryCreate(location, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? location : null;
        var root = FeedXmlTree.Build(text, documentBase, problems);
        if (root is null)
        {
            return new ParsedFeed { Problems = problems };
        }

        switch (root.Name)
        {
            case "rss" or "RDF" or "channel":
                return RssFeedMapper.Map(root, problems);
            case "feed":
                return AtomFeedMapper.Map(root, problems);
            default:
                problems.Add($"not a feed: the document is <{root.Name}>");
                return new ParsedFeed { Problems = problems };
        }
    }

    /// <summary>
    /// Bytes to text: a BOM wins, then the XML declaration, then the server's charset, then UTF-8; text that is not
    /// valid in the encoding it claims (a "UTF-8" feed written in Windows-1252) is read as Windows-1252.
    /// </summary>
    private static string Decode(ReadOnlySpan<byte> bytes, string? declaredCharset, List<string> problems)
    {
        var (bom, bomLength) = TextDecoding.DetectBom(bytes);
        if (bom is not null)
        {
            return bom.GetString(bytes[bomLength..]);
        }

        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 512)]);
        var declared = XmlEncoding().Match(head) is { Success: true } m ? m.Groups["enc"].Value : declaredCharset;
        var encoding = declared is null ? null : TextDecoding.ByName(declared);
        if (declared is not null && encoding is null)
        {
            problems.Add($"unknown encoding '{declared}'; read as UTF-8");
        }

        // A UTF-16 declaration without a BOM on bytes that have no NULs is a transcoded document that kept its old declaration.
        if (encoding is null || encoding.CodePage == Encoding.UTF8.CodePage || (encoding.CodePage is 1200 or 1201 && bytes.IndexOf((byte)0) < 0))
        {
            try
            {
                return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                problems.Add("not valid UTF-8; read as Windows-1252");
                return TextDecoding.ByName("windows-1252")!.GetString(bytes);
            }
        }

        return encoding.GetString(bytes);
    }

    [GeneratedRegex(@"^\s*<\?xml[^>]*?encoding\s*=\s*[""'](?<enc>[A-Za-z0-9._:\-]+)[""']", RegexOptions.CultureInvariant)]
    private static partial Regex XmlEncoding();
}
