using Storyline.Analysis.Entities;
using Storyline.Analysis.Text;

namespace Storyline.Analysis.Quotes;

/// <summary>Attribution around a cue word: direct quotes before or after it, indirect content, "according to".</summary>
internal sealed partial class QuoteDocument
{
    private void According(int cue)
    {
        var s = _sentences[_sentenceOf[cue]];
        var speaker = RightNp(cue + 2, s.EndToken);
        if (speaker is null && cue + 2 < s.EndToken && _tokens[cue + 2].Kind == TokenKind.Word && _quoteOf[cue + 2] < 0)
        {
            // Any noun phrase: "according to federal statistics", "according to the post-debate analysis".
            var end = cue + 2;
            while (end + 1 < s.EndToken && end - cue < 12 && _tokens[end + 1].Kind is TokenKind.Word or TokenKind.Number && _quoteOf[end + 1] < 0
                && !Is(end + 1, "that") && !Is(end + 1, "who") && !Is(end + 1, "which"))
            {
                end++;
            }

            speaker = (cue + 2, end);
        }

        if (speaker is not { } sp)
        {
            return;
        }

        int first, last;
        if (cue == s.FirstToken || (cue == s.FirstToken + 1 && IsConjunction(s.FirstToken)))
        {
            var k = sp.Last + 1;
            while (k < s.EndToken && _tokens[k].Kind != TokenKind.Punctuation)
            {
                k++;
            }

            first = k + 1;
            last = s.EndToken - 1;
        }
        else
        {
            first = s.FirstToken;
            last = cue - 1;
            if (_quoteOf[cue - 1] < 0 && _quoteOf[Math.Max(cue - 2, 0)] >= 0)
            {
                first = Math.Min(first, _direct[_quoteOf[cue - 2]].First);
            }
        }

        Add(first, last, cue, cue + 1, sp.First, sp.Last, QuoteRule.According);
    }

