using Storyline.Analysis.Text;

namespace Storyline.Analysis.Sources;

/// <summary>
/// Finds the outlets and agencies a text credits: a cue ("according to", "as reported by", "citing",
/// "told", "in an interview with", or "… reported" after the name), then, after "the" and descriptors such as
/// "Russian news agency", a capitalised name. A name counts as an outlet when a descriptor says so, when it
/// is a known outlet, or when its last word is an outlet word ("Times", "Post", "News"); so "according to
/// Novikov" and "told reporters" are not sources. Stateless and thread-safe.
/// </summary>
public static class SourceFinder
{
    private static readonly string[][] Cues =
    [
        ["as", "first", "reported", "by"], ["as", "reported", "by"], ["reported", "by"], ["according", "to"], ["cited", "by"],
        ["quoted", "by"], ["in", "an", "interview", "with"], ["in", "comments", "to"], ["speaking", "to"], ["said", "to"],
        ["told"], ["citing"], ["wrote", "in"], ["writing", "in"], ["published", "by"], ["reports", "by"], ["via"],
    ];

    private static readonly HashSet<string> PostCues = new(StringComparer.OrdinalIgnoreCase)
    {
        "reported", "reports", "reporting", "quoted", "cited", "wrote", "writes", "said", "says",
    };

    /// <summary>Asked of every token, so looked up by span; most tokens start no cue and skip the cue list.</summary>
    private static readonly WordSet CueFirstWordLookup =
        new(new HashSet<string>(Cues.Select(cue => cue[0]), StringComparer.OrdinalIgnoreCase));

    private static readonly WordSet PostCueLookup = new(PostCues);

    /// <summary>
    /// Per word length, a bit for each letter a cue's first word of that length starts with: "the" (3, t) and "to"
    /// (2, t) are turned away without hashing, which case-insensitive lookups of every token spent most time on.
    /// </summary>
    private static readonly uint[] CueStarts = CueStartsByLength();

    private static uint[] CueStartsByLength()
    {
        var starts = new uint[Cues.Max(cue => cue[0].Length) + 1];
        foreach (var cue in Cues)
        {
            starts[cue[0].Length] |= 1u << (char.ToLowerInvariant(cue[0][0]) - 'a');
        }

        return starts;
    }

    /// <summary>False when <paramref name="word"/> is certainly no cue's first word (cues start with ASCII letters; other first characters are left to the lookup).</summary>
    private static bool MayStartCue(ReadOnlySpan<char> word)
    {
        if (word.Length == 0 || word.Length >= CueStarts.Length)
        {
            return false;
        }

        var first = word[0];
        if (first > 127)
        {
            return true;
        }

        var lower = first | 0x20;
        return lower is >= 'a' and <= 'z' && (CueStarts[word.Length] & (1u << (lower - 'a'))) != 0;
    }

    /// <summary>Lower-case words that describe an outlet, and so both may be skipped before its name and vouch for it.</summary>
    private static readonly HashSet<string> OutletDescriptors = new(StringComparer.OrdinalIgnoreCase)
    {
        "news", "agency", "newspaper", "daily", "weekly", "outlet", "media", "broadcaster", "channel", "network", "tabloid",
        "magazine", "website", "site", "portal", "wire", "service", "paper", "publication", "radio", "station", "tv", "television",
        "newswire", "blog", "podcast", "journal",
    };

