using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Storyline.Bench.PlainText;

/// <summary>
/// Turns an HTML page into the plain-text dump a user gets by selecting the page and copying it: the
/// visible text only (scripts, styles, forms' hidden parts and <c>hidden</c>/<c>display:none</c>
/// elements dropped), a line break around every block element and a blank line around every
/// paragraph and heading, like the browser's <c>innerText</c>. Nothing of the markup survives: the
/// dump is all the cleaner sees.
/// </summary>
internal static class PageDump
{
    private static readonly HashSet<string> Invisible = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "head", "svg", "canvas", "iframe", "object", "embed", "video", "audio",
        "select", "option", "textarea", "input", "math", "map", "dialog",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "div", "section", "article", "main", "header", "footer", "nav", "aside", "ul", "ol", "li", "dl", "dt", "dd",
        "table", "thead", "tbody", "tfoot", "tr", "form", "fieldset", "figure", "figcaption", "address", "center",
        "details", "summary", "hr", "body", "html", "menu", "caption", "legend", "button", "label",
    };

    private static readonly HashSet<string> Spaced = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
    };

    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    /// <summary>The page's visible text, one line per block, blank lines around paragraphs.</summary>
    public static string Of(string html)
    {
        using var document = Parser.ParseDocument(html);
        var output = new StringBuilder();
        var pendingBreaks = 0;
        var lineHasText = false;

        void Break(int count) => pendingBreaks = Math.Max(pendingBreaks, count);

        // Iterative walk: pages nest arbitrarily deep. A null marks the end of an element's children.
        var stack = new Stack<(INode? Node, IElement? Closing)>();
        if (document.Body is { } body)
        {
            stack.Push((body, null));
        }

        while (stack.Count > 0)
        {
            var (node, closing) = stack.Pop();
            if (node is null)
            {
                Break(BreaksOf(closing!));
                continue;
            }

            if (node is IText text)
            {
                var data = text.Data;
                foreach (var c in data)
                {
                    if (char.IsWhiteSpace(c))
                    {
                        if (lineHasText && output.Length > 0 && output[^1] != ' ' && pendingBreaks == 0)
                        {
                            output.Append(' ');
                        }

                        continue;
                    }

                    if (pendingBreaks > 0)
                    {
                        TrimTrailingSpace(output);
                        if (output.Length > 0)
                        {
                            output.Append('\n', pendingBreaks);
                        }

                        pendingBreaks = 0;
                        lineHasText = false;
                    }

                    output.Append(c);
                    lineHasText = true;
                }

                continue;
            }

            if (node is not IElement element || Invisible.Contains(element.LocalName) || IsHidden(element))
            {
                continue;
            }

            if (element.LocalName == "br")
            {
                Break(1);
                continue;
            }

            if (element.LocalName is "td" or "th" && lineHasText && pendingBreaks == 0)
            {
                output.Append(' ');
            }

            Break(BreaksOf(element));
            stack.Push((null, element));
            for (var child = element.LastChild; child is not null; child = child.PreviousSibling)
            {
                stack.Push((child, null));
            }
        }

        TrimTrailingSpace(output);
        return output.ToString();
    }

    private static int BreaksOf(IElement element) =>
        Spaced.Contains(element.LocalName) ? 2 : Blocks.Contains(element.LocalName) ? 1 : 0;

    private static bool IsHidden(IElement element)
    {
        if (element.HasAttribute("hidden") || element.GetAttribute("aria-hidden") == "true")
        {
            return true;
        }

        var style = element.GetAttribute("style");
        return style is not null && style.Replace(" ", "", StringComparison.Ordinal).Contains("display:none", StringComparison.OrdinalIgnoreCase);
    }

    private static void TrimTrailingSpace(StringBuilder output)
    {
        while (output.Length > 0 && output[^1] == ' ')
        {
            output.Length--;
        }
    }
}
