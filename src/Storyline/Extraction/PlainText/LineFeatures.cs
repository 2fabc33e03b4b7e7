namespace Storyline.Extraction.PlainText;

/// <summary>
/// The evidence the line classifier weighs, per line of a plain-text dump: the line on its own
/// (length, function-word, punctuation, capital and digit shares, URL/date/counter-only, calls to
/// action and chrome vocabulary, a script other than the document's), its place in the document
/// (relative position, block size, repetition of the title or of other lines) and its context (the
/// same measures of the neighbouring lines and how much running prose surrounds it) and the document's
/// own make-up (its share of prose lines and its length), which moves the prior between a page dump
/// and a text that is already clean.
/// </summary>
internal static class LineFeatures
{
    /// <summary>Feature names, in the order of each vector (the generated weights follow it).</summary>
    public static readonly string[] Names =
    [
        "log_words", "log_chars", "short", "function_share", "terminal", "punct_share", "comma_rate", "capitalised_share",
        "digit_share", "mean_word_len", "has_url", "url_only", "date_only", "counter_only", "title_repeat", "repeated",
        "foreign_share", "call_to_action", "chrome_share", "separator_rate", "question", "truncated", "copyright",
        "log_block_lines", "first_in_block", "position", "char_position", "edge",
        "prev_log_words", "prev_terminal", "prev_function_share", "prev_chrome_share",
        "next_log_words", "next_terminal", "next_function_share", "next_chrome_share",
        "prev2_log_words", "next2_log_words", "window_log_words", "prose_run", "log_prose_distance", "between_prose",
        "doc_prose_share", "log_doc_lines",
    ];

    private const int Own = 28;

    /// <summary>One feature vector per line, the lines of all blocks in order.</summary>
    public static double[][] Compute(IReadOnlyList<IReadOnlyList<string>> blocks, string? title) => Compute(blocks, title, Stats(blocks));

    /// <summary>The per-line measures, the lines of all blocks in order (cheap next to the features).</summary>
    public static LineStats[] Stats(IReadOnlyList<IReadOnlyList<string>> blocks)
    {
        var stats = new LineStats[blocks.Sum(b => b.Count)];
        var k = 0;
        foreach (var block in blocks)
        {
            foreach (var line in block)
            {
                stats[k++] = LineStats.Of(line);
            }
        }

        return stats;
    }

    /// <summary>One feature vector per line, given the lines' <see cref="Stats"/>.</summary>
    public static double[][] Compute(IReadOnlyList<IReadOnlyList<string>> blocks, string? title, LineStats[] stats)
    {
        var lines = new List<string>();
        var blockLines = new List<int>();
        var firstInBlock = new List<bool>();
        foreach (var block in blocks)
        {
            for (var i = 0; i < block.Count; i++)
            {
                lines.Add(block[i]);
                blockLines.Add(block.Count);
                firstInBlock.Add(i == 0);
            }
        }

        var n = lines.Count;
        var keys = new string[n];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var scripts = new int[WritingScripts.Count];
        long totalChars = 0;
        for (var i = 0; i < n; i++)
        {
            keys[i] = Key(lines[i]);
            counts[keys[i]] = counts.GetValueOrDefault(keys[i]) + 1;
            totalChars += lines[i].Length;
            for (var s = 1; s < scripts.Length; s++)
            {
                scripts[s] += stats[i].Scripts[s];
            }
        }

        var dominant = scripts.Max() == 0 ? 0 : Array.IndexOf(scripts, scripts.Max());
        var titleKey = title is null ? null : Key(title);
        var prose = new int[n + 1]; // prefix counts of prose lines
        for (var i = 0; i < n; i++)
        {
            prose[i + 1] = prose[i] + (stats[i].Prose ? 1 : 0);
        }

        var vectors = new double[n][];
        long charsBefore = 0;
        for (var i = 0; i < n; i++)
        {
            var v = new double[Names.Length];
            Fill(v, stats[i], lines[i], keys[i], titleKey, counts, dominant);
            v[23] = Math.Log(blockLines[i]);
            v[24] = firstInBlock[i] ? 1 : 0;
            v[25] = n > 1 ? (double)i / (n - 1) : 0.5;
            v[26] = totalChars > 0 ? (double)charsBefore / totalChars : 0;
            v[27] = Math.Min(v[25], 1 - v[25]);
            charsBefore += lines[i].Length;
            vectors[i] = v;
        }

        for (var i = 0; i < n; i++)
        {
            Context(vectors, stats, prose, i);
        }

        return vectors;
    }

