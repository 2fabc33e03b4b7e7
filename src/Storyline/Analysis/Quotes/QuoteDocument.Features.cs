using Storyline.Analysis.Entities;
using Storyline.Analysis.Text;

namespace Storyline.Analysis.Quotes;

/// <summary>The classifier's view of a candidate, and the filter that keeps the likely attributions.</summary>
internal sealed partial class QuoteDocument
{
    private static readonly string[] RuleNames = Enum.GetNames<QuoteRule>();
    private static readonly string[] KindNames = [.. Enum.GetNames<TokenKind>().Select(n => "<" + n + ">")];
    private static readonly string[] TypeNames = [.. Enum.GetNames<EntityType>().Select(n => "<" + n + ">")];
    private static readonly string[] Gaps = ["0", "1", "2", "3", "4"];

    /// <summary>
    /// Drops the candidates the classifier finds unlikely. Candidates sharing a cue ("“A,” he said, “B”", a partial
    /// quote inside indirect content) stand or fall together, as they are scored together: the group's best
    /// candidate decides.
    /// </summary>
    private void KeepLikely()
    {
        var sink = new QuoteFeatureSink(null);
        var best = new Dictionary<int, double>();
        for (var i = 0; i < _found.Count; i++)
        {
            sink.Reset();
            Features(_found[i], sink);
            var probability = QuoteClassifier.Probability(sink.Score);
            var key = GroupKey(i);
            best[key] = Math.Max(best.GetValueOrDefault(key), probability);
        }

        var kept = new List<Found>(_found.Count);
        for (var i = 0; i < _found.Count; i++)
        {
            if (best[GroupKey(i)] >= QuoteClassifier.Threshold)
            {
                kept.Add(_found[i]);
            }
        }

        _found.Clear();
        _found.AddRange(kept);
    }

    private int GroupKey(int i) => _found[i].CueFirst >= 0 ? _found[i].CueFirst : -2 - i;

    /// <summary>The feature names of a candidate (for training).</summary>
    private string[] FeatureNames(Found f)
    {
        var names = new List<string>(32);
        var sink = new QuoteFeatureSink(names);
        sink.Reset();
        Features(f, sink);
        return [.. names];
    }

    /// <summary>Sparse binary features of a candidate: its rule, cue word, speaker kind, content length and context, alone and crossed with the rule.</summary>
    private void Features(Found f, QuoteFeatureSink sink)
    {
        var rule = RuleNames[(int)f.Rule];
        sink.Add("rule=", rule);
        var speaker = SpeakerKind(f);
        sink.Add("sp=", speaker);
        sink.Add(rule, "|sp=", speaker);
        var length = Bucket(Words(f.First, f.Last));
        sink.Add("len=", length);
        sink.Add(rule, "|len=", length);
        var sentence = _sentences[_sentenceOf[f.First]];
        sink.Add(rule, "|slen=", Bucket(Words(sentence.FirstToken, sentence.EndToken - 1)));
        if (_sentenceOf[f.First] == 0)
        {
            sink.Add(rule, "|first-sentence");
        }

        if (sentence.FirstToken == 0 || _tokens[sentence.FirstToken].Has(TokenTraits.ParagraphBefore))
        {
            sink.Add(rule, "|paragraph-start");
        }

        if (f.First > 0 && Is(f.First - 1, "that") || Is(f.First, "that"))
        {
            sink.Add(rule, "|that");
        }

        if (f.QuoteIndex < 0 && _quoteOf[f.First] < 0 && HasQuoteIn(f.First, f.Last))
        {
            sink.Add(rule, "|has-quote");
        }

        if (f.CueFirst >= 0 && f.CueFirst < _tokens.Length && _tokens[f.CueFirst].Kind == TokenKind.Word)
        {
            var cue = Word(f.CueFirst);
            var (stemLength, ending) = Lemma(cue);
            var stem = cue[..stemLength];
            sink.Add("cue=", cue);
            sink.Add("lemma=", stem, ending);
            sink.Add(rule, "|lemma=", stem, ending);
            sink.Add(rule, "|cue=", cue);
            sink.Add(rule, "|speech=", SpeechCueWords.Contains(cue) ? "true" : "false");
            sink.Add(rule, "|next=", WordClass(f.CueLast + 1));
            sink.Add("cue=", cue, "|next=", WordClass(f.CueLast + 1));
            sink.Add(rule, "|prev=", WordClass(f.CueFirst - 1));
            sink.Add("cue=", cue, "|sp=", speaker);
            sink.Add(rule, "|context=", CueContext(f));
            if (f.Rule == QuoteRule.Stance)
            {
                sink.Add(rule, "|form=", Form(cue));
                sink.Add(rule, "|inflected=", LooksInflected(f.CueFirst) ? "true" : "false");
                sink.Add(rule, "|stop=", f.CueLast + 1 < _tokens.Length && StanceStopWords.Contains(Word(f.CueLast + 1)) ? "true" : "false");
                sink.Add(rule, "|next-word=", f.CueLast + 1 < _tokens.Length ? Word(f.CueLast + 1) : "<end>");
            }
        }

        if (f.SpeakerFirst >= 0)
        {
            // The speaker's first and head words and what precedes it: "Despite complaints", "While …", "the numbers".
            sink.Add(rule, "|sp-first=", Lower(f.SpeakerFirst));
            sink.Add("sp-head=", Lower(f.SpeakerLast));
            sink.Add(rule, "|before-sp=", f.SpeakerFirst > 0 && _tokens[f.SpeakerFirst - 1].Kind == TokenKind.Word && char.IsLower(_text[_tokens[f.SpeakerFirst - 1].Start]) ? Lower(f.SpeakerFirst - 1) : WordClass(f.SpeakerFirst - 1));
        }

        if (f.QuoteIndex < 0)
        {
            sink.Add(rule, "|content-first=", Lower(f.First));
        }

        if (f.SpeakerFirst >= 0 && f.CueFirst >= 0)
        {
            var gap = f.SpeakerLast < f.CueFirst ? f.CueFirst - f.SpeakerLast - 1 : f.SpeakerFirst - f.CueLast - 1;
            sink.Add(rule, "|gap=", Gaps[Math.Min(Math.Max(gap, 0), 4)]);
        }
    }

