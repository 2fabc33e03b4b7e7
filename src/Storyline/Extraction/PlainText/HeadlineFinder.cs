namespace Storyline.Extraction.PlainText;

/// <summary>
/// The headline of a page dump: in a copy of a whole web page the first line is navigation ("Skip to
/// content", a menu), and the headline sits a few lines above the article's first paragraph, among the
/// byline, date and share buttons. It is the nearby short line, without a closing full stop, whose words
/// the article goes on to use; chrome lines share few words with the article.
/// </summary>
internal static class HeadlineFinder
{
    /// <summary>How far above the first body line a headline is looked for.</summary>
    private const int LookBack = 12;

    private const int MaxChars = 160;

    /// <summary>Of a candidate's content words, at least this share must recur in the article.</summary>
    private const double MinShared = 0.5;

    /// <summary>Only the article's opening is compared: a headline announces what the first paragraphs say.</summary>
    private const int BodySampleChars = 3_000;

    /// <summary>
    /// The headline among <paramref name="lines"/> (all lines of the dump, in order) for an article whose first
    /// body lines are <paramref name="bodyLines"/> (indices; a stray line of chrome judged body may come first,
    /// so the next is tried when nothing reads as a headline above the first) and whose text is <paramref name="body"/>; null when no line reads as one.
    /// </summary>
    public static string? Find(IReadOnlyList<string> lines, IReadOnlyList<int> bodyLines, string body)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(bodyLines);
        ArgumentNullException.ThrowIfNull(body);
        var bodyWords = new HashSet<string>(ContentWords(body.Length > BodySampleChars ? body[..BodySampleChars] : body), StringComparer.OrdinalIgnoreCase);
        string? best = null;
        var bestScore = 0.0;
        var seen = new HashSet<int>();
        foreach (var anchor in bodyLines)
        {
            for (var i = Math.Min(anchor, lines.Count - 1); i >= Math.Max(0, anchor - LookBack); i--)
            {
                if (!seen.Add(i))
                {
                    continue;
                }

                var share = Score(lines[i].Trim(), bodyWords);
                if (share <= 0)
                {
                    continue;
                }

                // Nearer the article is likelier: bylines and decks also share words, but sit between.
                var score = share - (0.01 * (anchor - i));
                if (score > bestScore)
                {
                    best = lines[i].Trim();
                    bestScore = score;
                }
            }

            // The first anchor with a headline above it wins: later ones would find the article's subheadings.
            if (best is not null)
            {
                return best;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="line"/> reads as the headline of the article <paramref name="body"/>.</summary>
    public static bool ReadsAsHeadline(string line, string body) =>
        Score(line.Trim(), new HashSet<string>(ContentWords(body.Length > BodySampleChars ? body[..BodySampleChars] : body), StringComparer.OrdinalIgnoreCase)) > 0;

    /// <summary>How well a line reads as the headline of an article using <paramref name="bodyWords"/>; 0 when it does not.</summary>
    private static double Score(string line, HashSet<string> bodyWords)
    {
        if (!Headline(line))
        {
            return 0;
        }

        var words = ContentWords(line).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var shared = words.Count(bodyWords.Contains);
        var share = words.Count == 0 ? 0 : (double)shared / words.Count;
        return shared < 2 || share < MinShared ? 0 : share + (0.3 * Math.Min(shared, 6) / 6);
    }

    /// <summary>Short, several words, not ending a sentence, not a byline or a date line.</summary>
    private static bool Headline(string line)
    {
        if (line.Length is < 10 or > MaxChars || line.EndsWith('.') || line.EndsWith(':') || line.Count(char.IsWhiteSpace) < 2)
        {
            return false;
        }

        var digits = line.Count(char.IsDigit);
        return digits * 4 < line.Length
            && !line.StartsWith("By ", StringComparison.OrdinalIgnoreCase)
            && !line.Contains('@')
            && !line.Contains("://", StringComparison.Ordinal);
    }

    private static IEnumerable<string> ContentWords(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                start = start < 0 ? i : start;
                continue;
            }

            if (start >= 0)
            {
                var word = text[start..i];
                if (word.Length > 2 && !LineLexicon.IsFunctionWord(word))
                {
                    yield return word;
                }

                start = -1;
            }
        }
    }
}
