using Storyline.Analysis.Entities;
using Storyline.Analysis.Text;

namespace Storyline.Analysis.Quotes;

/// <summary>Attributions without a listed cue: stances, transcript turns, signed and leftover quotes.</summary>
internal sealed partial class QuoteDocument
{
    /// <summary>
    /// Stances without a listed cue: in a sentence no cue attributed, a named person or organisation (or he/she/they)
    /// followed by an inflected verb ("Trump is defending his tweets") holds the rest of the sentence. PolNeAR
    /// annotates such stances as attributions.
    /// </summary>
    private void FindStances()
    {
        var attributed = new bool[_sentences.Length];
        foreach (var f in _found)
        {
            attributed[_sentenceOf[f.CueFirst]] = true;
        }

        for (var si = 0; si < _sentences.Length; si++)
        {
            var s = _sentences[si];
            if (attributed[si])
            {
                continue;
            }

            for (var t = s.FirstToken + 1; t + 1 < s.EndToken; t++)
            {
                if (_quoteOf[t] >= 0 || _tokens[t].Kind != TokenKind.Word || _mentionOf[t] >= 0 || !char.IsLower(_text[_tokens[t].Start]) || !LooksInflected(t) || Is(t, "according")
                    || BetweenWords.Contains(Word(t)) || NpStopWords.Contains(Word(t)) || IsPunctuation(t + 1) || _quoteOf[t + 1] >= 0)
                {
                    continue;
                }

                if (LeftNp(t, s.FirstToken) is not { } subject || IsObjectOfPreposition(subject.First, s.FirstToken))
                {
                    continue;
                }

                var named = subject.First == subject.Last && (Is(subject.First, "he") || Is(subject.First, "she") || Is(subject.First, "they") || Is(subject.First, "i") || Is(subject.First, "we"))
                    || (_mentionOf[subject.Last] >= 0 && _mentions[_mentionOf[subject.Last]].Type is EntityType.Person or EntityType.Organization)
                    || (SpeakerNounWords.Contains(Word(subject.Last)) && DeterminerWords.Contains(Word(subject.First)))
                    || (char.IsUpper(_text[_tokens[subject.Last].Start]) && !NotNameWords.Contains(Word(subject.Last)));
                if (named && !StanceStopWords.Contains(Word(t + 1)))
                {
                    Add(t + 1, s.EndToken - 1, t, t, subject.First, subject.Last, QuoteRule.Stance);
                    break;
                }
            }
        }
    }

    /// <summary>
    /// "In a CBS News poll released Monday, Mrs. Clinton led …": a sentence opening with "In" and a source noun
    /// (poll, statement, report) before a comma is that source's content, when no cue attributed the sentence.
    /// </summary>
    private void FindInPhrases()
    {
        var attributed = new bool[_sentences.Length];
        foreach (var f in _found)
        {
            attributed[_sentenceOf[f.CueFirst]] = true;
        }

        for (var si = 0; si < _sentences.Length; si++)
        {
            var s = _sentences[si];
            var cue = s.FirstToken;
            if (attributed[si] || cue + 3 >= s.EndToken || !Is(cue, "in") || _quoteOf[cue] >= 0)
            {
                continue;
            }

            var comma = cue + 1;
            var source = false;
            while (comma < s.EndToken && comma - cue <= 15 && !IsPunctuation(comma) && _quoteOf[comma] < 0)
            {
                source |= _tokens[comma].Kind == TokenKind.Word && (SpeakerNounWords.Contains(Word(comma)) || SourceNounWords.Contains(Word(comma)));
                comma++;
            }

            if (source && comma + 2 < s.EndToken && IsPunct(comma, ","))
            {
                Add(comma + 1, s.EndToken - 1, cue, cue, cue + 1, comma - 1, QuoteRule.InPhrase);
            }
        }
    }

