using Storyline.Analysis.Entities;
using Storyline.Analysis.Text;

namespace Storyline.Analysis.Quotes;

/// <summary>The working state of one extraction: token maps, quoted spans, and the attributions found.</summary>
internal sealed class QuoteDocument
{
    private const int MinDirectWords = 4;

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CueWords = QuoteLexicon.Cues.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ObjectCueWords = QuoteLexicon.ObjectCues.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BetweenWords = QuoteLexicon.Between.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PronounWords = QuoteLexicon.Pronouns.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DeterminerWords = QuoteLexicon.Determiners.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SpeakerNounWords = QuoteLexicon.SpeakerNouns.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SpeechCueWords = QuoteLexicon.SpeechCues.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NotNameWords = QuoteLexicon.NotNames.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NpStopWords = QuoteLexicon.NpStops.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PrepositionWords = QuoteLexicon.Prepositions.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> IrregularPastWords = QuoteLexicon.IrregularPast.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StanceStopWords = QuoteLexicon.StanceStops.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PersonNounWords = QuoteLexicon.PersonNouns.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly string _text;
    private readonly Token[] _tokens;
    private readonly Sentence[] _sentences;
    private readonly IReadOnlyList<EntityMention> _mentions;
    private readonly int[] _sentenceOf;
    private readonly int[] _mentionOf;
    private readonly int[] _quoteOf;
    private readonly List<(int First, int Last, int Start, int End)> _direct = [];
    private readonly List<Found> _found = [];
    private bool[] _usedQuote = [];

    private readonly bool _stances;

    public QuoteDocument(string text, Token[] tokens, Sentence[] sentences, IReadOnlyList<EntityMention> mentions, bool stances)
    {
        _stances = stances;
        _text = text;
        _tokens = tokens;
        _sentences = sentences;
        _mentions = mentions;
        _sentenceOf = new int[tokens.Length];
        _mentionOf = new int[tokens.Length];
        _quoteOf = new int[tokens.Length];
        Array.Fill(_mentionOf, -1);
        Array.Fill(_quoteOf, -1);
        for (var s = 0; s < sentences.Length; s++)
        {
            for (var t = sentences[s].FirstToken; t < sentences[s].EndToken; t++)
            {
                _sentenceOf[t] = s;
            }
        }

        var m = 0;
        for (var t = 0; t < tokens.Length && m < mentions.Count; t++)
        {
            while (m < mentions.Count && mentions[m].End <= tokens[t].Start)
            {
                m++;
            }

            if (m < mentions.Count && mentions[m].Start <= tokens[t].Start && tokens[t].End <= mentions[m].End)
            {
                _mentionOf[t] = m;
            }
        }
    }

    /// <summary>An attribution in token terms: content tokens First..Last, cue tokens, speaker tokens (or -1).</summary>
    private sealed record Found(int First, int Last, int CueFirst, int CueLast, int SpeakerFirst, int SpeakerLast, bool Direct, int QuoteIndex);

    public IReadOnlyList<Quote> Run()
    {
        FindDirectSpans();
        _usedQuote = new bool[_direct.Count];
        for (var t = 0; t < _tokens.Length; t++)
        {
            if (_quoteOf[t] >= 0 || _tokens[t].Kind != TokenKind.Word)
            {
                continue;
            }

            if (Is(t, "according") && t + 1 < _tokens.Length && Is(t + 1, "to"))
            {
                According(t);
                t++;
            }
            else if (CueWords.Contains(Word(t)) && !(_tokens[t].Length > 1 && IsAllCaps(t)))
            {
                Cue(t);
            }
        }

        if (_stances)
        {
            FindStances();
        }

        FindTranscriptTurns();
        AttachLeftoverQuotes();
        return [.. _found.OrderBy(f => f.First).ThenBy(f => f.Last).Select(ToQuote)];
    }

