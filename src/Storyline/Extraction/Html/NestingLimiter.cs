using System.Text;

namespace Storyline.Extraction.Html;

/// <summary>
/// Caps element nesting before parsing. HTML tree building checks the stack of open elements for
/// each tag, so a page nested 100,000 deep costs quadratic time; no real page nests beyond a few
/// hundred. Opening tags past <see cref="MaxDepth"/> and their closing tags are dropped (the text
/// stays). Elements whose end tag is implied by the next one (p, li, td…) and void elements are not
/// counted; everything the parser keeps open is: a non-void element written self-closing (<c>&lt;div/&gt;</c>
/// is an open div to the parser; only inside svg and math does the slash close it), and ruby parts
/// (rt, rp, rb, rtc) outside a ruby element, where nothing ends them.
/// </summary>
internal static class NestingLimiter
{
    public const int MaxDepth = 1_000;

    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param",
        "keygen", "frame", "basefont", "bgsound", "image",
    };

    private static readonly HashSet<string> ImpliedEnd = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "li", "dt", "dd", "td", "th", "tr", "tbody", "thead", "tfoot", "option", "optgroup",
        "html", "head", "body", "colgroup", "caption",
    };

    private static readonly HashSet<string> RubyParts = new(StringComparer.OrdinalIgnoreCase) { "rb", "rt", "rp", "rtc" };

    /// <summary>The HTML as is when it nests less than <see cref="MaxDepth"/>; otherwise with the excess tags removed.</summary>
    public static string Limit(string html)
    {
        if (!NestsTooDeep(html))
        {
            return html;
        }

        var output = new StringBuilder(html.Length);
        var depth = new Depth();
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

            var keep = true;
            var step = depth.Step(TagOf(html, lt, gt), allowOpen: depth.Open < MaxDepth);
            if (step == Change.Refused)
            {
                excess++;
                keep = false;
            }
            else if (step == Change.Close && excess > 0)
            {
                depth.Undo(TagOf(html, lt, gt));
                excess--;
                keep = false;
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

        var depth = new Depth();
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

            depth.Step(TagOf(html, lt, gt), allowOpen: true);
            if (depth.Open > MaxDepth)
            {
                return true;
            }

            i = gt + 1;
        }

        return false;
    }

    private static Tag TagOf(string html, int lt, int gt)
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
            return default;
        }

        var name = html[start..end];
        if (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase))
        {
            // Their content is raw text; nesting inside does not count and closing tags are matched by the parser.
            return default;
        }

        return new Tag(name, closing, html[gt - 1] == '/');
    }

    private readonly record struct Tag(string? Name, bool Closing, bool SelfClosing);

    private enum Change
    {
        None,
        Open,
        Close,
        Refused,
    }

    /// <summary>An upper bound on the parser's stack of open elements, tag by tag.</summary>
    private struct Depth
    {
        private int _foreign;
        private int _ruby;

        /// <summary>Elements counted open.</summary>
        public int Open { get; private set; }

        /// <summary>Takes a tag in: an open counted (or refused when <paramref name="allowOpen"/> is false), a close, or nothing.</summary>
        public Change Step(Tag tag, bool allowOpen)
        {
            if (!Counts(tag))
            {
                return Change.None;
            }

            if (tag.Closing)
            {
                if (Open == 0)
                {
                    return Change.None;
                }

                Open--;
                Track(tag.Name!, -1);
                return Change.Close;
            }

            if (!allowOpen)
            {
                return Change.Refused;
            }

            Open++;
            Track(tag.Name!, +1);
            return Change.Open;
        }

        /// <summary>Takes back a close <see cref="Step"/> counted, for a closing tag that is dropped with its dropped open.</summary>
        public void Undo(Tag tag)
        {
            Open++;
            Track(tag.Name!, +1);
        }

        private readonly bool Counts(Tag tag) =>
            tag.Name is { } name
            && !Void.Contains(name)
            && !ImpliedEnd.Contains(name)
            && !(RubyParts.Contains(name) && _ruby > 0)
            && !(tag.SelfClosing && !tag.Closing && _foreign > 0);

        private void Track(string name, int change)
        {
            if (name.Equals("svg", StringComparison.OrdinalIgnoreCase) || name.Equals("math", StringComparison.OrdinalIgnoreCase))
            {
                _foreign = Math.Max(0, _foreign + change);
            }
            else if (name.Equals("ruby", StringComparison.OrdinalIgnoreCase))
            {
                _ruby = Math.Max(0, _ruby + change);
            }
        }
    }
}
