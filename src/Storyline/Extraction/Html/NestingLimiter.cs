using System.Text;

namespace Storyline.Extraction.Html;

/// <summary>
/// Caps element nesting before parsing. HTML tree building checks the stack of open elements for
/// each tag, so a page nested 100,000 deep costs quadratic time; no real page nests beyond a few
/// hundred. Opening tags past <see cref="MaxDepth"/> and their closing tags are dropped (the text
/// stays). Elements whose end tag may be implied (p, li, td…) and void elements are not counted.
/// </summary>
internal static class NestingLimiter
{
    public const int MaxDepth = 1_000;

    private static readonly HashSet<string> Uncounted = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param",
        "p", "li", "dt", "dd", "td", "th", "tr", "tbody", "thead", "tfoot", "option", "optgroup", "rb", "rt", "rp",
        "html", "head", "body", "colgroup", "caption",
    };

    /// <summary>The HTML as is when it nests less than <see cref="MaxDepth"/>; otherwise with the excess tags removed.</summary>
    public static string Limit(string html)
    {
        if (!NestsTooDeep(html))
        {
            return html;
        }

        var output = new StringBuilder(html.Length);
        var depth = 0;
        var excess = 0;
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0)
            {
                output.Append(html, i, html.Length - i);
                break;
            }

            output.Append(html, i, lt - i);
            var gt = html.IndexOf('>', lt + 1);
            if (gt < 0)
            {
                output.Append(html, lt, html.Length - lt);
                break;
            }

            var (name, closing, selfClosing) = TagOf(html, lt, gt);
            var keep = true;
            if (name is not null && !Uncounted.Contains(name) && !selfClosing)
            {
                if (!closing)
                {
                    if (depth >= MaxDepth)
                    {
                        excess++;
                        keep = false;
                    }
                    else
                    {
                        depth++;
                    }
                }
                else if (excess > 0)
                {
                    excess--;
                    keep = false;
                }
                else if (depth > 0)
                {
                    depth--;
                }
            }

            if (keep)
            {
                output.Append(html, lt, gt - lt + 1);
            }

            i = gt + 1;
        }

        return output.ToString();
    }

    private static bool NestsTooDeep(string html)
    {
        // Quick bound first: fewer tags than the limit cannot nest past it.
        var tags = 0;
        foreach (var c in html)
        {
            if (c == '<' && ++tags > MaxDepth)
            {
                break;
            }
        }

        if (tags <= MaxDepth)
        {
            return false;
        }

        var depth = 0;
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0)
            {
                break;
            }

            var gt = html.IndexOf('>', lt + 1);
            if (gt < 0)
            {
                break;
            }

            var (name, closing, selfClosing) = TagOf(html, lt, gt);
            if (name is not null && !Uncounted.Contains(name) && !selfClosing)
            {
                depth += closing ? (depth > 0 ? -1 : 0) : 1;
                if (depth > MaxDepth)
                {
                    return true;
                }
            }

            i = gt + 1;
        }

        return false;
    }

    private static (string? Name, bool Closing, bool SelfClosing) TagOf(string html, int lt, int gt)
    {
        var start = lt + 1;
        var closing = start < gt && html[start] == '/';
        if (closing)
        {
            start++;
        }

        var end = start;
        while (end < gt && (char.IsAsciiLetterOrDigit(html[end]) || html[end] == '-'))
        {
            end++;
        }

        if (end == start || !char.IsAsciiLetter(html[start]))
        {
            return (null, false, false);
        }

        var name = html[start..end];
        if (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase))
        {
            // Their content is raw text; nesting inside does not count and closing tags are matched by the parser.
            return (null, false, false);
        }

        return (name, closing, html[gt - 1] == '/');
    }
}