    private bool LooksInflected(int i)
    {
        var w = Word(i);
        return IrregularPastWords.Contains(w) || w.Length > 3 && (w.EndsWith("ed", StringComparison.Ordinal) || w.EndsWith("ing", StringComparison.Ordinal)
            || (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal)));
    }

    /// <summary>Transcript turns: a line opening with a name in capitals and a colon ("WALLACE: Let's start …") is that speaker's words up to the next line.</summary>
    private void FindTranscriptTurns()
    {
        for (var t = 0; t + 2 < _tokens.Length; t++)
        {
            var lineStart = _tokens[t].Has(TokenTraits.LineBefore) || _tokens[t].Has(TokenTraits.ParagraphBefore) || t == 0
                || (Mark(t - 1) > 0 && (t - 1 == 0 || _tokens[t - 1].Has(TokenTraits.LineBefore) || _tokens[t - 1].Has(TokenTraits.ParagraphBefore)));
            if (!lineStart || _tokens[t].Kind != TokenKind.Word || _tokens[t].Length < 2)
            {
                continue;
            }

            // "WALLACE:" or a person's name: "Flynn: Trump absolutely right".
            var nameEnd = t;
            var headline = false;
            if (_mentionOf[t] >= 0 && _mentions[_mentionOf[t]].Type == EntityType.Person)
            {
                while (nameEnd + 1 < _tokens.Length && _mentionOf[nameEnd + 1] == _mentionOf[t])
                {
                    nameEnd++;
                }
            }
            else if (!IsAllCaps(t))
            {
                // A headline's "Poll: …", "NY Post: …", "Clinton camp: …": a short capitalised phrase; the classifier weighs it.
                while (nameEnd + 1 < _tokens.Length && nameEnd - t < 4 && _tokens[nameEnd + 1].Kind == TokenKind.Word && !_tokens[nameEnd + 1].Has(TokenTraits.LineBefore))
                {
                    nameEnd++;
                }

                if (!char.IsUpper(_text[_tokens[t].Start]) || NotNameWords.Contains(Word(t)) || nameEnd + 1 >= _tokens.Length || !IsPunct(nameEnd + 1, ":"))
                {
                    continue;
                }

                headline = true;
            }

            if (nameEnd + 2 >= _tokens.Length || !IsPunct(nameEnd + 1, ":"))
            {
                continue;
            }

            var nameStart = t;
            t = nameEnd;
            var last = t + 2;
            while (last + 1 < _tokens.Length && !_tokens[last + 1].Has(TokenTraits.LineBefore) && !_tokens[last + 1].Has(TokenTraits.ParagraphBefore))
            {
                last++;
            }

            while (last > t + 2 && (_tokens[last].Kind == TokenKind.Punctuation || Mark(last) < 0))
            {
                last--;
            }

            if (Words(t + 2, last) < 2)
            {
                continue;
            }

            if (_quoteOf[t] >= 0)
            {
                _usedQuote[_quoteOf[t]] = true;
            }

            _found.Add(new Found(t + 2, last, t + 1, t + 1, nameStart, nameEnd, Direct: IsAllCaps(nameStart), -1, headline ? QuoteRule.Headline : QuoteRule.Transcript));
        }
    }

    /// <summary>Quotes no cue claimed: partial quotes inside indirect content take its speaker; longer ones take the speaker of the quote just before (same or previous paragraph) or stay unattributed.</summary>
    private void AttachLeftoverQuotes()
    {
        var found = _found.ToList();
        for (var q = 0; q < _direct.Count; q++)
        {
            var (first, last, _, _) = _direct[q];
            var container = found.FirstOrDefault(f => f.QuoteIndex < 0 && f.First <= first && last <= f.Last);
            if (container is not null)
            {
                _found.Add(container with { First = first, Last = last, Direct = true, QuoteIndex = q, Rule = QuoteRule.Partial });
                continue;
            }

            if (_usedQuote[q] || Words(first, last) < MinDirectWords)
            {
                continue;
            }

            // “…” ― NAME
            if (last + 2 < _tokens.Length && IsPunct(last + 1, "―", "—", "–", "-") && !ParagraphBreakIn(last + 1, last + 3)
                && RightNp(last + 2, _sentences[_sentenceOf[last + 2]].EndToken) is { } signed)
            {
                _usedQuote[q] = true;
                _found.Add(new Found(first, last, last + 1, last + 1, signed.First, signed.Last, Direct: true, q, QuoteRule.Signed));
                continue;
            }

            // The nearest attributed direct quote before, within the same or the previous paragraph.
            var paragraph = _sentences[_sentenceOf[first]].Paragraph;
            var previous = _found.Where(f => f.Direct && f.Last < first && _sentences[_sentenceOf[f.Last]].Paragraph >= paragraph - 1)
                .OrderByDescending(f => f.Last).FirstOrDefault();
            _usedQuote[q] = true;
            _found.Add(previous is not null
                ? new Found(first, last, previous.CueFirst, previous.CueLast, previous.SpeakerFirst, previous.SpeakerLast, Direct: true, q, QuoteRule.Continued)
                : new Found(first, last, -1, -1, -1, -1, Direct: true, q, QuoteRule.Unattributed));
        }
    }
}