    /// <summary>Quoted spans: marks paired within a paragraph; an unclosed quote continues into a next paragraph that opens with a mark; a closing mark with no opening one quotes from the paragraph start.</summary>
    private void FindDirectSpans()
    {
        var n = _tokens.Length;
        var t = 0;
        while (t < n)
        {
            var token = _tokens[t];
            if (Mark(t) > 0)
            {
                var first = t;
                var last = -1;
                var k = t + 1;
                while (k < n)
                {
                    // A straight mark after a straight opening one closes it, whatever its position says ("vote,'"").
                    if (Mark(k) < 0 || (Mark(k) > 0 && IsStraight(k) && IsStraight(first)))
                    {
                        last = k;
                        break;
                    }

                    if (_tokens[k].Has(TokenTraits.ParagraphBefore))
                    {
                        // The quote runs to the paragraph end; it goes on only if the next paragraph opens with a mark.
                        if (Mark(k) <= 0 || IsStraight(k) != IsStraight(first))
                        {
                            last = k - 1;
                            break;
                        }
                    }
                    else if (Mark(k) > 0)
                    {
                        // A new opening mark inside the paragraph: the previous one was never closed; end it before.
                        last = k - 1;
                        break;
                    }

                    k++;
                }

                if (last < 0)
                {
                    last = n - 1;
                }

                AddDirect(first, last);
                t = last + 1;
                continue;
            }

            if (Mark(t) < 0)
            {
                // A closing mark whose opening one is missing: quote from the paragraph start.
                var first = t;
                while (first > 0 && !_tokens[first].Has(TokenTraits.ParagraphBefore) && Mark(first - 1) >= 0)
                {
                    first--;
                }

                if (Mark(first) < 0 || !_tokens[first].Has(TokenTraits.ParagraphBefore) && first > 0)
                {
                    t++;
                    continue;
                }

                if (t - first >= MinDirectWords)
                {
                    AddDirect(first, t);
                }
            }

            t++;
        }
    }

    private bool IsStraight(int i) => _text[_tokens[i].Start] is '"' or '\'';

    /// <summary>+1 for an opening double quotation mark, -1 for a closing one, 0 otherwise (single marks are apostrophes or inner quotes).</summary>
    private int Mark(int i)
    {
        var token = _tokens[i];
        if (!token.IsQuote)
        {
            return 0;
        }

        var c = _text[token.Start];
        switch (c)
        {
            case '“' or '„' or '«':
                return 1;
            case '”' or '»':
                return -1;
            case '"':
                return token.Kind == TokenKind.OpenQuote ? 1 : -1;
            case '`' when token.Length == 2:
                return 1;
            case '\'' when token.Length == 2:
                var before = token.Start == 0 ? ' ' : _text[token.Start - 1];
                var after = token.End >= _text.Length ? ' ' : _text[token.End];
                return (char.IsWhiteSpace(before) || before is '(' or '[' or '—' or '-') && !char.IsWhiteSpace(after) ? 1 : -1;
            default:
                return 0;
        }
    }

    private void AddDirect(int first, int last)
    {
        if (last <= first)
        {
            return;
        }

        var index = _direct.Count;
        _direct.Add((first, last, _tokens[first].Start, _tokens[last].End));
        for (var i = first; i <= last; i++)
        {
            _quoteOf[i] = index;
        }
    }

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

