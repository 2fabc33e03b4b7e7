using System.Text;
using System.Text.RegularExpressions;

namespace Storyline.Reading.Feeds;

/// <summary>
/// Reads the value of a feed element as HTML and plain text: Atom text constructs (type text, html, xhtml, XML
/// and other media types, Atom 0.3's escaped and base64 modes) and RSS fields (HTML by custom); and author names
/// from the forms feeds write them in ("me@example.com (Jane Doe)", "Jane Doe &lt;me@example.com&gt;").
/// </summary>
internal static partial class FeedConstructs
{
    /// <summary>An element's value: its HTML, and its plain text; both null for a missing element.</summary>
    public readonly record struct Value(string? Html, string? Text)
    {
        public static Value Missing => default;

        public static Value OfHtml(string html) => new(html, FeedText.FromHtml(html));

        public static Value OfText(string text)
        {
            var plain = FeedText.FromPlain(text);
            return new(FeedText.ToHtml(plain), plain);
        }
    }

    /// <summary>An Atom text construct (<c>title</c>, <c>summary</c>, <c>content</c>…).</summary>
    public static Value Atom(FeedNode? node)
    {
        if (node is null)
        {
            return Value.Missing;
        }

        var type = (node.Attribute("type") ?? "text").Trim().ToLowerInvariant();
        var mode = node.Attribute("mode")?.Trim().ToLowerInvariant();
        var htmlType = type is "html" or "text/html";
        var textType = type is "text" or "text/plain";
        var xmlType = type is "xhtml" or "application/xhtml+xml" || type.EndsWith("+xml", StringComparison.Ordinal) || type.EndsWith("/xml", StringComparison.Ordinal);
        if (mode == "base64" || (mode is null && !htmlType && !textType && !xmlType && !type.StartsWith("text/", StringComparison.Ordinal)))
        {
            var decoded = Base64(node.Text());
            if (decoded is not null)
            {
                // Base64 text is HTML unless the type says plain text explicitly (Atom 0.3's implied text/plain is not kept).
                return node.Attribute("type") is not null && textType ? Value.OfText(decoded) : Value.OfHtml(decoded);
            }
        }

        var hasElements = node.Elements().Any();
        if (mode == "escaped" || htmlType)
        {
            return textType ? Value.OfText(node.Text()) : Value.OfHtml(node.Text());
        }

        if (xmlType || hasElements)
        {
            return Value.OfHtml(node.InnerMarkup());
        }

        return Value.OfText(node.Text());
    }

    /// <summary>An RSS field: HTML by custom (escaped or in CDATA), inline markup serialised.</summary>
    public static Value Rss(FeedNode? node)
    {
        if (node is null)
        {
            return Value.Missing;
        }

        return node.Elements().Any() ? Value.OfHtml(node.InnerMarkup()) : Value.OfHtml(node.Text());
    }

    /// <summary>The name in an author field, or null when it names only an address.</summary>
    public static string? AuthorName(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var text = FeedText.Collapse(raw);
        var parenthesised = NameInParentheses().Match(text);
        if (parenthesised.Success)
        {
            return parenthesised.Groups["name"].Value.Trim();
        }

        var before = NameBeforeParenthesisedAddress().Match(text);
        if (before.Success)
        {
            return before.Groups["name"].Value.Trim();
        }

        var angled = NameBeforeAddress().Match(text);
        if (angled.Success)
        {
            return angled.Groups["name"].Value.Trim().Trim('"');
        }

        return EmailOnly().IsMatch(text) ? null : text;
    }

    private static string? Base64(string text)
    {
        var compact = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                compact.Append(c);
            }
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(compact.ToString()));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^\S+@\S+\s*\((?<name>[^)]+)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex NameInParentheses();

    [GeneratedRegex(@"^(?<name>[^(]+?)\s*\(\s*(mailto:)?[^\s()]+@[^\s()]+\s*\)$", RegexOptions.CultureInvariant)]
    private static partial Regex NameBeforeParenthesisedAddress();

    [GeneratedRegex(@"^(?<name>[^<]+?)\s*<[^>]*@[^>]*>$", RegexOptions.CultureInvariant)]
    private static partial Regex NameBeforeAddress();

    [GeneratedRegex(@"^(mailto:)?[^\s@]+@[^\s@]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailOnly();
}
