using AngleSharp.Dom;

namespace Storyline.Extraction.Html;

/// <summary>Per-element text statistics, computed bottom-up in one iterative pass.</summary>
internal sealed class Stats
{
    private readonly Dictionary<IElement, Entry> _entries = [];

    /// <summary>Text, link text and direct text (non-space characters) and commas of one element's subtree.</summary>
    internal readonly record struct Entry(int Text, int LinkText, int OwnText, int Commas, int Prose = 0, int Teasers = 0)
    {
        public double LinkDensity => Text == 0 ? 0 : (double)LinkText / Text;
    }

    public IEnumerable<KeyValuePair<IElement, Entry>> All => _entries;

    public Entry Get(IElement element) => _entries.GetValueOrDefault(element);

    public static Stats Compute(IElement root)
    {
        var stats = new Stats();
        var stack = new Stack<(IElement Element, bool Done)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (element, done) = stack.Pop();
            if (!done)
            {
                stack.Push((element, true));
                if (element.LocalName is "script" or "style" or "noscript" or "template")
                {
                    continue;
                }

                for (var child = element.LastElementChild; child is not null; child = child.PreviousElementSibling)
                {
                    stack.Push((child, false));
                }

                continue;
            }

            int text = 0, link = 0, own = 0, commas = 0, prose = 0, teasers = 0;
            if (element.LocalName is not ("script" or "style" or "noscript" or "template"))
            {
                for (var child = element.FirstChild; child is not null; child = child.NextSibling)
                {
                    if (child is IText t)
                    {
                        var (chars, c) = Count(t.Data);
                        own += chars;
                        commas += c;
                    }
                    else if (child is IElement e && stats._entries.TryGetValue(e, out var entry))
                    {
                        text += entry.Text;
                        link += entry.LinkText;
                        commas += entry.Commas;
                        prose += entry.Prose;
                        teasers += entry.Teasers;
                        if (e.LocalName is "a" or "b" or "i" or "em" or "strong" or "span" or "u" or "small" or "sup" or "sub" or "mark" or "abbr" or "cite" or "q" or "time" or "font" or "code")
                        {
                            own += entry.Text;
                        }
                    }
                }
            }

            text += CountOwnTextOnly(element, own);
            if (element.LocalName == "a")
            {
                link = text;
            }

            // Prose: text of paragraphs long enough and with few links to read as running text.
            var isParagraph = element.LocalName is "p" or "blockquote" or "pre" or "li" or "dd" || (own >= 80 && element.LocalName is "div" or "section" or "td");
            if (isParagraph && text >= 80 && link < 0.3 * text)
            {
                prose = text;
            }

            // Teasers: nested <article> elements and headings that are links (lists of other stories).
            if (element.LocalName == "article" || (element.LocalName is "h2" or "h3" or "h4" or "h5" && text > 0 && link >= 0.8 * text))
            {
                teasers = 1;
            }

            stats._entries[element] = new Entry(text, link, own, commas, prose, teasers);
        }

        return stats;
    }

    // Own text already includes inline children's text; only the direct text nodes are new to the total.
    private static int CountOwnTextOnly(IElement element, int own)
    {
        var direct = 0;
        for (var child = element.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is IText t)
            {
                direct += Count(t.Data).Chars;
            }
        }

        return element.LocalName is "script" or "style" or "noscript" or "template" ? 0 : Math.Min(direct, own);
    }

    private static (int Chars, int Commas) Count(string data)
    {
        int chars = 0, commas = 0;
        foreach (var c in data)
        {
            if (!char.IsWhiteSpace(c))
            {
                chars++;
                if (c is ',' or '，' or '、' or '،')
                {
                    commas++;
                }
            }
        }

        return (chars, commas);
    }
}
