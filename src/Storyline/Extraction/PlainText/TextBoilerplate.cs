using System.Globalization;
using System.Text.RegularExpressions;

namespace Storyline.Extraction.PlainText;

/// <summary>
/// Boilerplate removal for plain-text dumps, where no markup is left to go by. Each line is judged
/// from general evidence: a repeat of the title or of another line, a line that is only a date, a
/// counter or a URL, a call to action, a run of one-word widget labels, a feed excerpt cut off with
/// "[…]", a script other than the body's, and the feed footer "The post … appeared first on X."
/// (which names the syndication origin). A block made mostly of such lines goes entirely (a header
/// block of stamp, counter, repeated title and deck). Cleaning never empties a document.
/// </summary>
internal static partial class TextBoilerplate
{
    /// <summary>Blocks longer than this are not header blocks: a mostly-chrome long block keeps its body lines.</summary>
    private const int HeaderBlockLines = 6;

    /// <summary>Fewer lines than this give the classifier too little context: the rules judge them.</summary>
    private const int ClassifierMinLines = 12;

    /// <summary>A document with at least this share of prose lines is already clean text: the rules judge it.</summary>
    private const double CleanProseShare = 0.6;

    private static readonly int ProseShareFeature = Array.IndexOf(LineFeatures.Names, "doc_prose_share");

    /// <summary>What cleaning found.</summary>
    internal sealed record Result(List<string> Paragraphs, int Removed, string? SyndicationOrigin, string? Stamp);

    private enum Verdict
    {
        Body,
        Chrome,
        Stamp,
        Origin,
    }

    /// <summary>Blank-line separated blocks, each as its trimmed non-empty lines.</summary>
    public static List<List<string>> Blocks(string text)
    {
        var blocks = new List<List<string>>();
        var current = new List<string>();
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            var line = TextParagraphs.FoldWhitespace(raw);
            if (line.Length == 0)
            {
                if (current.Count > 0)
                {
                    blocks.Add(current);
                    current = [];
                }

                continue;
            }

            current.Add(line);
        }

        if (current.Count > 0)
        {
            blocks.Add(current);
        }

