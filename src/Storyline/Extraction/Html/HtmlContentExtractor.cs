using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Storyline.Extraction.Html;

/// <summary>
/// Main-content extraction from HTML. Pruning of chrome by tag, role and class/id hints (guarded so
/// that a hinted wrapper holding most of the page's text survives), Readability-style scoring of
/// paragraphs passed up to their ancestors with a link-density penalty, sibling merging, explicit
/// article-body candidates, and relaxed retries (no hint pruning, then JSON-LD <c>articleBody</c>,
/// then every low-link block) when the output is short. Every walk is iterative: pages can nest
/// elements arbitrarily deep.
/// </summary>
internal sealed partial class HtmlContentExtractor
{
    private const int ShortOutput = 250;

    private static readonly HashSet<string> AlwaysDropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "video", "audio",
        "button", "input", "select", "textarea", "option", "nav", "figure", "figcaption", "picture", "img", "map",
        "dialog", "menu", "head", "link", "meta", "math", "source", "track", "label",
    };

    private static readonly HashSet<string> GuardedChromeTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "aside", "footer", "header", "form",
    };

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote",
        "pre", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "dd", "dt", "dl", "header", "footer", "figure", "hr",
        "address", "center", "details", "summary", "form", "fieldset", "caption", "body", "html", "aside", "nav",
    };

    private static readonly HashSet<string> Headings = new(StringComparer.OrdinalIgnoreCase) { "h1", "h2", "h3", "h4", "h5", "h6" };

    private readonly HtmlParser _parser = new(new HtmlParserOptions { IsScripting = false });

    public HtmlPage Parse(string html)
    {
        html = NestingLimiter.Limit(html);
        using var document = _parser.ParseDocument(html);
        var meta = HtmlMetadata.Read(document);
        var titles = meta.TitleCandidates;
        var paragraphs = Body(document, hints: true, titles);
        var evidence = meta.ArticleBody;
        var length = paragraphs.Sum(p => p.Length);
        if (length < ShortOutput || (evidence is not null && evidence.Length > 3 * Math.Max(length, 200)))
        {
            using var again = _parser.ParseDocument(html);
            var relaxed = Body(again, hints: false, titles);
            var relaxedLength = relaxed.Sum(p => p.Length);
            if (relaxedLength > 2 * Math.Max(length, 100) && (evidence is null || relaxedLength < 3 * evidence.Length))
            {
                paragraphs = relaxed;
                length = relaxedLength;
            }
        }

        if (evidence is not null && evidence.Length > 3 * Math.Max(length, 100))
        {
            paragraphs = TextParagraphs.Split(evidence.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "\n\n", StringComparison.Ordinal));
            length = evidence.Length;
        }

        if (length < ShortOutput && paragraphs.Count == 0)
        {
            paragraphs = AllBlocks(document);
        }

        return new HtmlPage(meta.Title, meta.Published, meta.Url, meta.SiteName, meta.Author, meta.Language, paragraphs)
        {
            Authors = meta.Authors,
            SyndicationOrigin = meta.SyndicationOrigin,
        };
    }

    private static List<string> Body(IDocument document, bool hints, IReadOnlyList<string> titles)
    {
        var body = document.Body;
        if (body is null)
        {
            return [];
        }

        var before = Stats.Compute(body);
        Prune(body, before, hints);
        var stats = Stats.Compute(body);
        var roots = SelectRoots(body, stats);
        var blocks = new List<Block>();
        foreach (var root in roots)
        {
            CollectBlocks(root, blocks);
        }

        return Filter(blocks, titles);
    }

    /// <summary>Removes chrome: always-dropped tags, hidden elements, chrome roles, and hinted elements not holding most of the text.</summary>
    private static void Prune(IElement body, Stats stats, bool hints)
    {
        var total = Math.Max(1, stats.Get(body).Text);
        var doomed = new List<IElement>();
        var stack = new Stack<IElement>();
        for (var child = body.LastElementChild; child is not null; child = child.PreviousElementSibling)
        {
            stack.Push(child);
        }

        while (stack.Count > 0)
        {
            var element = stack.Pop();
            if (ShouldDrop(element, stats.Get(element), total, hints))
            {
                doomed.Add(element);
                continue;
            }

            for (var child = element.LastElementChild; child is not null; child = child.PreviousElementSibling)
            {
                stack.Push(child);
            }
        }

        foreach (var element in doomed)
        {
            element.Remove();
        }
    }

    private static bool ShouldDrop(IElement element, Stats.Entry entry, int total, bool hints)
    {
        var name = element.LocalName;
        if (AlwaysDropped.Contains(name))
        {
            return true;
        }

        var big = entry.Text > 0.5 * total && entry.LinkDensity < 0.4;
        // React streams server-rendered parts into hidden "S:n" divs that a script moves into place: they are content.
        var streamed = element.Id is { Length: > 2 } id && id.StartsWith("S:", StringComparison.Ordinal);
        if (!big && !streamed && (element.HasAttribute("hidden") || IsHiddenStyle(element.GetAttribute("style")) || (element.GetAttribute("aria-hidden") == "true" && entry.Text < 200)))
        {
            return true;
        }

        if (GuardedChromeTags.Contains(name))
        {
            // A page laid out inside one of these (or one big form) keeps it, when it holds prose.
            return !(big && entry.Prose >= 0.3 * entry.Text) && !(name == "form" && entry.Text > 0.2 * total && entry.Prose >= 0.3 * entry.Text);
        }

        if (BoilerplateHints.IsChromeRole(element.GetAttribute("role")) && !big)
        {
            return true;
        }

        if (!hints || name is "body" or "html" or "main" or "article" or "p" or "h1" or "h2" or "h3" or "a" or "span" or "strong" or "em" or "b" or "i" or "u" or "small" or "sup" or "sub" or "mark" or "abbr" or "cite" or "q" or "time" or "font" or "code")
        {
            return false;
        }

        if (string.Equals(element.GetAttribute("itemprop"), "articleBody", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var kind = BoilerplateHints.Classify(element.GetAttribute("class"), element.Id);
        return kind switch
        {
            HintKind.Strong => !big,
            HintKind.StrongAndPositive => !big && (entry.LinkDensity > 0.3 || entry.Text < 0.1 * total),
            HintKind.Weak => !big && (entry.Text < 0.15 * total || entry.LinkDensity > 0.3),
            _ => false,
        };
    }

    private static bool IsHiddenStyle(string? style)
    {
        if (string.IsNullOrEmpty(style))
        {
            return false;
        }

        var compact = style.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        return compact.Contains("display:none", StringComparison.Ordinal) || compact.Contains("visibility:hidden", StringComparison.Ordinal);
    }

    /// <summary>Readability-style: scores paragraphs into ancestors, picks the best, merges good siblings.</summary>
    private static List<IElement> SelectRoots(IElement body, Stats stats)
    {
        var scores = new Dictionary<IElement, double>();
        foreach (var (element, entry) in stats.All)
        {
            if (!IsParagraphLike(element, entry))
            {
                continue;
            }

            var length = entry.OwnText > 0 && element.LocalName is "div" or "section" or "article" ? entry.OwnText : entry.Text;
            if (length < 25 || entry.LinkDensity > 0.5)
            {
                continue;
            }

            var score = 1 + entry.Commas + Math.Min(length / 100, 3);
            var level = 0;
            for (var ancestor = element.LocalName is "div" or "section" or "article" ? element : element.ParentElement; ancestor is not null && level < 5; ancestor = ancestor.ParentElement, level++)
            {
                if (!scores.TryGetValue(ancestor, out var current))
                {
                    current = InitialScore(ancestor);
                }

                var divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores[ancestor] = current + score / divider;
                if (ancestor == body)
                {
                    break;
                }
            }
        }

        if (scores.Count == 0)
        {
            return [body];
        }

        var ranked = scores.Select(kv => (Element: kv.Key, Score: kv.Value * (1 - stats.Get(kv.Key).LinkDensity)))
            .OrderByDescending(x => x.Score).Take(5).ToList();
        var top = ranked[0].Element;
        var topScore = ranked[0].Score;
        if (top == body)
        {
            return [body];
        }

        // Several strong candidates under one ancestor: the ancestor is the article.
        var alternatives = ranked.Skip(1).Where(r => r.Score >= 0.75 * topScore).Select(r => r.Element).ToList();
        if (alternatives.Count >= 2)
        {
            for (var parent = top.ParentElement; parent is not null && parent != body; parent = parent.ParentElement)
            {
                var contained = alternatives.Count(a => parent.Contains(a));
                if (contained >= 2)
                {
                    top = parent;
                    break;
                }
            }
        }

        // Walk up while the parent scores well (Readability's climb).
        var last = Score(scores, stats, top);
        var threshold = last / 3;
        for (var parent = top.ParentElement; parent is not null && parent != body; parent = parent.ParentElement)
        {
            if (!scores.ContainsKey(parent))
            {
                continue;
            }

            var parentScore = Score(scores, stats, parent);
            if (parentScore < threshold)
            {
                break;
            }

            if (parentScore > last)
            {
                top = parent;
                break;
            }

            last = parentScore;
        }

        // An only child is no better than its parent.
        while (top.ParentElement is { } only && only != body && only.ChildElementCount == 1 && stats.Get(only).Text <= stats.Get(top).Text + 20)
        {
            top = only;
        }

        top = PreferExplicitBody(top, stats);
        top = Widen(top, body, stats);
        var parentOfTop = top.ParentElement;
        if (parentOfTop is null)
        {
            return [top];
        }

        var result = new List<IElement>();
        var finalScore = Score(scores, stats, top);
        var siblingThreshold = Math.Max(10, finalScore * 0.2);
        var topClass = top.GetAttribute("class");
        for (var sibling = parentOfTop.FirstElementChild; sibling is not null; sibling = sibling.NextElementSibling)
        {
            if (sibling == top)
            {
                result.Add(sibling);
                continue;
            }

            var entry = stats.Get(sibling);
            var bonus = !string.IsNullOrEmpty(topClass) && sibling.GetAttribute("class") == topClass ? finalScore * 0.2 : 0;
            if (scores.ContainsKey(sibling) && Score(scores, stats, sibling) + bonus >= siblingThreshold)
            {
                result.Add(sibling);
            }
            else if (sibling.LocalName is "p" or "blockquote" or "pre" or "ul" or "ol")
            {
                if ((entry.Text > 80 && entry.LinkDensity < 0.25) || (entry.Text > 30 && entry.LinkDensity == 0 && EndsSentence(sibling)))
                {
                    result.Add(sibling);
                }
            }
        }

        return result;
    }

    /// <summary>Climbs to ancestors whose extra text reads like more of the article (little link text), so sectioned articles are kept whole.</summary>
    private static IElement Widen(IElement top, IElement body, Stats stats)
    {
        var inner = stats.Get(top);
        var best = top;
        for (var parent = top.ParentElement; parent is not null && parent != body; parent = parent.ParentElement)
        {
            var outer = stats.Get(parent);
            var extra = outer.Text - inner.Text;
            if (extra <= 0)
            {
                best = parent;
                continue;
            }

            var extraLinks = (double)(outer.LinkText - inner.LinkText) / extra;
            var extraProse = outer.Prose - inner.Prose;
            if (extraLinks > WidenLinkDensity || outer.Teasers - inner.Teasers >= 2)
            {
                break;
            }

            if (extraProse >= WidenGrowth * extra && extraProse >= 150)
            {
                best = parent;
            }
        }

        return best;
    }

    /// <summary>Most link text the extra part of a wider root may have.</summary>
    private const double WidenLinkDensity = 0.2;

    /// <summary>Least share of prose in the extra part of a wider root (0.5–0.75 score alike on the dev sets).</summary>
    private const double WidenGrowth = 0.6;

    /// <summary>An explicit body marker (itemprop=articleBody, a body class) inside or just above the chosen root wins when it holds most of its text.</summary>
    private static IElement PreferExplicitBody(IElement top, Stats stats)
    {
        var topText = stats.Get(top).Text;
        var stack = new Stack<IElement>();
        stack.Push(top);
        IElement? best = null;
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            if (element != top && IsExplicitBody(element))
            {
                var entry = stats.Get(element);
                if (entry.Text >= 0.7 * topText && (best is null || entry.Text < stats.Get(best).Text))
                {
                    best = element;
                }

                continue;
            }

            for (var child = element.FirstElementChild; child is not null; child = child.NextElementSibling)
            {
                if (stats.Get(child).Text >= 0.7 * topText)
                {
                    stack.Push(child);
                }
            }
        }

        return best ?? top;
    }

    private static bool IsExplicitBody(IElement element)
    {
        if (string.Equals(element.GetAttribute("itemprop"), "articleBody", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var classes = element.GetAttribute("class");
        return classes is not null && classes.Length < 200 && BodyClass().IsMatch(classes);
    }

    private static double Score(Dictionary<IElement, double> scores, Stats stats, IElement element) =>
        scores.GetValueOrDefault(element) * (1 - stats.Get(element).LinkDensity);

    private static bool IsParagraphLike(IElement element, Stats.Entry entry) => element.LocalName switch
    {
        "p" or "pre" or "td" or "blockquote" => true,
        "div" or "section" or "article" => entry.OwnText >= 25,
        _ => false,
    };

    private static double InitialScore(IElement element)
    {
        var score = element.LocalName switch
        {
            "div" or "article" or "section" or "main" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        if (string.Equals(element.GetAttribute("itemprop"), "articleBody", StringComparison.OrdinalIgnoreCase))
        {
            score += 25;
        }

        score += BoilerplateHints.Classify(element.GetAttribute("class"), element.Id) switch
        {
            HintKind.Positive => 25,
            HintKind.Strong or HintKind.Weak => -25,
            _ => 0,
        };
        return score;
    }

    private static bool EndsSentence(IElement element)
    {
        var text = TextOf(element).TrimEnd();
        return text.Length > 0 && text[^1] is '.' or '!' or '?' or '"' or '”' or ':' or '…';
    }

    /// <summary>The element's text (iterative).</summary>
    internal static string TextOf(IElement root)
    {
        var builder = new StringBuilder();
        var stack = new Stack<INode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is IText text)
            {
                builder.Append(text.Data);
                continue;
            }

            for (var child = node.LastChild; child is not null; child = child.PreviousSibling)
            {
                stack.Push(child);
            }
        }

        return TextParagraphs.FoldWhitespace(builder.ToString());
    }

    /// <summary>Text blocks in document order: a block element (or a break pair) ends a block.</summary>
    private static void CollectBlocks(IElement root, List<Block> blocks)
    {
        var current = new StringBuilder();
        var linkChars = 0;
        var linkDepth = 0;
        var headingDepth = 0;
        var listDepth = 0;
        var kind = BlockKind.Text;
        var pendingBreak = false;

        void Flush()
        {
            var text = TextParagraphs.FoldWhitespace(current.ToString());
            if (text.Length > 0)
            {
                blocks.Add(new Block(text, Math.Min(linkChars, text.Length), kind));
            }

            current.Clear();
            linkChars = 0;
            kind = headingDepth > 0 ? BlockKind.Heading : listDepth > 0 ? BlockKind.ListItem : BlockKind.Text;
            pendingBreak = false;
        }

        // (node, entering) pairs; exits are pushed before children.
        var stack = new Stack<(INode Node, bool Enter)>();
        stack.Push((root, true));
        while (stack.Count > 0)
        {
            var (node, enter) = stack.Pop();
            if (node is IText text)
            {
                if (enter)
                {
                    var data = text.Data;
                    if (pendingBreak && !string.IsNullOrWhiteSpace(data))
                    {
                        pendingBreak = false;
                    }

                    current.Append(data);
                    if (linkDepth > 0)
                    {
                        linkChars += CountNonSpace(data);
                    }
                }

                continue;
            }

            if (node is not IElement element)
            {
                continue;
            }

            var name = element.LocalName;
            var block = BlockTags.Contains(name);
            if (!enter)
            {
                if (block)
                {
                    Flush();
                }

                if (name == "a")
                {
                    linkDepth--;
                }
                else if (Headings.Contains(name))
                {
                    headingDepth--;
                }
                else if (name is "li" or "dd" or "dt")
                {
                    listDepth--;
                }

                if (block)
                {
                    kind = headingDepth > 0 ? BlockKind.Heading : listDepth > 0 ? BlockKind.ListItem : BlockKind.Text;
                }

                continue;
            }

            if (name == "br")
            {
                // One break is a space, two in a row end the block.
                if (pendingBreak)
                {
                    Flush();
                }
                else
                {
                    current.Append(' ');
                    pendingBreak = current.Length > 1;
                }

                continue;
            }

            if (block)
            {
                Flush();
            }

            if (name == "a")
            {
                linkDepth++;
            }
            else if (Headings.Contains(name))
            {
                headingDepth++;
                kind = BlockKind.Heading;
            }
            else if (name is "li" or "dd" or "dt")
            {
                listDepth++;
                kind = headingDepth > 0 ? BlockKind.Heading : BlockKind.ListItem;
            }

            stack.Push((element, false));
            for (var child = element.LastChild; child is not null; child = child.PreviousSibling)
            {
                stack.Push((child, true));
            }
        }

        Flush();
    }

    private static List<string> Filter(List<Block> blocks, IReadOnlyList<string> titles)
    {
        var result = new List<string>(blocks.Count);
        var total = blocks.Sum(b => b.Text.Length);
        var small = total < 400;
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var density = (double)block.LinkChars / Math.Max(1, CountNonSpace(block.Text));
            if (!small)
            {
                if (density > 0.6 || (density > 0.35 && block.Text.Length < 150))
                {
                    continue;
                }

                if (BoilerplateHints.IsChromeLine(block.Text) || (block.Kind != BlockKind.Heading && BoilerplateHints.IsBylineOrDate(block.Text)))
                {
                    continue;
                }

                if (block.Kind == BlockKind.Heading && result.Count == 0 && titles.Any(t => SameTitle(t, block.Text)))
                {
                    continue;
                }
            }

            result.Add(block.Text);
        }

        return result;
    }

    /// <summary>Whether a heading repeats the page's title (most of its words).</summary>
    internal static bool SameTitle(string title, string heading)
    {
        var a = Words(title);
        var b = Words(heading);
        if (a.Count == 0 || b.Count == 0)
        {
            return false;
        }

        var shared = b.Count(a.Contains);
        return shared >= 0.8 * b.Count && shared >= 0.5 * a.Count;
    }

    private static HashSet<string> Words(string text) =>
        text.ToLowerInvariant().Split([' ', ',', '.', ':', ';', '!', '?', '|', '-', '–', '—', '"', '\'', '“', '”', '‘', '’'], StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    /// <summary>Last resort: every block of the page with little link text.</summary>
    private static List<string> AllBlocks(IDocument document)
    {
        if (document.Body is null)
        {
            return [];
        }

        var blocks = new List<Block>();
        CollectBlocks(document.Body, blocks);
        return blocks.Where(b => b.LinkChars < 0.5 * b.Text.Length).Select(b => b.Text).ToList();
    }

    internal static int CountNonSpace(string text)
    {
        var n = 0;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                n++;
            }
        }

        return n;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(^|\s)(article[-_]?body|articleBody|article[-_]?content|article[-_]?text|entry[-_]content|post[-_]content|post[-_]body|story[-_]?body|story[-_]content|body[-_]text|article__body|c-entry-content|rich[-_]?text|td-post-content)(\s|$)", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex BodyClass();

    private readonly record struct Block(string Text, int LinkChars, BlockKind Kind);

    private enum BlockKind
    {
        Text,
        Heading,
        ListItem,
    }
}
