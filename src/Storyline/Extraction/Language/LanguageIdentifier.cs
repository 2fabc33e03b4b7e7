using Script = Storyline.Extraction.WritingScript;

namespace Storyline.Extraction.Language;

/// <summary>
/// A small language identifier for news text. Writing systems used by one language decide at once
/// (Greek, Hebrew, Hangul, Thai, Kana, Bengali, Tamil…); languages that share a script (Latin,
/// Cyrillic, Arabic, Devanagari) are told apart by the embedded character n-gram model
/// (<see cref="LanguageModel"/>, 43 languages trained on the Universal Declaration of Human Rights).
/// Returns ISO 639-1 codes, or null when the text is too short to tell or reads as a language the model lacks.
/// </summary>
internal static class LanguageIdentifier
{
    /// <summary>Below this many letters (a Han, Kana or Hangul character counting three) even n-grams guess.</summary>
    internal const int MinLetters = 20;

    /// <summary>About 500 words settle any language; reading more only costs time.</summary>
    private const int SampleChars = 3_000;

    /// <summary>Fewer known n-grams than this is too little evidence for a shared script.</summary>
    private const int MinKnownNgrams = 12;

    /// <summary>
    /// A lead of this many quantisation steps (50 nats) settles the language: held-out snippets of 400
    /// characters are all right, and news text reaches such a lead within a few hundred characters.
    /// </summary>
    private const long DecisiveMargin = 1_000;

    /// <summary>
    /// The share of the n-grams read (in the text's script) that the best language must keep, or the text
    /// is in a language the model lacks. Held-out UDHR snippets of modelled languages keep 73% or more
    /// (1st percentile, 60 characters), news sentences written for the tests 72% or more, other languages
    /// of the same scripts 65% (median): 0.6 turns away a quarter of those and almost nothing modelled.
    /// </summary>
    internal const double MinCoverage = 0.6;

    private static readonly int ScriptCount = WritingScripts.Count;

    /// <summary>The language of <paramref name="text"/>, or null when unsure.</summary>
    public static string? Identify(string? text) => Identify(text, LanguageModel.Shipped);

    /// <summary>
    /// The language of paragraphs as if joined by line breaks (<c>string.Join('\n', paragraphs)</c>), reading only
    /// the start that <see cref="Identify(string?)"/> would read rather than joining them all.
    /// </summary>
    public static string? Identify(IReadOnlyList<string> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(SampleChars);
        try
        {
            return Identify(buffer.AsSpan(0, CopyJoinedStart(paragraphs, buffer.AsSpan(0, SampleChars))), LanguageModel.Shipped);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Copies the start of <c>string.Join('\n', paragraphs)</c> into <paramref name="into"/>, as much as fits; returns its length.</summary>
    internal static int CopyJoinedStart(IReadOnlyList<string> paragraphs, Span<char> into)
    {
        var length = 0;
        for (var p = 0; p < paragraphs.Count && length < into.Length; p++)
        {
            if (p > 0)
            {
                into[length++] = '\n';
            }

            var take = Math.Min(paragraphs[p].Length, into.Length - length);
            paragraphs[p].AsSpan(0, take).CopyTo(into[length..]);
            length += take;
        }

        return length;
    }

    /// <summary>The language of <paramref name="text"/> by the given model (held-out evaluation), or null when unsure.</summary>
    internal static string? Identify(string? text, LanguageModel model) =>
        string.IsNullOrEmpty(text) ? null : Identify(text.AsSpan(0, Math.Min(text.Length, SampleChars)), model);

    private static string? Identify(ReadOnlySpan<char> sample, LanguageModel model)
    {
        if (sample.IsEmpty)
        {
            return null;
        }

        Span<int> counts = stackalloc int[ScriptCount];
        var letters = 0;
        foreach (var c in sample)
        {
            var s = WritingScripts.Of(c);
            if (s != Script.None)
            {
                counts[(int)s]++;
                letters++;
            }
        }

        // A Han, Kana or Hangul character carries about a word's worth of text.
        if (letters + (2 * (counts[(int)Script.Han] + counts[(int)Script.Kana] + counts[(int)Script.Hangul])) < MinLetters)
        {
            return null;
        }

        // Japanese writes Han and Kana together; any real share of Kana means Japanese.
        if (counts[(int)Script.Kana] > 0.1 * letters)
        {
            return "ja";
        }

        var script = Dominant(counts);
        return script switch
        {
            Script.Greek => "el",
            Script.Hebrew => "he",
            Script.Bengali => "bn",
            Script.Gurmukhi => "pa",
            Script.Gujarati => "gu",
            Script.Tamil => "ta",
            Script.Telugu => "te",
            Script.Kannada => "kn",
            Script.Malayalam => "ml",
            Script.Thai => "th",
            Script.Georgian => "ka",
            Script.Armenian => "hy",
            Script.Hangul => "ko",
            Script.Han => "zh",
            Script.Ethiopic => "am",
            _ => model.For(script) is { } profiles ? ByNgrams(sample, profiles) : null,
        };
    }

    private static string? ByNgrams(ReadOnlySpan<char> sample, NgramProfiles profiles)
    {
        Span<long> scores = stackalloc long[profiles.Languages.Length];
        Span<int> kept = stackalloc int[profiles.Languages.Length];
        var (read, known) = profiles.Score(sample, scores, kept, DecisiveMargin);
        if (known < MinKnownNgrams)
        {
            return null;
        }

        var best = 0;
        for (var l = 1; l < scores.Length; l++)
        {
            if (scores[l] > scores[best])
            {
                best = l;
            }
        }

        // Text in a language the model lacks still has a best language, but few of its n-grams are that language's.
        return kept[best] >= MinCoverage * read ? profiles.Languages[best] : null;
    }

    private static Script Dominant(ReadOnlySpan<int> counts)
    {
        var best = 0;
        for (var s = 1; s < counts.Length; s++)
        {
            if (counts[s] > counts[best])
            {
                best = s;
            }
        }

        return (Script)best;
    }
}