    /// <summary>Where a candidate's cue sits among the other candidates: inside another's content (nested), in a sentence with another cue, or alone.</summary>
    private string CueContext(Found stance)
    {
        var context = "alone";
        foreach (var other in _found)
        {
            if (other.CueFirst == stance.CueFirst || other.CueFirst < 0)
            {
                continue;
            }

            if (other.First <= stance.CueFirst && stance.CueFirst <= other.Last)
            {
                return "inside";
            }

            if (_sentenceOf[other.CueFirst] == _sentenceOf[stance.CueFirst])
            {
                context = other.CueFirst < stance.CueFirst ? "after-cue" : "before-cue";
            }
        }

        return context;
    }

    /// <summary>The word itself (features are lower-cased when joined), or its class when not a word.</summary>
    private ReadOnlySpan<char> Lower(int i) => _tokens[i].Kind == TokenKind.Word ? Word(i) : WordClass(i);

    private bool HasQuoteIn(int first, int last)
    {
        for (var i = first; i <= last; i++)
        {
            if (_quoteOf[i] >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static string Bucket(int words) => words switch
    {
        <= 2 => "1-2",
        <= 5 => "3-5",
        <= 10 => "6-10",
        <= 20 => "11-20",
        <= 40 => "21-40",
        _ => "41+",
    };

    /// <summary>A crude stem that pools a verb's inflections ("supports", "supported", "supporting" → "support"), as a stem and an ending to append.</summary>
    private static (int StemLength, string Ending) Lemma(ReadOnlySpan<char> verb) =>
        verb.Length > 5 && verb.EndsWith("ing", StringComparison.OrdinalIgnoreCase) ? (verb.Length - 3, string.Empty)
        : verb.Length > 4 && (verb.EndsWith("ied", StringComparison.OrdinalIgnoreCase) || verb.EndsWith("ies", StringComparison.OrdinalIgnoreCase)) ? (verb.Length - 3, "y")
        : verb.Length > 4 && verb.EndsWith("ed", StringComparison.OrdinalIgnoreCase) ? (verb.Length - 2, string.Empty)
        : verb.Length > 3 && verb.EndsWith("s", StringComparison.OrdinalIgnoreCase) && !verb.EndsWith("ss", StringComparison.OrdinalIgnoreCase) ? (verb.Length - 1, string.Empty)
        : (verb.Length, string.Empty);

    private static string Form(ReadOnlySpan<char> verb) =>
        verb.EndsWith("ing", StringComparison.OrdinalIgnoreCase) ? "ing"
        : verb.EndsWith("ed", StringComparison.OrdinalIgnoreCase) ? "ed"
        : verb.EndsWith("s", StringComparison.OrdinalIgnoreCase) ? "s"
        : "other";

    /// <summary>A coarse class of the word at <paramref name="i"/>: a few function words as themselves, else its kind.</summary>
    private ReadOnlySpan<char> WordClass(int i)
    {
        if (i < 0 || i >= _tokens.Length)
        {
            return "<edge>";
        }

        if (_quoteOf[i] >= 0)
        {
            return "<quote>";
        }

        if (_tokens[i].Kind == TokenKind.Punctuation)
        {
            return Word(i);
        }

        if (_tokens[i].Kind != TokenKind.Word)
        {
            return KindNames[(int)_tokens[i].Kind];
        }

        var word = Word(i);
        if (Is(i, "that") || Is(i, "to") || Is(i, "it") || Is(i, "and") || Is(i, "the") || Is(i, "a") || Is(i, "not") || Is(i, "is") || Is(i, "was") || Is(i, "by") || Is(i, "of"))
        {
            return word;
        }

        return IsPronoun(i) ? "<pronoun>"
            : PrepositionWords.Contains(word) ? "<prep>"
            : DeterminerWords.Contains(word) ? "<det>"
            : _mentionOf[i] >= 0 ? TypeNames[(int)_mentions[_mentionOf[i]].Type]
            : char.IsUpper(word[0]) ? "<cap>"
            : "<word>";
    }

    private ReadOnlySpan<char> SpeakerKind(Found f)
    {
        if (f.SpeakerFirst < 0)
        {
            return "none";
        }

        if (f.SpeakerFirst == f.SpeakerLast && (IsPronoun(f.SpeakerFirst) || Is(f.SpeakerFirst, "who") || Is(f.SpeakerFirst, "which")))
        {
            return Word(f.SpeakerFirst);
        }

        for (var i = f.SpeakerLast; i >= f.SpeakerFirst; i--)
        {
            if (_mentionOf[i] >= 0)
            {
                return _mentions[_mentionOf[i]].Type == EntityType.Person ? "person" : "entity";
            }
        }

        return SpeakerNounWords.Contains(Word(f.SpeakerLast)) ? (PersonNounWords.Contains(Word(f.SpeakerLast)) ? "person-noun" : "speaker-noun")
            : char.IsUpper(_text[_tokens[f.SpeakerLast].Start]) ? "capitalised"
            : "other";
    }
}
