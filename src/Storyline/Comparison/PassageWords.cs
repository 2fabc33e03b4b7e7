using Storyline.Analysis;

namespace Storyline.Comparison;

/// <summary>What a word is, for the same-content features.</summary>
[Flags]
internal enum WordFlags : byte
{
    None = 0,

    /// <summary>Holds a digit ("12", "2.5", "2013").</summary>
    Number = 1,

    /// <summary>A function word (<see cref="Stopwords"/>).</summary>
    Stop = 2,

    /// <summary>Capitalised and not the passage's first word: most often a name.</summary>
    Name = 4,

    /// <summary>"not", "no", "never", "n't" and the like.</summary>
    Negation = 8,
}

/// <summary>
/// The words of one passage as the same-content model reads them: lower-cased forms (letters and digits, with
/// inner apostrophes, and dots or commas inside numbers), their stems, flags and hashes. Built once a passage
/// and compared with many others.
/// </summary>
internal sealed class PassageWords
{
    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal) { "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "cannot" };

    private HashSet<ulong>? _trigrams;

    private PassageWords(string[] forms, WordFlags[] flags, string text)
    {
        Forms = forms;
        Flags = flags;
        Stems = [.. forms.Select((f, i) => (flags[i] & WordFlags.Number) != 0 ? f : WordStemmer.Stem(f))];
        FormHashes = [.. forms.Select(Hash)];
        StemHashes = [.. Stems.Select(Hash)];
        Text = text;
    }

    /// <summary>Lower-cased words.</summary>
    public string[] Forms { get; }

    /// <summary>Their stems (numbers as they are).</summary>
    public string[] Stems { get; }

    /// <summary>What each word is.</summary>
    public WordFlags[] Flags { get; }

    /// <summary>A 64-bit hash of each form.</summary>
    public ulong[] FormHashes { get; }

    /// <summary>A 64-bit hash of each stem.</summary>
    public ulong[] StemHashes { get; }

    /// <summary>The passage's characters, lower-cased (for character n-grams).</summary>
    public string Text { get; }

    public int Count => Forms.Length;

    /// <summary>The text's character trigrams, computed once (a passage meets many others).</summary>
    public HashSet<ulong> Trigrams => _trigrams ??= NGramOverlap.Trigrams(Text);

    public static PassageWords Of(ReadOnlySpan<char> text)
    {
        var forms = new List<string>();
        var flags = new List<WordFlags>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var digits = false;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || InnerMark(text, i, digits)))
            {
                digits |= char.IsDigit(text[i]);
                i++;
            }

            var word = NormaliseApostrophes(text[start..i].ToString().ToLowerInvariant());
            if (word.EndsWith("'s", StringComparison.Ordinal))
            {
                word = word[..^2]; // the possessive: "Musk's" is "Musk"
            }

            forms.Add(word);
            flags.Add(FlagsOf(word, digits, char.IsUpper(text[start]) && forms.Count > 1));
        }

        return new PassageWords([.. forms], [.. flags], text.ToString().ToLowerInvariant());
    }

    private static WordFlags FlagsOf(string word, bool digits, bool capital)
    {
        var flags = digits ? WordFlags.Number : WordFlags.None;
        if (Stopwords.Contains(word))
        {
            flags |= WordFlags.Stop;
        }
        else if (capital && !digits)
        {
            flags |= WordFlags.Name;
        }

        if (Negations.Contains(word) || word.EndsWith("n't", StringComparison.Ordinal))
        {
            flags |= WordFlags.Negation;
        }

        return flags;
    }

    /// <summary>An apostrophe between letters ("don't"), or a dot or comma between digits ("2.5", "1,000").</summary>
    private static bool InnerMark(ReadOnlySpan<char> text, int i, bool digits)
    {
        if (i == 0 || i + 1 >= text.Length)
        {
            return false;
        }

        var c = text[i];
        return c is '\'' or '’'
            ? char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1])
            : c is '.' or ',' && digits && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]);
    }

    private static string NormaliseApostrophes(string word) => word.Contains('’', StringComparison.Ordinal) ? word.Replace('’', '\'') : word;

    internal static ulong Hash(string word)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
