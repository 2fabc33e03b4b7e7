using System.Buffers;

namespace Storyline.Extraction.PlainText;

/// <summary>
/// What one line looks like on its own, counted in a single pass over its characters: words, letters,
/// digits, punctuation, function and chrome words, capitals, the script of its letters. The raw
/// material of <see cref="LineFeatures"/>.
/// </summary>
internal readonly record struct LineStats
{
    public int Chars { get; init; }
    public int Words { get; init; }
    public int Letters { get; init; }
    public int Digits { get; init; }
    public int Punctuation { get; init; }
    public int Commas { get; init; }
    public int Separators { get; init; }
    public int FunctionWords { get; init; }
    public int ChromeWords { get; init; }
    public int Capitalised { get; init; }
    public bool Terminal { get; init; }
    public bool Question { get; init; }
    public bool HasUrl { get; init; }
    public bool Copyright { get; init; }
    public bool Truncated { get; init; }

    /// <summary>Letters of the line in each writing-script family, indexed by <see cref="WritingScript"/>.</summary>
    public int[] Scripts { get; init; }

    /// <summary>Long prose: the lines an article is made of.</summary>
    public bool Prose => Words >= ProseWords && Terminal;

    // One pass each instead of a case-insensitive scan per mark: every line of every plain-text article is read.
    private static readonly SearchValues<string> UrlMarks = SearchValues.Create(["http://", "https://", "www."], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> CopyrightWord = SearchValues.Create(["copyright"], StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether <see cref="Of"/> would find the line <see cref="Prose"/>, without counting the rest: cleaning asks
    /// this of every line of every plain-text article, and most articles are prose that needs nothing more.
    /// </summary>
    public static bool IsProse(ReadOnlySpan<char> line)
    {
        if (!EndsTerminal(line))
        {
            return false;
        }

        // Words as Of counts them: a letter or digit starts one; letters, digits and ' ’ - continue it.
        var words = 0;
        var inWord = false;
        foreach (var c in line)
        {
            if (char.IsLetterOrDigit(c) || (inWord && c is '\'' or '’' or '-'))
            {
                if (!inWord)
                {
                    inWord = true;
                    if (++words >= ProseWords)
                    {
                        return true;
                    }
                }

                continue;
            }

            inWord = false;
        }

        return false;
    }

    private const int ProseWords = 10;

    private static bool EndsTerminal(ReadOnlySpan<char> line) => IsTerminal(LastMark(line));

    /// <summary>The line's last character before closing quotes, brackets and stars (a space for none).</summary>
    private static char LastMark(ReadOnlySpan<char> line)
    {
        var trimmed = line.TrimEnd(" \"'”’»)]*");
        return trimmed.IsEmpty ? ' ' : trimmed[^1];
    }

    private static bool IsTerminal(char last) => last is '.' or '!' or '?' or '。' or '！' or '？' or '।' or ':' or ';';

    public static LineStats Of(ReadOnlySpan<char> line)
    {
        int words = 0, letters = 0, digits = 0, punctuation = 0, commas = 0, separators = 0, function = 0, chrome = 0, capitalised = 0;
        var scripts = new int[WritingScripts.Count];
        var start = -1;
        for (var i = 0; i <= line.Length; i++)
        {
            var c = i < line.Length ? line[i] : ' ';
            if (char.IsLetterOrDigit(c) || c is '\'' or '’' or '-' && start >= 0)
            {
                if (start < 0)
                {
                    start = i;
                }

                if (char.IsLetter(c))
                {
                    letters++;
                    scripts[(int)WritingScripts.Family(WritingScripts.Of(c))]++;
                }
                else if (char.IsDigit(c))
                {
                    digits++;
                }

                continue;
            }

            if (start >= 0)
            {
                var word = line[start..i].TrimEnd("'’-");
                words++;
                function += LineLexicon.IsFunctionWord(word) ? 1 : 0;
                chrome += LineLexicon.IsChromeWord(word) ? 1 : 0;
                capitalised += char.IsUpper(word[0]) ? 1 : 0;
                start = -1;
            }

            if (i == line.Length || char.IsWhiteSpace(c))
            {
                continue;
            }

            if (WritingScripts.Of(c) != WritingScript.None)
            {
                // A combining mark of an Indic script: part of a word, not punctuation.
                scripts[(int)WritingScripts.Family(WritingScripts.Of(c))]++;
                continue;
            }

            punctuation++;
            commas += c is ',' or '،' or '、' ? 1 : 0;
            separators += c is '|' or '•' or '·' or '»' or '›' or '/' or '>' ? 1 : 0;
        }

        var last = LastMark(line);
        return new LineStats
        {
            Chars = line.Length,
            Words = words,
            Letters = letters,
            Digits = digits,
            Punctuation = punctuation,
            Commas = commas,
            Separators = separators,
            FunctionWords = function,
            ChromeWords = chrome,
            Capitalised = capitalised,
            Terminal = IsTerminal(last),
            Question = last is '?' or '？',
            HasUrl = line.ContainsAny(UrlMarks),
            Copyright = line.Contains('©') || line.ContainsAny(CopyrightWord),
            Truncated = line.EndsWith("[…]", StringComparison.Ordinal) || line.EndsWith("[...]", StringComparison.Ordinal) || line.EndsWith('…') || line.EndsWith("...", StringComparison.Ordinal),
            Scripts = scripts,
        };
    }
}
