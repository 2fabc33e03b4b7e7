using Storyline.Analysis.Entities;
using Storyline.Analysis.Text;

namespace Storyline.Analysis.Quotes;

/// <summary>Speaker mentions next to a cue and their resolution to a name.</summary>
internal sealed partial class QuoteDocument
{
    /// <summary>The subject before a cue: a pronoun, a name, "Trump, the front-runner,", or "the lawmaker".</summary>
    private (int First, int Last)? LeftNp(int cue, int sentenceFirst)
    {
        var k = cue - 1;
        while (k >= sentenceFirst && _tokens[k].Kind == TokenKind.Word && BetweenWords.Contains(Word(k)))
        {
            k--;
        }

        if (k < sentenceFirst || _quoteOf[k] >= 0)
        {
            return null;
        }

        if (IsPunct(k, ")"))
        {
            // "Sen. David Perdue (R-Ga.) said"
            var open = k - 1;
            while (open > sentenceFirst && k - open < 12 && !IsPunct(open, "("))
            {
                open--;
            }

            if (open < sentenceFirst || !IsPunct(open, "(") || open - 1 < sentenceFirst)
            {
                return null;
            }

            k = open - 1;
        }

        if (IsPunct(k, ","))
        {
            // Apposition: NAME, DESCRIPTION, CUE
            for (var j = k - 1; j >= Math.Max(sentenceFirst, k - 30); j--)
            {
                if (_quoteOf[j] >= 0)
                {
                    return null;
                }

                if (IsPunct(j, ","))
                {
                    if (j - 1 >= sentenceFirst && (_mentionOf[j - 1] >= 0 || IsPronoun(j - 1)))
                    {
                        return NpEndingAt(j - 1, sentenceFirst);
                    }

                    // "A lawyer for the outlets, David Schulz, said": the name in the apposition.
                    return k - 1 > j && _mentionOf[k - 1] >= 0 && _mentions[_mentionOf[k - 1]].Type == EntityType.Person ? NpEndingAt(k - 1, j + 1) : null;
                }
            }

            // "Bannon, said, …": a name right before the comma.
            return k - 1 >= sentenceFirst && _mentionOf[k - 1] >= 0 ? NpEndingAt(k - 1, sentenceFirst) : null;
        }

        if (Is(k, "who") || Is(k, "which"))
        {
            // A relative clause: "…, who said …" — the speaker mention is the relative pronoun itself.
            return (k, k);
        }

        return NpEndingAt(k, sentenceFirst);
    }

    private (int First, int Last)? NpEndingAt(int k, int sentenceFirst)
    {
        if (IsPronoun(k))
        {
            return (k, k);
        }

        if (_mentionOf[k] >= 0)
        {
            var m = _mentionOf[k];
            var first = k;
            while (first - 1 >= sentenceFirst && _mentionOf[first - 1] == m)
            {
                first--;
            }

            // Titles: "Mr. Sharpton", "Sen. Graham", "President Obama".
            while (first - 1 >= sentenceFirst && _mentionOf[first - 1] < 0 && _tokens[first - 1].Kind == TokenKind.Word && k - first < 6
                && (_tokens[first - 1].Has(TokenTraits.Abbreviation) || (char.IsUpper(_text[_tokens[first - 1].Start]) && !NotNameWords.Contains(Word(first - 1)))))
            {
                first--;
            }

            return (first, k);
        }

        if (_tokens[k].Kind != TokenKind.Word)
        {
            return null;
        }

        if (char.IsUpper(_text[_tokens[k].Start]))
        {
            var first = k;
            while (first - 1 >= sentenceFirst && _tokens[first - 1].Kind == TokenKind.Word && char.IsUpper(_text[_tokens[first - 1].Start]) && k - first < 4)
            {
                first--;
            }

            // A capitalised word at the sentence start that is not a name ("This", "Officials") is not enough alone.
            return first == sentenceFirst && first == k && NotNameWords.Contains(Word(k)) ? null : (first, k);
        }

        if (!SpeakerNounWords.Contains(Word(k)))
        {
            // A bare plural opening a clause: "environmentalists worry that …".
            if (Word(k).Length > 4 && Word(k)[^1] == 's' && Word(k)[^2] != 's' && (k == sentenceFirst || IsPunctuation(k - 1) || Mark(k - 1) != 0 || IsConjunction(k - 1)))
            {
                return (k, k);
            }

            // Any noun phrase "the ad's narrator" that opens a clause.
            for (var j = k - 1; j >= Math.Max(sentenceFirst, k - 5); j--)
            {
                if (_tokens[j].Kind != TokenKind.Word || CueWords.Contains(Word(j)) || NpStopWords.Contains(Word(j)))
                {
                    return null;
                }

                if (DeterminerWords.Contains(Word(j)))
                {
                    return j == sentenceFirst || _tokens[j - 1].Kind is TokenKind.Punctuation or TokenKind.CloseQuote || IsConjunction(j - 1) ? (j, k) : null;
                }
            }

            return null;
        }

        // Walk back over modifiers to a determiner, a sentence start or punctuation.
        var start = k;
        for (var j = k - 1; j >= Math.Max(sentenceFirst, k - 6); j--)
        {
            if (_tokens[j].Kind is not (TokenKind.Word or TokenKind.Number) || CueWords.Contains(Word(j)) || Is(j, "and") || Is(j, "that"))
            {
                break;
            }

            start = j;
            if (DeterminerWords.Contains(Word(j)))
            {
                break;
            }
        }

        return (start, k);
    }

    /// <summary>A speaker after a cue ("said Peskov", "according to the Kremlin spokesman").</summary>
    private (int First, int Last)? RightNp(int k, int sentenceEnd)
    {
        if (k >= sentenceEnd || _quoteOf[k] >= 0)
        {
            return null;
        }

        if (IsPronoun(k))
        {
            return (k, k);
        }

        if (_tokens[k].Kind != TokenKind.Word)
        {
            return null;
        }

        if (_mentionOf[k] >= 0)
        {
            var m = _mentionOf[k];
            var last = k;
            while (last + 1 < sentenceEnd && _mentionOf[last + 1] == m)
            {
                last++;
            }

            return (k, last);
        }

        var upper = char.IsUpper(_text[_tokens[k].Start]);
        if (upper && !DeterminerWords.Contains(Word(k)))
        {
            var last = k;
            while (last + 1 < sentenceEnd && _tokens[last + 1].Kind == TokenKind.Word && char.IsUpper(_text[_tokens[last + 1].Start]) && last - k < 4)
            {
                last++;
            }

            return (k, last);
        }

        // A description: up to its last head (a name, a speaker noun, a capitalised word) before a clause or a preposition.
        var head = -1;
        for (var j = k; j < Math.Min(sentenceEnd, k + 10); j++)
        {
            if (_tokens[j].Kind is not (TokenKind.Word or TokenKind.Number) || _quoteOf[j] >= 0 || CueWords.Contains(Word(j)) || NpStopWords.Contains(Word(j)))
            {
                break;
            }

            if (_mentionOf[j] >= 0 || SpeakerNounWords.Contains(Word(j)) || char.IsUpper(_text[_tokens[j].Start]))
            {
                head = j;
            }
        }

        return head >= 0 ? (k, head) : null;
    }
}