    /// <summary>Other words that may come between the cue and the name: "the state-run", "Russia's", "independent".</summary>
    private static readonly HashSet<string> Fillers = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "state", "state-run", "state-owned", "state-controlled", "independent", "local", "official", "leading",
        "online", "business", "financial", "national", "international", "private", "public", "popular", "major", "influential",
        "pro-kremlin", "opposition", "exiled", "liberal", "conservative", "russian", "american", "british", "us", "u.s.", "ukrainian",
        "german", "french", "chinese", "english-language", "russian-language", "'s", "’s", "of", "and", "investigative", "respected",
    };

    /// <summary>Last words that make a name an outlet's.</summary>
    private static readonly HashSet<string> OutletWords = new(StringComparer.Ordinal)
    {
        "Times", "Post", "News", "Journal", "Gazette", "Herald", "Tribune", "Telegraph", "Guardian", "Independent", "Agency",
        "Radio", "TV", "Television", "Press", "Wire", "Daily", "Weekly", "Today", "Review", "Observer", "Mail", "Express",
        "Standard", "Chronicle", "Insider", "Monitor", "Examiner", "Inquirer", "Sun", "Star", "Globe", "Register", "Bulletin",
        "Dispatch", "Courier", "Gazeta", "Pravda", "Novosti", "Network", "Broadcasting", "Magazine", "Newsweek", "Media",
    };

    /// <summary>Outlets and agencies known by name.</summary>
    private static readonly HashSet<string> KnownOutlets = new(StringComparer.Ordinal)
    {
        "TASS", "ITAR-TASS", "RIA", "RIA Novosti", "Interfax", "Sputnik", "RT", "Reuters", "AP", "Associated Press", "AFP",
        "Agence France-Presse", "Bloomberg", "CNN", "BBC", "NBC", "CBS", "ABC", "MSNBC", "NPR", "PBS", "Al Jazeera", "Xinhua",
        "Kyodo", "Yonhap", "Axios", "Politico", "Forbes", "CNBC", "Kommersant", "Izvestia", "Vedomosti", "Meduza", "PGurus",
        "Breitbart", "Semafor", "Vox", "HuffPost", "BuzzFeed", "TechCrunch", "Verge", "Wired", "Fox", "Fox News", "Newsmax",
        "Bild", "Spiegel", "Der Spiegel", "Le Monde", "El País", "Haaretz", "Ynet", "Dawn", "Anadolu", "IRNA", "KCNA", "UPI",
        "Euronews", "Deutsche Welle", "DW", "France 24", "Sky News", "ITV", "Channel 4", "CBC", "Rossiya", "Izvestiya", "RBC",
        "Gazeta.ru", "Lenta.ru", "Ukrinform", "Unian", "Ukrainska Pravda", "Kyiv Independent", "Mediazona", "Novaya Gazeta",
        "Rosbalt", "Fontanka", "Dozhd", "Rain", "Telegram",
    };

    /// <summary>The outlets credited in <paramref name="text"/>, in text order.</summary>
    public static IReadOnlyList<CitedSource> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Find(text, Tokenizer.Tokenize(text));
    }

    /// <summary>The outlets credited in already tokenised <paramref name="text"/>, in text order.</summary>
    public static IReadOnlyList<CitedSource> Find(string text, Token[] tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var found = new List<CitedSource>();
        for (var i = 0; i < tokens.Length; i++)
        {
            // "according to (the Russian news agency) TASS"
            var span = text.AsSpan(tokens[i].Start, tokens[i].Length);
            foreach (var cue in MayStartCue(span) && CueFirstWordLookup.Contains(span) ? Cues : [])
            {
                if (!Matches(text, tokens, i, cue))
                {
                    continue;
                }

                var j = i + cue.Length;
                var vouched = false;
                var skipped = 0;
                while (j < tokens.Length && skipped < 8)
                {
                    var word = Word(text, tokens[j]);
                    if (OutletDescriptors.Contains(word))
                    {
                        vouched = true;
                    }
                    else if (!Fillers.Contains(word) && !(IsCapitalised(text, tokens[j]) && j + 1 < tokens.Length && Word(text, tokens[j + 1]) is "'s" or "’s"))
                    {
                        break;
                    }

                    j++;
                    skipped++;
                }

                var (first, end) = NameAt(text, tokens, j);
                if (end > first && Accept(text, tokens, first, end, vouched))
                {
                    found.Add(Make(text, tokens, first, end, i, i + cue.Length));
                }

                i += cue.Length - 1;
                break;
            }

            // "TASS reported", "the Moscow Times said"
            if (i > 0 && i < tokens.Length && IsCapitalised(text, tokens[i - 1]) && PostCueLookup.Contains(text.AsSpan(tokens[i].Start, tokens[i].Length)))
            {
                var end = i;
                var first = end - 1;
                while (first > 0 && (IsCapitalised(text, tokens[first - 1]) || (first > 1 && Word(text, tokens[first - 1]) is "of" or "&" && IsCapitalised(text, tokens[first - 2]))))
                {
                    first--;
                }

                var vouched = first > 0 && OutletDescriptors.Contains(Word(text, tokens[first - 1]));
                var name = string.Join(' ', Enumerable.Range(first, end - first).Select(k => Word(text, tokens[k])));
                if ((vouched || KnownOutlets.Contains(name) || (end - first > 1 && OutletWords.Contains(Word(text, tokens[end - 1]))))
                    && !found.Exists(s => s.Start == tokens[first].Start))
                {
                    found.Add(Make(text, tokens, first, end, i, i + 1));
                }
            }
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    /// <summary>The distinct outlet names credited in <paramref name="text"/>, first mention first.</summary>
    public static IReadOnlyList<string> Outlets(string text) => [.. Find(text).Select(s => s.Name).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static bool Accept(string text, Token[] tokens, int first, int end, bool vouched)
    {
        var name = string.Join(' ', Enumerable.Range(first, end - first).Select(k => Word(text, tokens[k])));
        return vouched || KnownOutlets.Contains(name) || (end - first > 1 && OutletWords.Contains(Word(text, tokens[end - 1])));
    }

    /// <summary>A capitalised name starting at <paramref name="start"/>: capitalised words, with "of", "&amp;", "-" inside.</summary>
    private static (int First, int End) NameAt(string text, Token[] tokens, int start)
    {
        var end = start;
        var i = start;
        while (i < tokens.Length && i - start < 8)
        {
            if (IsCapitalised(text, tokens[i]) || (i > start && tokens[i].Kind == TokenKind.Number && tokens[i].Start == tokens[i - 1].End + 1))
            {
                end = ++i;
            }
            else if (i > start && i + 1 < tokens.Length && Word(text, tokens[i]) is "of" or "&" or "-" && IsCapitalised(text, tokens[i + 1]))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        return (start, end);
    }

    private static CitedSource Make(string text, Token[] tokens, int first, int end, int cueFirst, int cueEnd)
    {
        var start = tokens[first].Start;
        var stop = tokens[end - 1].End;
        var cueStart = tokens[cueFirst].Start;
        var cueStop = tokens[cueEnd - 1].End;
        return new CitedSource(text[start..stop], start, stop, string.Join(' ', Enumerable.Range(cueFirst, cueEnd - cueFirst).Select(k => Word(text, tokens[k]).ToLowerInvariant())), cueStart, cueStop);
    }

    private static bool Matches(string text, Token[] tokens, int i, string[] words)
    {
        if (i + words.Length > tokens.Length)
        {
            return false;
        }

        for (var k = 0; k < words.Length; k++)
        {
            if (!text.AsSpan(tokens[i + k].Start, tokens[i + k].Length).Equals(words[k], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private static string Word(string text, Token token) => text.Substring(token.Start, token.Length);

    private static bool IsCapitalised(string text, Token token) =>
        token.Kind == TokenKind.Word && char.IsUpper(text[token.Start]) && !token.Has(TokenTraits.Clitic)
        && !text.AsSpan(token.Start, token.Length).Equals("The", StringComparison.Ordinal);
}
