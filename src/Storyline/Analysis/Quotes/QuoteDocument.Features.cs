using Storyline.Analysis.Entities;
using Storyline.Analysis.Text;

namespace Storyline.Analysis.Quotes;

/// <summary>The classifier's view of a candidate, and the filter that keeps the likely attributions.</summary>
internal sealed partial class QuoteDocument
{
    /// <summary>
    /// Drops the candidates the classifier finds unlikely. Candidates sharing a cue ("“A,” he said, “B”", a partial
    /// quote inside indirect content) stand or fall together, as they are scored together: the group's best
    /// candidate decides.
    /// </summary>
    private void KeepLikely()
    {
        var best = new Dictionary<int, double>();
        var probability = new double[_found.Count];
        for (var i = 0; i < _found.Count; i++)
        {
            probability[i] = QuoteClassifier.Probability(Features(_found[i]));
            var key = GroupKey(i);
            best[key] = Math.Max(best.GetValueOrDefault(key), probability[i]);
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

    /// <summary>Sparse binary features of a candidate: its rule, cue word, speaker kind, content length and context, alone and crossed with the rule.</summary>
    private List<string> Features(Found f)
    {
        var rule = f.Rule.ToString();
        var features = new List<string>(24) { "rule=" + rule };
        var speaker = SpeakerKind(f);
        features.Add("sp=" + speaker);
        features.Add(rule + "|sp=" + speaker);
        var length = Bucket(Words(f.First, f.Last));
        features.Add("len=" + length);
        features.Add(rule + "|len=" + length);
        var sentence = _sentences[_sentenceOf[f.First]];
        features.Add(rule + "|slen=" + Bucket(Words(sentence.FirstToken, sentence.EndToken - 1)));
        if (_sentenceOf[f.First] == 0)
        {
            features.Add(rule + "|first-sentence");
        }

        if (sentence.FirstToken == 0 || _tokens[sentence.FirstToken].Has(TokenTraits.ParagraphBefore))
        {
            features.Add(rule + "|paragraph-start");
        }

        if (f.First > 0 && Is(f.First - 1, "that") || Is(f.First, "that"))
        {
            features.Add(rule + "|that");
        }

        if (f.QuoteIndex < 0 && _quoteOf[f.First] < 0 && HasQuoteIn(f.First, f.Last))
        {
            features.Add(rule + "|has-quote");
        }

        if (f.CueFirst >= 0 && f.CueFirst < _tokens.Length && _tokens[f.CueFirst].Kind == TokenKind.Word)
        {
            var cue = Word(f.CueFirst).ToString().ToLowerInvariant();
            features.Add("cue=" + cue);
            features.Add("lemma=" + Lemma(cue));
            features.Add(rule + "|lemma=" + Lemma(cue));
            features.Add(rule + "|cue=" + cue);
            features.Add(rule + "|speech=" + SpeechCueWords.Contains(cue));
            features.Add(rule + "|next=" + WordClass(f.CueLast + 1));
            features.Add("cue=" + cue + "|next=" + WordClass(f.CueLast + 1));
            features.Add(rule + "|prev=" + WordClass(f.CueFirst - 1));
            if (f.Rule == QuoteRule.Stance)
            {
                features.Add(rule + "|form=" + Form(cue));
                features.Add(rule + "|inflected=" + LooksInflected(f.CueFirst));
                features.Add(rule + "|stop=" + StanceStopWords.Contains(Word(f.CueLast + 1)));
                features.Add(rule + "|context=" + StanceContext(f));
                features.Add(rule + "|next-word=" + (f.CueLast + 1 < _tokens.Length ? Word(f.CueLast + 1).ToString().ToLowerInvariant() : "<end>"));
            }
        }

        if (f.SpeakerFirst >= 0)
        {
            // The speaker's first and head words and what precedes it: "Despite complaints", "While …", "the numbers".
            features.Add(rule + "|sp-first=" + Lower(f.SpeakerFirst));
            features.Add("sp-head=" + Lower(f.SpeakerLast));
            features.Add(rule + "|before-sp=" + (f.SpeakerFirst > 0 && _tokens[f.SpeakerFirst - 1].Kind == TokenKind.Word && char.IsLower(_text[_tokens[f.SpeakerFirst - 1].Start]) ? Lower(f.SpeakerFirst - 1) : WordClass(f.SpeakerFirst - 1)));
        }

        if (f.QuoteIndex < 0)
        {
            features.Add(rule + "|content-first=" + Lower(f.First));
        }

        if (f.SpeakerFirst >= 0 && f.CueFirst >= 0)
        {
            var gap = f.SpeakerLast < f.CueFirst ? f.CueFirst - f.SpeakerLast - 1 : f.SpeakerFirst - f.CueLast - 1;
            features.Add(rule + "|gap=" + Math.Min(Math.Max(gap, 0), 4));
        }

        return features;
    }

    /// <summary>Where a stance sits among the other candidates: inside another's content (nested), in a sentence with another cue, or alone.</summary>
    private string StanceContext(Found stance)
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

    private string Lower(int i) => _tokens[i].Kind == TokenKind.Word ? Word(i).ToString().ToLowerInvariant() : WordClass(i);

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

    /// <summary>A crude stem that pools a verb's inflections ("supports", "supported", "supporting" → "support").</summary>
    private static string Lemma(string verb) =>
        verb.Length > 5 && verb.EndsWith("ing", StringComparison.Ordinal) ? verb[..^3]
        : verb.Length > 4 && verb.EndsWith("ied", StringComparison.Ordinal) ? verb[..^3] + "y"
        : verb.Length > 4 && verb.EndsWith("ies", StringComparison.Ordinal) ? verb[..^3] + "y"
        : verb.Length > 4 && verb.EndsWith("ed", StringComparison.Ordinal) ? verb[..^2]
        : verb.Length > 3 && verb.EndsWith('s') && !verb.EndsWith("ss", StringComparison.Ordinal) ? verb[..^1]
        : verb;

    private static string Form(string verb) =>
        verb.EndsWith("ing", StringComparison.Ordinal) ? "ing"
        : verb.EndsWith("ed", StringComparison.Ordinal) ? "ed"
        : verb.EndsWith('s') ? "s"
        : "other";

    /// <summary>A coarse class of the word at <paramref name="i"/>: a few function words as themselves, else its kind.</summary>
    private string WordClass(int i)
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
            return Word(i).ToString();
        }

        if (_tokens[i].Kind != TokenKind.Word)
        {
            return "<" + _tokens[i].Kind + ">";
        }

        var word = Word(i);
        if (Is(i, "that") || Is(i, "to") || Is(i, "it") || Is(i, "and") || Is(i, "the") || Is(i, "a") || Is(i, "not") || Is(i, "is") || Is(i, "was") || Is(i, "by") || Is(i, "of"))
        {
            return word.ToString().ToLowerInvariant();
        }

        return IsPronoun(i) ? "<pronoun>"
            : PrepositionWords.Contains(word) ? "<prep>"
            : DeterminerWords.Contains(word) ? "<det>"
            : _mentionOf[i] >= 0 ? "<" + _mentions[_mentionOf[i]].Type + ">"
            : char.IsUpper(word[0]) ? "<cap>"
            : "<word>";
    }

    private string SpeakerKind(Found f)
    {
        if (f.SpeakerFirst < 0)
        {
            return "none";
        }

        if (f.SpeakerFirst == f.SpeakerLast && (IsPronoun(f.SpeakerFirst) || Is(f.SpeakerFirst, "who") || Is(f.SpeakerFirst, "which")))
        {
            return Word(f.SpeakerFirst).ToString().ToLowerInvariant();
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