    private void Cue(int cue)
    {
        var s = _sentences[_sentenceOf[cue]];
        var left = LeftNp(cue, s.FirstToken);
        if (left is { } objectOf && !SpeechCueWords.Contains(Word(cue)) && IsObjectOfPreposition(objectOf.First, s.FirstToken))
        {
            // The noun phrase is the object of a preposition, not a speaker: "the likelihood of Musk seeking such
            // protection", "with Musk becoming increasingly critical of …" (issue 23).
            return;
        }

        if (left is null && cue - 1 > s.FirstToken && (Is(cue - 1, "and") || Is(cue - 1, "but")) && RightNp(s.FirstToken, s.EndToken) is { } coordinated && coordinated.Last < cue - 2)
        {
            // Coordinated verbs: "SUBJECT did X and said …".
            left = coordinated;
        }

        if (left is { } named && named.Last == cue - 2 && IsPunct(cue - 1, ",") && Word(cue).EndsWith("ing", StringComparison.OrdinalIgnoreCase))
        {
            // "He urged … under the Defense Production Act, arguing that …": the participle's subject is the sentence's.
            left = null;
        }

        if (left is null && cue - 1 > s.FirstToken && IsPunct(cue - 1, ",") && Word(cue).EndsWith("ing", StringComparison.OrdinalIgnoreCase)
            && RightNp(s.FirstToken, s.EndToken) is { } participleSubject && participleSubject.Last < cue - 1)
        {
            // A participle after the main clause: "SUBJECT did X, saying (that) …" or "…, saying: “…”".
            left = participleSubject;
        }

        (int First, int Last)? right = null;
        var claimed = false;

        // A quote just before: “…,” SPEAKER CUE  or  “…,” CUE SPEAKER
        var before = (left?.First ?? cue) - 1;
        var titles = 0;
        while (before >= 0 && _quoteOf[before] < 0
            && (IsPunct(before, ",", "—", "–", "-") || (left is not null && titles++ < 6 && _tokens[before].Kind == TokenKind.Word && char.IsUpper(_text[_tokens[before].Start]))))
        {
            before--;
        }

        if (before >= 0 && _quoteOf[before] is var qb and >= 0 && _direct[qb].Last == before && !_usedQuote[qb] && !ParagraphBreakIn(before + 1, cue)
            && !(IsPunct(before - 1, ".") && cue + 1 < s.EndToken && !IsPunctuation(cue + 1) && !(left is null && RightNp(cue + 1, s.EndToken) is not null)))
        {
            var speaker = left ?? (SpeechCueWords.Contains(Word(cue)) ? right = RightNp(cue + 1, s.EndToken) : null);
            if (speaker is { } sp)
            {
                AddQuote(qb, cue, sp, QuoteRule.QuoteBefore);
                claimed = true;
            }
        }

        // A quote just after: SPEAKER CUE: “…”  or  “…,” SPEAKER CUE, “…”
        var speakerAfter = left ?? right;
        var after = cue + 1;
        if (speakerAfter is null && SpeechCueWords.Contains(Word(cue)) && RightNp(cue + 1, s.EndToken) is { } r)
        {
            speakerAfter = r;
            after = r.Last + 1;
        }

        if (speakerAfter is { } sa)
        {
            if (left is not null && ObjectCueWords.Contains(Word(cue)) && RightNp(after, s.EndToken) is { } addressee)
            {
                after = addressee.Last + 1;
            }

            var k = after;
            while (k < _tokens.Length && _quoteOf[k] < 0 && (IsPunct(k, ":", ",", "—", "–") || Is(k, "that")))
            {
                k++;
            }

            if (k < _tokens.Length && _quoteOf[k] is var qa and >= 0 && _direct[qa].First == k && !_usedQuote[qa]
                && (_direct[qa].Last + 1 >= _tokens.Length || _direct[qa].Last + 1 >= _sentences[_sentenceOf[_direct[qa].Last]].EndToken
                    || _tokens[_direct[qa].Last + 1].Kind != TokenKind.Word || _tokens[_direct[qa].Last + 1].Has(TokenTraits.ParagraphBefore)
                    || LeftNp(_direct[qa].Last + 2, 0) is not null)
                && (!ParagraphBreakIn(cue + 1, k + 1) || IsPunct(k - 1, ":")))
            {
                AddQuote(qa, cue, sa, QuoteRule.QuoteAfter);
                claimed = true;
            }
        }

        if (claimed)
        {
            return;
        }

        if (left is null && Is(cue, "asked") && (cue == s.FirstToken || IsPunct(cue - 1, ",", "—") || Is(cue - 1, "when") || Is(cue - 1, "if")) && AskedClause(cue, s))
        {
            return;
        }

        var rule = QuoteRule.IndirectAfter;
        if (left is null && LongSubject(cue, s) is { } subject)
        {
            left = subject;
            rule = QuoteRule.LongSubject;
        }
        else if (left is null && ClauseSubject(cue, s) is { } clauseSubject)
        {
            left = clauseSubject;
            rule = QuoteRule.ClauseSubject;
        }

        if (left is { } l)
        {
            // Indirect: SPEAKER CUE (OBJECT) (that) CLAUSE
            var k = cue + 1;
            if (ObjectCueWords.Contains(Word(cue)) && RightNp(k, s.EndToken) is { } obj)
            {
                k = obj.Last + 1;
            }

            if (k < s.EndToken && SpeechCueWords.Contains(Word(cue)) && PrepositionWords.Contains(Word(k)))
            {
                // "said in an interview (that) …", "told me on Friday, …": the clause comes after "that" or a comma, if at all.
                var j = k;
                while (j < s.EndToken && !Is(j, "that") && !IsPunctuation(j) && _quoteOf[j] < 0)
                {
                    j++;
                }

                k = j < s.EndToken && Is(j, "that") ? j : j < s.EndToken && IsPunct(j, ",") ? j + 1 : s.EndToken;
                if (k < s.EndToken && _quoteOf[k] >= 0)
                {
                    k = s.EndToken;
                }
            }

            if (k < s.EndToken && !IsPunctuation(k))
            {
                Add(k, s.EndToken - 1, cue, cue, l.First, l.Last, rule);
                return;
            }

            // Mid-sentence: CLAUSE, SPEAKER CUE, CLAUSE.
            if (l.First - 1 > s.FirstToken && IsPunct(l.First - 1, ",") && k < s.EndToken && IsPunct(k, ",") && k + 1 < s.EndToken && _quoteOf[k + 1] < 0)
            {
                Add(s.FirstToken, l.First - 2, cue, cue, l.First, l.Last, QuoteRule.MidSentence);
                Add(k + 1, s.EndToken - 1, cue, cue, l.First, l.Last, QuoteRule.MidSentence);
                return;
            }

            // Sentence-final: CLAUSE, SPEAKER CUE.
            if (l.First - 1 > s.FirstToken && IsPunct(l.First - 1, ",") && (k >= s.EndToken || IsPunct(k, ".", "!", "?")))
            {
                Add(s.FirstToken, l.First - 2, cue, cue, l.First, l.Last, QuoteRule.IndirectBefore);
            }

            return;
        }

        // Sentence-final inverted: CLAUSE, CUE SPEAKER.
        if (cue - 1 > s.FirstToken && IsPunct(cue - 1, ",") && SpeechCueWords.Contains(Word(cue)) && RightNp(cue + 1, s.EndToken) is { } inv
            && (inv.Last + 1 >= s.EndToken || IsPunctuation(inv.Last + 1)))
        {
            Add(s.FirstToken, cue - 2, cue, cue, inv.First, inv.Last, QuoteRule.Inverted);
        }
    }

    private void AddQuote(int quote, int cue, (int First, int Last) speaker, QuoteRule rule)
    {
        if (IsFragment(speaker.First, speaker.Last))
        {
            speaker = MainSubject(_sentenceOf[cue]) ?? (-1, -1);
        }

        _usedQuote[quote] = true;
        var (first, last, _, _) = _direct[quote];
        _found.Add(new Found(first, last, cue, cue, speaker.First, speaker.Last, Direct: true, quote, rule));
    }