    /// <summary>The line's letters and digits, lower-cased: what makes two lines "the same".</summary>
    public static string Key(string line)
    {
        var buffer = line.Length <= 512 ? stackalloc char[line.Length] : new char[line.Length];
        var length = 0;
        foreach (var c in line)
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }

    private static void Fill(double[] v, in LineStats s, string line, string key, string? titleKey, Dictionary<string, int> counts, int dominant)
    {
        var words = Math.Max(1, s.Words);
        var marks = s.Letters + s.Digits + s.Punctuation;
        v[0] = Math.Log(1 + s.Words);
        v[1] = Math.Log(1 + s.Chars);
        v[2] = s.Words <= 3 ? 1 : 0;
        v[3] = (double)s.FunctionWords / words;
        v[4] = s.Terminal ? 1 : 0;
        v[5] = marks > 0 ? (double)s.Punctuation / marks : 1;
        v[6] = Math.Min(1, (double)s.Commas / words);
        v[7] = (double)s.Capitalised / words;
        v[8] = s.Letters + s.Digits > 0 ? (double)s.Digits / (s.Letters + s.Digits) : 0;
        v[9] = Math.Min(15.0, (double)(s.Letters + s.Digits) / words) / 10;
        v[10] = s.HasUrl ? 1 : 0;
        var shortLine = s.Words <= 20 && line.Length <= 200;
        v[11] = s.HasUrl && s.Words <= 12 && TextBoilerplate.IsUrlOnly(line) ? 1 : 0;
        v[12] = s.Digits > 0 && line.Length <= 40 && TextBoilerplate.IsDate(line) ? 1 : 0;
        v[13] = key.Length == 0 || (s.Letters == 0 && TextBoilerplate.IsCounter(line)) ? 1 : 0;
        v[14] = titleKey is { Length: >= 8 } && key.Length >= 8 && (key == titleKey || (key.Length < 2 * titleKey.Length && key.Contains(titleKey, StringComparison.Ordinal))) ? 1 : 0;
        v[15] = counts.GetValueOrDefault(key) >= 2 ? 1 : 0;
        v[16] = dominant != 0 && s.Letters >= 3 ? 1 - ((double)s.Scripts[dominant] / s.Scripts.Sum()) : 0;
        v[17] = shortLine && TextBoilerplate.IsCallToAction(line) ? 1 : 0;
        v[18] = (double)s.ChromeWords / words;
        v[19] = Math.Min(1, (double)s.Separators / words);
        v[20] = s.Question ? 1 : 0;
        v[21] = s.Truncated ? 1 : 0;
        v[22] = s.Copyright ? 1 : 0;
    }

    private static void Context(double[][] vectors, LineStats[] stats, int[] prose, int i)
    {
        var n = vectors.Length;
        var v = vectors[i];
        double At(int j, int feature) => j >= 0 && j < n ? vectors[j][feature] : 0;
        v[Own] = At(i - 1, 0);
        v[Own + 1] = At(i - 1, 4);
        v[Own + 2] = At(i - 1, 3);
        v[Own + 3] = At(i - 1, 18);
        v[Own + 4] = At(i + 1, 0);
        v[Own + 5] = At(i + 1, 4);
        v[Own + 6] = At(i + 1, 3);
        v[Own + 7] = At(i + 1, 18);
        v[Own + 8] = At(i - 2, 0);
        v[Own + 9] = At(i + 2, 0);
        double sum = 0;
        for (var j = i - 3; j <= i + 3; j++)
        {
            sum += At(j, 0);
        }

        v[Own + 10] = sum / 7;
        var lo = Math.Max(0, i - 5);
        var hi = Math.Min(n, i + 6);
        var around = prose[hi] - prose[lo] - (stats[i].Prose ? 1 : 0);
        v[Own + 11] = (double)around / Math.Max(1, hi - lo - 1);
        var distance = 64;
        for (var d = 1; d < 64; d++)
        {
            if ((i - d >= 0 && stats[i - d].Prose) || (i + d < n && stats[i + d].Prose))
            {
                distance = d;
                break;
            }
        }

        v[Own + 12] = Math.Log(distance);
        v[Own + 13] = prose[i] > 0 && prose[n] - prose[i + 1] > 0 ? 1 : 0;

        // The document as a whole: a text that is mostly prose (already clean) is mostly body, a page dump mostly chrome.
        v[Own + 14] = (double)prose[n] / n;
        v[Own + 15] = Math.Log(n);
    }
}
