using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Storyline.Reading.Feeds;

/// <summary>
/// A feed's text fields as plain text: markup removed (block elements become paragraph breaks), entities decoded,
/// whitespace collapsed within paragraphs; and plain text as HTML, for fields a feed gave as text.
/// </summary>
internal static partial class FeedText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "table",
        "section", "article", "header", "footer", "figure", "figcaption", "hr", "dl", "dt", "dd", "aside",
    };

    private static readonly HashSet<string> Hidden = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "noscript", "template", "iframe", "object" };

    /// <summary>Plain text of an HTML fragment: paragraphs separated by a blank line; null for null.</summary>
    public static string? FromHtml(string? html)
    {
        if (html is null)
        {
            return null;
        }

        if (html.IndexOf('<', StringComparison.Ordinal) < 0)
        {
            return Collapse(html.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(html) : html);
        }

        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        var document = parser.ParseDocument("<!DOCTYPE html><html><body></body></html>");
        var nodes = parser.ParseFragment(html, document.Body!);
        var text = new StringBuilder(html.Length);
        foreach (var node in nodes)
        {
            Append(node, text, 0);
        }

        return Paragraphs(text.ToString());
    }

    /// <summary>Plain text made safe to show as HTML, with its line breaks kept as paragraphs.</summary>
    public static string ToHtml(string text)
    {
        var paragraphs = text.Split(["\r\n\r\n", "\n\n"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join("\n", paragraphs.Select(p => "<p>" + WebUtility.HtmlEncode(p) + "</p>"));
    }

    /// <summary>Whitespace runs collapsed to one space, ends trimmed.</summary>
    public static string Collapse(string text)
    {
        var collapsed = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = collapsed.Length > 0;
                continue;
            }

            if (space)
            {
                collapsed.Append(' ');
                space = false;
            }

            collapsed.Append(c);
        }

        return collapsed.ToString();
    }

    private static void Append(INode node, StringBuilder text, int depth)
    {
        if (depth > 256)
        {
            return;
        }

        switch (node)
        {
            case IText t:
                text.Append(t.Data);
                break;
            case IElement e when Hidden.Contains(e.LocalName):
                break;
            case IElement e:
                var block = Blocks.Contains(e.LocalName);
                if (block)
                {
                    text.Append(e.LocalName is "br" ? "\n" : "\n\n");
                }

                foreach (var child in e.ChildNodes)
                {
                    Append(child, text, depth + 1);
                }

                if (block && e.LocalName is not "br")
                {
                    text.Append("\n\n");
                }

                break;
            default:
                break;
        }
    }

    /// <summary>Plain text normalised as <see cref="FromHtml"/> leaves it: paragraphs kept, whitespace within them collapsed.</summary>
    public static string FromPlain(string text) => Paragraphs(text.Replace("\r\n", "\n", StringComparison.Ordinal));

    /// <summary>Collapses each paragraph (blank-line separated) and drops empty ones; single line breaks become spaces.</summary>
    private static string Paragraphs(string text)
    {
        var paragraphs = new List<string>();
        foreach (var block in ParagraphBreak().Split(text))
        {
            var collapsed = Collapse(block);
            if (collapsed.Length > 0)
            {
                paragraphs.Add(collapsed);
            }
        }

        return string.Join("\n\n", paragraphs);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\n[ \t\r\f\v]*\n", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ParagraphBreak();
}