        return blocks;
    }

    /// <summary>Cleans the body blocks of a document whose title (when known) is <paramref name="title"/>, with the shipped line classifier.</summary>
    public static Result Clean(List<List<string>> blocks, string? title) => Clean(blocks, title, LineCleaning.Combined, LineModel.Default);

    /// <summary>Cleans the body blocks with the chosen way of judging lines (the bench compares them).</summary>
    public static Result Clean(List<List<string>> blocks, string? title, LineCleaning cleaning, LineModel model)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(model);
        var lines = blocks.SelectMany(b => b).ToList();
        var script = DominantScript(lines);
        var lineCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var key = Normalise(line);
            lineCounts[key] = lineCounts.GetValueOrDefault(key) + 1;
        }

        var normalisedTitle = title is null ? null : Normalise(title);

        string? origin = null;
        string? stamp = null;
        var verdicts = new List<Verdict[]>();
        foreach (var block in blocks)
        {
            var v = new Verdict[block.Count];
            for (var i = 0; i < block.Count; i++)
            {
                v[i] = Judge(block[i], normalisedTitle, lineCounts, script, block.Count);
                if (v[i] == Verdict.Origin && origin is null)
                {
                    origin = OriginOf(block[i]);
                }
                else if (v[i] == Verdict.Stamp && stamp is null)
                {
                    stamp = StampOf(block[i]);
                }
            }

            verdicts.Add(v);
        }

        if (cleaning != LineCleaning.Classifier)
        {
            MarkWidgetRuns(blocks, verdicts);
        }

        if (cleaning != LineCleaning.Rules)
        {
            ApplyClassifier(blocks, title, verdicts, model, cleaning == LineCleaning.Combined);
        }

        var paragraphs = new List<string>();
        var removed = 0;
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            var v = verdicts[b];
            var chrome = v.Count(x => x != Verdict.Body);
            // A block made mostly of chrome (stamp, counter, repeated title, deck) is a header block: all of it goes.
            if (chrome == block.Count || (chrome >= 2 && chrome * 2 >= block.Count && block.Count <= HeaderBlockLines))
            {
                removed += block.Count;
                continue;
            }

            // Body lines next to each other stay one paragraph; a dropped line between them splits it.
            var run = new List<string>();
            for (var i = 0; i <= block.Count; i++)
            {
                if (i < block.Count && v[i] == Verdict.Body)
                {
                    run.Add(block[i]);
                    continue;
                }

                if (run.Count > 0)
                {
                    paragraphs.Add(string.Join(' ', run));
                    run.Clear();
                }

                removed += i < block.Count ? 1 : 0;
            }
        }

        if (paragraphs.Count == 0)
        {
            return new Result(blocks.Select(b => string.Join(' ', b)).ToList(), 0, origin, stamp);
        }

        return new Result(paragraphs, removed, origin, stamp);
    }

    /// <summary>
    /// The classifier's verdict replaces the rules' for every line but the feed footer and the date stamp
    /// (which carry metadata); with <paramref name="keepRuleChrome"/> a line the rules call chrome stays chrome.
    /// </summary>
    private static void ApplyClassifier(List<List<string>> blocks, string? title, List<Verdict[]> verdicts, LineModel model, bool keepRuleChrome)
    {
        var features = LineFeatures.Compute(blocks, title);
        // The classifier learned from page dumps, where most lines are chrome; a short text or one made mostly
        // of prose is not such a dump (it is already clean, or too short for context), so the rules alone judge it.
        if (features.Length < ClassifierMinLines || features[0][ProseShareFeature] >= CleanProseShare)
        {
            return;
        }

        var body = model.Body(features);
        var k = 0;
        for (var b = 0; b < blocks.Count; b++)
        {
            var v = verdicts[b];
            for (var i = 0; i < v.Length; i++, k++)
            {
                if (v[i] is Verdict.Origin or Verdict.Stamp || (keepRuleChrome && v[i] == Verdict.Chrome))
                {
                    continue;
                }

                v[i] = body[k] ? Verdict.Body : Verdict.Chrome;
            }
        }
    }

    private static Verdict Judge(string line, string? title, Dictionary<string, int> lineCounts, WritingScript script, int blockLines)
    {
        if (FeedFooter().IsMatch(line))
        {
            return Verdict.Origin;
        }

        var normalised = Normalise(line);
        if (normalised.Length == 0 || CounterOnly().IsMatch(line))
        {
            return Verdict.Chrome;
        }

        if (line.Length <= 40 && DateParser.Parse(StripStampNoise(line)) is not null)
        {
            return Verdict.Stamp;
        }

        if (title is not null && normalised == title)
        {
            return Verdict.Chrome;
        }

        if (UrlOnly().IsMatch(line))
        {
            return Verdict.Chrome;
        }

        // A feed excerpt, cut off with "[…]".
        if (Truncation().IsMatch(line))
        {
            return Verdict.Chrome;
        }

        if (script != WritingScript.None && ScriptShare(line, script) is { Letters: >= 10 } share && share.Foreign >= 0.5 * share.Letters)
        {
            return Verdict.Chrome;
        }

        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (words <= 20 && CallToAction().IsMatch(line))
        {
            return Verdict.Chrome;
        }

        // A short line seen twice or more (outside a title it repeats) is a template label.
        if (words <= 12 && lineCounts.GetValueOrDefault(normalised) >= 2 && blockLines <= 2)
        {
            return Verdict.Chrome;
        }

        return Verdict.Body;
    }

    /// <summary>A run of three or more one- or two-word blocks (reaction buttons, tag clouds) and the short question that heads it.</summary>
    private static void MarkWidgetRuns(List<List<string>> blocks, List<Verdict[]> verdicts)
    {
        var start = 0;
        while (start < blocks.Count)
        {
            var end = start;
            while (end < blocks.Count && blocks[end].Count == 1 && IsLabel(blocks[end][0]))
            {
                end++;
            }

            if (end - start >= 3)
            {
                for (var b = start; b < end; b++)
                {
                    verdicts[b][0] = Verdict.Chrome;
                }

                if (start > 0 && blocks[start - 1].Count == 1 && blocks[start - 1][0].EndsWith('?') && blocks[start - 1][0].Length <= 40)
                {
                    verdicts[start - 1][0] = Verdict.Chrome;
                }
            }

            start = Math.Max(end, start + 1);
        }
    }

    private static bool IsLabel(string line) =>
        line.Length <= 20 && line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 2 && !line.EndsWith('.') && !char.IsDigit(line[0]);

    private static string? OriginOf(string line)
    {
        var m = FeedFooter().Match(line);
        var name = m.Groups["origin"].Value.Trim().TrimEnd('.').Trim();
        return name.Length is > 0 and <= 80 ? name : null;
    }

    private static string StampOf(string line) => StripStampNoise(line);

    private static string StripStampNoise(string line) => line.Trim().Trim('|', '·', '•', '-', '–', '—').Trim();

    private static string Normalise(string line) => LineFeatures.Key(line);

    /// <summary>Whether the line is only a URL.</summary>
    internal static bool IsUrlOnly(string line) => UrlOnly().IsMatch(line);

    /// <summary>Whether the line is only a date or time (with stray separators around it).</summary>
    internal static bool IsDate(string line) => DateParser.Parse(StripStampNoise(line)) is not null;

    /// <summary>Whether the line is only a number or counter ("0", "1.2k", "3 | 4").</summary>
    internal static bool IsCounter(string line) => CounterOnly().IsMatch(line);

    /// <summary>Whether the line asks the reader to do something (subscribe, download the app, follow, sign up).</summary>
    internal static bool IsCallToAction(string line) => CallToAction().IsMatch(line);

    private static WritingScript DominantScript(List<string> lines)
    {
        var counts = new int[Enum.GetValues<WritingScript>().Length];
        foreach (var line in lines)
        {
            foreach (var c in line)
            {
                counts[(int)WritingScripts.Family(WritingScripts.Of(c))]++;
            }
        }

        counts[(int)WritingScript.None] = 0;
        var best = Array.IndexOf(counts, counts.Max());
        return counts[best] == 0 ? WritingScript.None : (WritingScript)best;
    }

    private static (int Letters, int Foreign) ScriptShare(string line, WritingScript script)
    {
        int letters = 0, foreign = 0;
        foreach (var c in line)
        {
            var s = WritingScripts.Family(WritingScripts.Of(c));
            if (s == WritingScript.None && !char.IsLetter(c))
            {
                continue;
            }

            // Combining marks of Indic scripts are not letters but belong to the script's words.
            letters++;
            if (s != script)
            {
                foreign++;
            }
        }

        return (letters, foreign);
    }

    /// <summary>Removes feed footers ("The post … appeared first on X.") from extracted paragraphs; returns the origin they name.</summary>
    public static string? TakeFeedFooters(List<string> paragraphs)
    {
        string? origin = null;
        for (var i = paragraphs.Count - 1; i >= 0; i--)
        {
            if (paragraphs[i].Length <= 400 && FeedFooter().IsMatch(paragraphs[i]))
            {
                origin ??= OriginOf(paragraphs[i]);
                paragraphs.RemoveAt(i);
            }
        }

        return origin;
    }

    /// <summary>Parses the stamp found by cleaning.</summary>
    public static PublishedTime? ParseStamp(string? stamp) => stamp is null ? null : DateParser.Parse(stamp);

    [GeneratedRegex(@"\bThe post\b.{1,300}?\bappeared first on (?<origin>[^.]{1,80})\.?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex FeedFooter();

    [GeneratedRegex(@"^[\d\s.,:/|·•+\-–—%kKmM]{1,12}$", RegexOptions.CultureInvariant)]
    private static partial Regex CounterOnly();

    [GeneratedRegex(@"^\W*(https?://|www\.)\S+\W*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex UrlOnly();

    [GeneratedRegex(@"(\[\s*(…|\.\.\.)\s*\]|\[…\])", RegexOptions.CultureInvariant)]
    private static partial Regex Truncation();

    [GeneratedRegex(@"\b(download (our|the|\w+ )?app|get (our|the) app|install (our|the) app|subscribe (to|now|today)|sign up (for|to|now|today)|follow us (on|at)|join (us|our newsletter)|click here|tap here|read more at|available on (the )?(app store|google play)|create (an|your) account|register (now|today|here)|for (all )?the latest (news|updates).{0,40}(download|follow|subscribe|app))\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CallToAction();
}