        Add(first, last, cue, cue + 1, sp.First, sp.Last, direct: false);
    }

    private void Cue(int cue)
    {
        var s = _sentences[_sentenceOf[cue]];
        var left = LeftNp(cue, s.FirstToken);
        if (left is null && cue - 1 > s.FirstToken && (Is(cue - 1, "and") || Is(cue - 1, "but")) && RightNp(s.FirstToken, s.EndToken) is { } coordinated && coordinated.Last < cue - 2)
        {
            // Coordinated verbs: "SUBJECT did X and said …".
            left = coordinated;
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
                AddQuote(qb, cue, sp);
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
                AddQuote(qa, cue, sa);
                claimed = true;
            }
        }

        if (claimed)
        {
            return;
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
                Add(k, s.EndToken - 1, cue, cue, l.First, l.Last, direct: false);
                return;
            }

            // Mid-sentence: CLAUSE, SPEAKER CUE, CLAUSE.
            if (l.First - 1 > s.FirstToken && IsPunct(l.First - 1, ",") && k < s.EndToken && IsPunct(k, ",") && k + 1 < s.EndToken && _quoteOf[k + 1] < 0)
            {
                Add(s.FirstToken, l.First - 2, cue, cue, l.First, l.Last, direct: false);
                Add(k + 1, s.EndToken - 1, cue, cue, l.First, l.Last, direct: false);
                return;
            }

            // Sentence-final: CLAUSE, SPEAKER CUE.
            if (l.First - 1 > s.FirstToken && IsPunct(l.First - 1, ",") && (k >= s.EndToken || IsPunct(k, ".", "!", "?")))
            {
                Add(s.FirstToken, l.First - 2, cue, cue, l.First, l.Last, direct: false);
            }

            return;
        }

        // Sentence-final inverted: CLAUSE, CUE SPEAKER.
        if (cue - 1 > s.FirstToken && IsPunct(cue - 1, ",") && SpeechCueWords.Contains(Word(cue)) && RightNp(cue + 1, s.EndToken) is { } inv
            && (inv.Last + 1 >= s.EndToken || IsPunctuation(inv.Last + 1)))
        {
            Add(s.FirstToken, cue - 2, cue, cue, inv.First, inv.Last, direct: false);
        }
    }

    private void AddQuote(int quote, int cue, (int First, int Last) speaker)
    {
        _usedQuote[quote] = true;
        var (first, last, _, _) = _direct[quote];
        _found.Add(new Found(first, last, cue, cue, speaker.First, speaker.Last, Direct: true, quote));
    }

    private void Add(int first, int last, int cueFirst, int cueLast, int speakerFirst, int speakerLast, bool direct)
    {
        while (first <= last && (IsPunct(first, ",", ":", ";", "—", "–", "-") || _tokens[first].Kind == TokenKind.CloseQuote))
        {
            first++;
        }

        while (last >= first && (_tokens[last].Kind == TokenKind.Punctuation || (_tokens[last].Kind == TokenKind.CloseQuote && !HasOpenBefore(first, last))))
        {
            last--;
        }

        for (var i = first + 1; i + 1 <= last && !direct; i++)
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

        _found.Add(new Found(first, last, cueFirst, cueLast, speakerFirst, speakerLast, direct, -1));
    }

    private bool ParagraphBreakIn(int first, int end)
    {
        for (var i = first; i < end && i < _tokens.Length; i++)
        {
            if (_tokens[i].Has(TokenTraits.ParagraphBefore))
            {
                return true;
            }
        }

        return false;
    }

    private bool HasOpenBefore(int first, int last)
    {
        for (var i = first; i < last; i++)
        {
            if (_tokens[i].Kind == TokenKind.OpenQuote)
            {
                return true;
            }
        }

        return false;
    }

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

                if (LeftNp(t, s.FirstToken) is not { } subject)
                {
                    continue;
                }

                var named = subject.First == subject.Last && (Is(subject.First, "he") || Is(subject.First, "she") || Is(subject.First, "they") || Is(subject.First, "i") || Is(subject.First, "we"))
                    || (_mentionOf[subject.Last] >= 0 && _mentions[_mentionOf[subject.Last]].Type is EntityType.Person or EntityType.Organization)
                    || (SpeakerNounWords.Contains(Word(subject.Last)) && DeterminerWords.Contains(Word(subject.First)))
                    || (char.IsUpper(_text[_tokens[subject.Last].Start]) && !NotNameWords.Contains(Word(subject.Last)));
                if (named && !StanceStopWords.Contains(Word(t + 1)))
                {
                    Add(t + 1, s.EndToken - 1, t, t, subject.First, subject.Last, direct: false);
                    break;
                }
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
            if (_mentionOf[t] >= 0 && _mentions[_mentionOf[t]].Type == EntityType.Person)
            {
                while (nameEnd + 1 < _tokens.Length && _mentionOf[nameEnd + 1] == _mentionOf[t])
                {
                    nameEnd++;
                }
            }
            else if (!IsAllCaps(t))
            {
                continue;
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

            _found.Add(new Found(t + 2, last, t + 1, t + 1, nameStart, nameEnd, Direct: IsAllCaps(nameStart), -1));
        }
    }

    private bool IsAllCaps(int i)
    {
        foreach (var c in Word(i))
        {
            if (char.IsLetter(c) && !char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
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
                _found.Add(container with { First = first, Last = last, Direct = true, QuoteIndex = q });
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
                _found.Add(new Found(first, last, last + 1, last + 1, signed.First, signed.Last, Direct: true, q));
                continue;
            }

            // The nearest attributed direct quote before, within the same or the previous paragraph.
            var paragraph = _sentences[_sentenceOf[first]].Paragraph;
            var previous = _found.Where(f => f.Direct && f.Last < first && _sentences[_sentenceOf[f.Last]].Paragraph >= paragraph - 1)
                .OrderByDescending(f => f.Last).FirstOrDefault();
            _usedQuote[q] = true;
            _found.Add(previous is not null
                ? new Found(first, last, previous.CueFirst, previous.CueLast, previous.SpeakerFirst, previous.SpeakerLast, Direct: true, q)
                : new Found(first, last, -1, -1, -1, -1, Direct: true, q));
        }
    }

    private int Words(int first, int last)
    {
        var words = 0;
        for (var i = first; i <= last; i++)
        {
            words += _tokens[i].Kind is TokenKind.Word or TokenKind.Number ? 1 : 0;
        }

        return words;
    }

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

            if (!IsPunct(open, "(") || open - 1 < sentenceFirst)
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

    private Quote ToQuote(Found f)
    {
        var start = _tokens[f.First].Start;
        var end = _tokens[f.Last].End;
        if (f.QuoteIndex >= 0)
        {
            (start, end) = (_direct[f.QuoteIndex].Start, _direct[f.QuoteIndex].End);
        }

        int? cueStart = f.CueFirst >= 0 ? _tokens[f.CueFirst].Start : null;
        int? cueEnd = f.CueFirst >= 0 ? _tokens[f.CueLast].End : null;
        int? speakerStart = f.SpeakerFirst >= 0 ? _tokens[f.SpeakerFirst].Start : null;
        int? speakerEnd = f.SpeakerFirst >= 0 ? _tokens[f.SpeakerLast].End : null;
        return new Quote(
            start,
            end,
            _text[start..end],
            cueStart,
            cueEnd,
            cueStart is { } cs ? _text[cs..cueEnd!.Value] : null,
            speakerStart,
            speakerEnd,
            f.SpeakerFirst >= 0 ? Resolve(f.SpeakerFirst, f.SpeakerLast) : null,
            f.Direct);
    }

    /// <summary>The speaker's name: a mention's canonical name; he/she or a person description → the last speaker or person named before it; I/we/they/it (the author, a group) → null.</summary>
    private string? Resolve(int first, int last)
    {
        EntityMention? inside = null;
        for (var i = first; i <= last; i++)
        {
            if (_mentionOf[i] >= 0 && (inside is null || _mentions[_mentionOf[i]].Type == EntityType.Person))
            {
                inside = _mentions[_mentionOf[i]];
            }
        }

        if (inside is not null)
        {
            return inside.Canonical;
        }

        var start = _tokens[first].Start;
        if (first == last && (Is(first, "who") || Is(first, "which")))
        {
            for (var m = _mentions.Count - 1; m >= 0; m--)
            {
                if (_mentions[m].End <= start && _sentenceOf[first] - SentenceAt(_mentions[m].Start) <= 0)
                {
                    return _mentions[m].Canonical;
                }
            }

            return null;
        }

        if (first == last && IsPronoun(first))
        {
            return Is(first, "he") || Is(first, "she") ? LastSpeakerOrPersonBefore(first) : null;
        }

        return PersonNounWords.Contains(Word(last)) && DeterminerWords.Contains(Word(first))
            ? LastSpeakerOrPersonBefore(first) ?? _text[start.._tokens[last].End]
            : _text[start.._tokens[last].End];
    }

    /// <summary>The speaker named in the attribution just before (within three sentences), else the last person named outside quotes.</summary>
    private string? LastSpeakerOrPersonBefore(int token)
    {
        var sentence = _sentenceOf[token];
        var previous = _found.Where(f => f.SpeakerFirst >= 0 && f.SpeakerLast < token && sentence - _sentenceOf[f.SpeakerLast] <= 3)
            .OrderByDescending(f => f.SpeakerLast).FirstOrDefault();
        if (previous is not null)
        {
            for (var i = previous.SpeakerFirst; i <= previous.SpeakerLast; i++)
            {
                if (_mentionOf[i] >= 0 && _mentions[_mentionOf[i]].Type == EntityType.Person)
                {
                    return _mentions[_mentionOf[i]].Canonical;
                }
            }
        }

        var offset = _tokens[token].Start;
        for (var m = _mentions.Count - 1; m >= 0; m--)
        {
            var inQuote = false;
            for (var t = token - 1; t >= 0 && _tokens[t].Start >= _mentions[m].Start; t--)
            {
                inQuote |= _tokens[t].Start == _mentions[m].Start && _quoteOf[t] >= 0;
            }

            if (_mentions[m].End <= offset && _mentions[m].Type == EntityType.Person && !inQuote)
            {
                return _mentions[m].Canonical;
            }
        }

        return null;
    }

    private int SentenceAt(int offset)
    {
        var lo = 0;
        var hi = _sentences.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (_sentences[mid].Start <= offset)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    private ReadOnlySpan<char> Word(int i) => _text.AsSpan(_tokens[i].Start, _tokens[i].Length);

    private bool Is(int i, string word) => Word(i).Equals(word, StringComparison.OrdinalIgnoreCase);

    private bool IsPronoun(int i) => _tokens[i].Kind == TokenKind.Word && PronounWords.Contains(Word(i));

    private bool IsPunctuation(int i) => _tokens[i].Kind is TokenKind.Punctuation;

    private bool IsConjunction(int i) => Is(i, "but") || Is(i, "and") || Is(i, "so") || Is(i, "yet");

    private bool IsPunct(int i, params ReadOnlySpan<string> marks)
    {
        if (_tokens[i].Kind != TokenKind.Punctuation)
        {
            return false;
        }

        var word = Word(i);
        foreach (var mark in marks)
        {
            if (word.SequenceEqual(mark))
            {
                return true;
            }
        }

        return false;
    }
}