    private void Add(int first, int last, int cueFirst, int cueLast, int speakerFirst, int speakerLast, QuoteRule rule)
    {
        if (speakerFirst >= 0 && IsFragment(speakerFirst, speakerLast))
        {
            (speakerFirst, speakerLast) = MainSubject(_sentenceOf[cueFirst]) ?? (-1, -1);
        }

        while (first <= last && (IsPunct(first, ",", ":", ";", "—", "–", "-") || _tokens[first].Kind == TokenKind.CloseQuote))
        {
            first++;
        }

        while (last >= first && (_tokens[last].Kind == TokenKind.Punctuation || (_tokens[last].Kind == TokenKind.CloseQuote && !HasOpenBefore(first, last))))
        {
            last--;
        }

        for (var i = first + 1; i + 1 <= last; i++)
        {
            if ((IsPunct(i, ",") && Is(i + 1, "according") && _quoteOf[i] < 0)
                || (IsPunct(i, ".", "?", "!") && (Mark(i + 1) > 0 || (_tokens[i + 1].Kind == TokenKind.Word && char.IsUpper(_text[_tokens[i + 1].Start])))))
            {
                last = i - 1;
                break;
            }
        }

        if (Words(first, last) < 2)
        {
            return;
        }

        // A quote wholly inside indirect content is part of it.
        for (var i = first; i <= last; i++)
        {
            if (_quoteOf[i] >= 0 && _direct[_quoteOf[i]].First >= first && _direct[_quoteOf[i]].Last <= last)
            {
                _usedQuote[_quoteOf[i]] = true;
            }
        }

        _found.Add(new Found(first, last, cueFirst, cueLast, speakerFirst, speakerLast, Direct: false, -1, rule));
    }

    /// <summary>
    /// A speaker mention that is a piece of the sentence rather than who spoke: it opens with an introductory word
    /// ("In a statement …", "As the race …", "Tuesday"), or ends on a determiner or a preposition ("In a",
    /// "caucuses to"). A mention inside a recognised name is never a fragment ("On Point Radio").
    /// </summary>
    private bool IsFragment(int first, int last)
    {
        if (_mentionOf[first] >= 0 || _tokens[first].Kind != TokenKind.Word)
        {
            return false;
        }

        return FragmentOpenerWords.Contains(Word(first))
            || (last > first && _tokens[last].Kind == TokenKind.Word && _mentionOf[last] < 0
                && (DeterminerWords.Contains(Word(last)) || PrepositionWords.Contains(Word(last)) || NpStopWords.Contains(Word(last))));
    }

    /// <summary>
    /// The subject of a sentence's main clause, past introductory phrases that end at a comma ("In a statement released
    /// Tuesday, Cruz said …", "Meanwhile, when questioned …, Kremlin spokesperson Dmitry Peskov refused …"); null when
    /// there is none to be found or it is itself a fragment.
    /// </summary>
    private (int First, int Last)? MainSubject(int sentence)
    {
        var s = _sentences[sentence];
        var k = s.FirstToken;
        for (var phrases = 0; phrases < 3 && k < s.EndToken && _tokens[k].Kind == TokenKind.Word && _mentionOf[k] < 0 && FragmentOpenerWords.Contains(Word(k)); phrases++)
        {
            var comma = k + 1;
            while (comma < s.EndToken && comma - k < 30 && !IsPunct(comma, ",") && _quoteOf[comma] < 0)
            {
                comma++;
            }

            if (comma >= s.EndToken || !IsPunct(comma, ","))
            {
                return null;
            }

            k = comma + 1;
        }

        if (k >= s.EndToken || RightNp(k, s.EndToken) is not { } subject || IsFragment(subject.First, subject.Last)
            || (subject.Last + 1 < s.EndToken && IsPossessive(subject.Last + 1)))
        {
            return null;
        }

        // Titles before a name: "Kremlin spokesperson Dmitry Peskov" is one subject, not "Kremlin".
        for (var j = subject.Last + 1; j < s.EndToken && j - subject.Last <= MaxTitleWords; j++)
        {
            if (_mentionOf[j] >= 0 && _mentions[_mentionOf[j]].Type == EntityType.Person)
            {
                var last = j;
                while (last + 1 < s.EndToken && _mentionOf[last + 1] == _mentionOf[j])
                {
                    last++;
                }

                return (subject.First, last);
            }

            if (!IsRoleWord(j) && _mentionOf[j] < 0)
            {
                break;
            }
        }

        return subject;
    }

    private bool IsPossessive(int i) => _tokens[i].Kind is TokenKind.Word or TokenKind.Punctuation && (Is(i, "'s") || Is(i, "’s") || Is(i, "'") || Is(i, "’"));

    /// <summary>Whether the noun phrase starting at <paramref name="first"/> is the object of a preposition ("of Musk", "with Musk").</summary>
    private bool IsObjectOfPreposition(int first, int sentenceFirst) =>
        first - 1 >= sentenceFirst && _tokens[first - 1].Kind == TokenKind.Word && ObjectPrepositionWords.Contains(Word(first - 1));
}
