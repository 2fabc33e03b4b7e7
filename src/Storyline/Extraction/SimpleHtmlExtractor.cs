using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Storyline.Extraction;

/// <summary>
/// A first, simple main-text pull from HTML: title and metadata from the head, paragraphs from
/// <c>&lt;p&gt;</c> and heading elements outside navigation, header, footer and aside blocks (inside
/// <c>&lt;article&gt;</c> or <c>&lt;main&gt;</c> when the page has one). Walks the tree iteratively so
/// deeply nested pages cannot overflow the stack.
/// </summary>
internal sealed class SimpleHtmlExtractor
{
    private static readonly HashSet<string> SkippedElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button", "select",
        "iframe", "svg", "figure", "figcaption",
    };

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td",
    };

    private readonly HtmlParser _parser = new(new HtmlParserOptions { IsScripting = false });

    public HtmlPage Parse(string html)
    {
        using var document = _parser.ParseDocument(html);
        var root = (IElement?)document.QuerySelector("article") ?? document.QuerySelector("main") ?? document.Body;
        var paragraphs = root is null ? [] : CollectBlocks(root);
        return new HtmlPage(
            Title: Meta(document, "og:title") ?? Meta(document, "twitter:title") ?? NonEmpty(document.Title) ?? NonEmpty(document.QuerySelector("h1")?.TextContent),
            Published: Meta(document, "article:published_time") ?? Meta(document, "datePublished") ?? Meta(document, "date")
                ?? document.QuerySelector("time[datetime]")?.GetAttribute("datetime"),
            Url: document.QuerySelector("link[rel=canonical]")?.GetAttribute("href") ?? Meta(document, "og:url"),
            SiteName: Meta(document, "og:site_name"),
            Author: Meta(document, "author") ?? Meta(document, "article:author"),
            Language: NonEmpty(document.DocumentElement?.GetAttribute("lang")),
            Paragraphs: paragraphs);
    }

    private static List<string> CollectBlocks(IElement root)
    {
        var blocks = new List<string>();
        var stack = new Stack<INode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is not IElement element)
            {
                continue;
            }

            if (SkippedElements.Contains(element.LocalName))
            {
                continue;
            }

            if (BlockElements.Contains(element.LocalName) && !ContainsBlock(element))
            {
                var text = TextParagraphs.FoldWhitespace(TextOf(element));
                if (text.Length > 0)
                {
                    blocks.Add(text);
                }

                continue;
            }

            for (var child = element.LastChild; child is not null; child = child.PreviousSibling)
            {
                stack.Push(child);
            }
        }

        return blocks;
    }

    private static bool ContainsBlock(IElement element)
    {
        foreach (var descendant in Descendants(element))
        {
            if (descendant is IElement e && e != element && BlockElements.Contains(e.LocalName))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Text of an element's subtree, skipping scripts and styles; iterative.</summary>
    private static string TextOf(IElement element)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var node in Descendants(element))
        {
            if (node is IText text)
            {
                builder.Append(text.Data);
            }
            else if (node is IElement { LocalName: "br" })
            {
                builder.Append(' ');
            }
        }

        return builder.ToString();
    }

    private static IEnumerable<INode> Descendants(INode root)
    {
        var stack = new Stack<INode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            if (node is IElement e && e != root && e.LocalName is "script" or "style")
            {
                continue;
            }

            for (var child = node.LastChild; child is not null; child = child.PreviousSibling)
            {
                stack.Push(child);
            }
        }
    }

    private static string? Meta(IDocument document, string name)
    {
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return NonEmpty(meta.GetAttribute("content"));
            }
        }

        return null;
    }

    private static string? NonEmpty(string? value)
    {
        var folded = value is null ? null : TextParagraphs.FoldWhitespace(value);
        return string.IsNullOrEmpty(folded) ? null : folded;
    }
}

/// <summary>What <see cref="SimpleHtmlExtractor"/> found on a page.</summary>
internal sealed record HtmlPage(string? Title, string? Published, string? Url, string? SiteName, string? Author, string? Language, List<string> Paragraphs)
{
    /// <summary>Authors found as separate names (JSON-LD), when any.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>The outlet the page says it was first published by, when it says so.</summary>
    public string? SyndicationOrigin { get; init; }
}
