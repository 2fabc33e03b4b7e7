using Storyline.Analysis.Text;

namespace Storyline.Analysis.Quotes;

/// <summary>Clauses the noun-phrase rules miss: long and second-clause subjects, "asked whether …", and where coordinated indirect content ends.</summary>
internal sealed partial class QuoteDocument
{
    /// <summary>
    /// A subject too long for the noun-phrase rules ("A person familiar with the planning for Thursday's meeting says",
    /// "Rep. Tom Cole of Oklahoma, an ally of GOP leadership, said"): everything from the sentence start (after a
    /// conjunction) to the cue, when it holds no quote, no other cue and no clause break. The classifier weighs it.
    /// </summary>
    private (int First, int Last)? LongSubject(int cue, Sentence s)
    {
        var first = s.FirstToken < cue && IsConjunction(s.FirstToken) ? s.FirstToken + 1 : s.FirstToken;
        var last = cue - 1;
        while (last >= first && _tokens[last].Kind == TokenKind.Word && BetweenWords.Contains(Word(last)))
        {
            last--;
        }

        if (last < first || last - first > MaxLongSubject || _tokens[first].Kind != TokenKind.Word || !char.IsUpper(_text[_tokens[first].Start]))
        {
            return null;
        }

        for (var i = first; i <= last; i++)
        {
            if (_quoteOf[i] >= 0 || IsPunct(i, ";", ":") || (_tokens[i].Kind == TokenKind.Word && (CueWords.Contains(Word(i)) || Is(i, "that") || Is(i, "if"))))
            {
                return null;
            }
        }

        return IsPunctuation(last) ? null : (first, last);
    }

    /// <summary>
    /// The subject of a second clause the noun-phrase rules miss: "…, and one in four said …", "… while most of
    /// his aides say …" — the words between the conjunction (or semicolon) and the cue. The classifier weighs it.
    /// </summary>
    private (int First, int Last)? ClauseSubject(int cue, Sentence s)
    {
        var last = cue - 1;
        while (last > s.FirstToken && _tokens[last].Kind == TokenKind.Word && BetweenWords.Contains(Word(last)))
        {
            last--;
        }

        for (var j = last; j > s.FirstToken && last - j < MaxClauseSubject; j--)
        {
            if (_quoteOf[j] >= 0 || IsPunctuation(j) && !IsPunct(j, ";") || _tokens[j].Kind == TokenKind.Word && CueWords.Contains(Word(j)))
            {
                return null;
            }

            if (Is(j, "and") || Is(j, "but") || Is(j, "while") || Is(j, "whereas") || IsPunct(j, ";"))
            {
                return j < last && _tokens[j + 1].Kind is TokenKind.Word or TokenKind.Number ? (j + 1, last) : null;
            }
        }

        return null;
    }

    /// <summary>"Asked if (whether, what, about) …, X said …": the question is the reporter's, with no speaker named.</summary>
    private bool AskedClause(int cue, Sentence s)
    {
        if (cue + 2 >= s.EndToken || !(Is(cue + 1, "if") || Is(cue + 1, "whether") || Is(cue + 1, "what") || Is(cue + 1, "how") || Is(cue + 1, "why")
            || Is(cue + 1, "who") || Is(cue + 1, "when") || Is(cue + 1, "about") || Is(cue + 1, "to")))
        {
            return false;
        }

        var end = cue + 1;
        while (end < s.EndToken && !IsPunct(end, ",") && _quoteOf[end] < 0)
        {
            end++;
        }

        if (end < s.EndToken && !IsPunct(end, ","))
        {
            return false;
        }

        var first = Is(cue + 1, "about") || Is(cue + 1, "to") ? cue + 2 : cue + 1;
        Add(first, end - 1, cue, cue, -1, -1, QuoteRule.Asked);
        return true;
    }

    /// <summary>
    /// Indirect content runs to the sentence end; when a kept attribution of its own is coordinated inside it ("X said
    /// A, and one in four said B", "…, while Y argued C"), the content ends before that clause, as PolNeAR marks it,
    /// so the wider span does not also claim the inner attribution's gold.
    /// </summary>
    private void CutAtCoordinatedAttributions()
    {
        for (var i = 0; i < _found.Count; i++)
        {
            var f = _found[i];
            if (f.Direct || f.QuoteIndex >= 0)
            {
                continue;
            }

            var cut = -1;
            foreach (var g in _found)
            {
                var start = g.SpeakerFirst >= 0 ? Math.Min(g.SpeakerFirst, g.CueFirst) : g.CueFirst;
                if (g.CueFirst != f.CueFirst && start > f.First + 1 && start <= f.Last && (cut < 0 || start < cut)
                    && (Is(start - 1, "and") || Is(start - 1, "but") || Is(start - 1, "while") || Is(start - 1, "whereas") || IsPunct(start - 1, ";")))
                {
                    cut = start;
                }
            }

            if (cut < 0)
            {
                continue;
            }

            var last = cut - 2;
            while (last > f.First && (IsPunctuation(last) || IsConjunction(last)))
            {
                last--;
            }

            if (Words(f.First, last) >= 2)
            {
                _found[i] = f with { Last = last };
            }
        }
    }
}
