using System.Text.RegularExpressions;

namespace Storyline.Extraction.PlainText;

/// <summary>The hand-written line rules of <see cref="TextBoilerplate"/>, and the feed-footer and stamp readers.</summary>
internal static partial class TextBoilerplate
{
    /// <summary>The rules' verdict on a line whose <see cref="Normalise"/>d form is <paramref name="normalised"/>.</summary>
    private static Verdict Judge(string line, string normalised, string? title, Dictionary<string, int> lineCounts, WritingScript script, int blockLines)
    {
        if (FeedFooter().IsMatch(line))
        {
            return Verdict.Origin;
        }

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

        var words = CountWords(line);
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
        line.Length <= 20 && CountWords(line) <= 2 && !line.EndsWith('.') && !char.IsDigit(line[0]);

    /// <summary>The number of space-separated words, as <c>Split(' ', RemoveEmptyEntries).Length</c> counts them, without the strings.</summary>
    internal static int CountWords(ReadOnlySpan<char> line)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in line)
        {
            if (c == ' ')
            {
                inWord = false;
            }
            else if (!inWord)
            {
                inWord = true;
                words++;
            }
        }

        return words;
    }

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

    /// <summary>How many characters of <paramref name="line"/> are not ASCII, counting up to <paramref name="enough"/>.</summary>
    private static int CountNonAscii(ReadOnlySpan<char> line, int enough)
    {
        var count = 0;
        while (count < enough && line.IndexOfAnyExceptInRange('\0', '\x7F') is var at and >= 0)
        {
            count++;
            line = line[(at + 1)..];
        }

        return count;
    }

    private static WritingScript DominantScript(List<string> lines)
    {
        var counts = new int[WritingScripts.Count];
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
        // No ASCII character is foreign to Latin text; a Latin line with fewer than five other characters cannot
        // be half foreign with ten letters (the one question asked of this), so it is answered without a count.
        if (script == WritingScript.Latin && CountNonAscii(line, 5) < 5)
        {
            return (0, 0);
        }

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
