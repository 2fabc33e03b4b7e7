namespace Storyline.Extraction.PlainText;

/// <summary>
/// Boilerplate removal for plain-text dumps, where no markup is left to go by. A learned line classifier
/// (<see cref="LineModel"/>, trained on page dumps of the extraction evaluation pages) judges each line
/// of a dump from its own features and its neighbours'; hand-written rules (in <c>TextBoilerplate.Rules.cs</c>)
/// judge alongside it and alone decide short or already-clean texts. The rules' general evidence: a
/// repeat of the title or of another line, a line that is only a date, a counter or a URL, a call to action, a run of one-word widget labels, a feed excerpt cut off with
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

    /// <summary>What cleaning found.</summary>
    /// <param name="Paragraphs">The body paragraphs kept.</param>
    /// <param name="Removed">How many lines were dropped.</param>
    /// <param name="SyndicationOrigin">The outlet a feed footer names ("appeared first on Y").</param>
    /// <param name="Stamp">The date stamp line's date, when one was found.</param>
    /// <param name="Headline">For a page dump (where the classifier judged the lines), the headline found above the article.</param>
    internal sealed record Result(List<string> Paragraphs, int Removed, string? SyndicationOrigin, string? Stamp, string? Headline);

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
        var keys = new string[lines.Count];
        var lineCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < keys.Length; k++)
        {
            keys[k] = Normalise(lines[k]);
            lineCounts[keys[k]] = lineCounts.GetValueOrDefault(keys[k]) + 1;
        }

        var normalisedTitle = title is null ? null : Normalise(title);

        string? origin = null;
        string? stamp = null;
        var verdicts = new List<Verdict[]>();
        var next = 0;
        foreach (var block in blocks)
        {
            var v = new Verdict[block.Count];
            for (var i = 0; i < block.Count; i++)
            {
                v[i] = Judge(block[i], keys[next++], normalisedTitle, lineCounts, script, block.Count);
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

        var dump = cleaning != LineCleaning.Rules && ApplyClassifier(blocks, title, verdicts, model, cleaning == LineCleaning.Combined);

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
            return new Result(blocks.Select(b => string.Join(' ', b)).ToList(), 0, origin, stamp, null);
        }

        // A page dump's first line is usually navigation, not the headline: unless it reads as the article's
        // headline, look above the article for one.
        var text = string.Join('\n', paragraphs);
        var headline = dump && (title is null || !HeadlineFinder.ReadsAsHeadline(title, text)) ? HeadlineFinder.Find(lines, FirstBodyLines(verdicts, 3), text) : null;
        return new Result(paragraphs, removed, origin, stamp, headline);
    }

    private static List<int> FirstBodyLines(List<Verdict[]> verdicts, int count)
    {
        var found = new List<int>(count);
        var k = 0;
        foreach (var verdict in verdicts.SelectMany(v => v))
        {
            if (verdict == Verdict.Body && found.Count < count)
            {
                found.Add(k);
            }

            k++;
        }

        return found;
    }

    /// <summary>
    /// The classifier's verdict replaces the rules' for every line but the feed footer and the date stamp
    /// (which carry metadata); with <paramref name="keepRuleChrome"/> a line the rules call chrome stays chrome.
    /// </summary>
    /// <returns>Whether the document read as a page dump and the classifier judged it.</returns>
    private static bool ApplyClassifier(List<List<string>> blocks, string? title, List<Verdict[]> verdicts, LineModel model, bool keepRuleChrome)
    {
        // The classifier learned from page dumps, where most lines are chrome; a short text or one made mostly
        // of prose is not such a dump (it is already clean, or too short for context), so the rules alone judge it.
        // Both are known before the lines' measures and features are computed, which is most of the classifier's cost.
        var lines = blocks.Sum(b => b.Count);
        if (lines < ClassifierMinLines || (double)blocks.Sum(b => b.Count(line => LineStats.IsProse(line))) / lines >= CleanProseShare)
        {
            return false;
        }

        var stats = LineFeatures.Stats(blocks);
        var features = LineFeatures.Compute(blocks, title, stats);
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

        return true;
    }
}
