using Storyline.Analysis.Entities;
using Storyline.Analysis.Text;

namespace Storyline.Analysis.Quotes;

/// <summary>The working state of one extraction: token maps, quoted spans, and the attributions found.</summary>
internal sealed partial class QuoteDocument
{
    private const int MinDirectWords = 4;

    /// <summary>Tokens in a subject taken whole from the sentence start to the cue.</summary>
    private const int MaxLongSubject = 25;

    /// <summary>Tokens in a second clause's subject ("and one in four said").</summary>
    private const int MaxClauseSubject = 8;

    private static readonly WordSet CueWords = new(QuoteLexicon.Cues);
    private static readonly WordSet ObjectCueWords = new(QuoteLexicon.ObjectCues);
    private static readonly WordSet BetweenWords = new(QuoteLexicon.Between);
    private static readonly WordSet PronounWords = new(QuoteLexicon.Pronouns);
    private static readonly WordSet DeterminerWords = new(QuoteLexicon.Determiners);
    private static readonly WordSet SpeakerNounWords = new(QuoteLexicon.SpeakerNouns);
    private static readonly WordSet SpeechCueWords = new(QuoteLexicon.SpeechCues);
    private static readonly WordSet NotNameWords = new(QuoteLexicon.NotNames);
    private static readonly WordSet NpStopWords = new(QuoteLexicon.NpStops);
    private static readonly WordSet PrepositionWords = new(QuoteLexicon.Prepositions);
    private static readonly WordSet IrregularPastWords = new(QuoteLexicon.IrregularPast);
    private static readonly WordSet StanceStopWords = new(QuoteLexicon.StanceStops);
    private static readonly WordSet SourceNounWords = new(QuoteLexicon.SourceNouns);
    private static readonly WordSet PersonNounWords = new(QuoteLexicon.PersonNouns);
    private static readonly WordSet FragmentOpenerWords = new(QuoteLexicon.FragmentOpeners);
    private static readonly WordSet ObjectPrepositionWords = new(QuoteLexicon.ObjectPrepositions);
    private static readonly WordSet TitleModifierWords = new(QuoteLexicon.TitleModifiers);

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

    [ThreadStatic]
    private static TokenMaps? _maps;

    public QuoteDocument(string text, Token[] tokens, Sentence[] sentences, IReadOnlyList<EntityMention> mentions, bool stances)
    {
        _stances = stances;
        _text = text;
        _tokens = tokens;
        _sentences = sentences;
        _mentions = mentions;
        // The token maps are the thread's, reused from one document to the next (a document is made and run at once,
        // never two at a time on a thread): new ones were a third of what quote extraction allocated.
        var maps = _maps ??= new TokenMaps();
        (_sentenceOf, _mentionOf, _quoteOf) = maps.For(tokens.Length);
        _sentenceOf.AsSpan(0, tokens.Length).Clear();
        _mentionOf.AsSpan(0, tokens.Length).Fill(-1);
        _quoteOf.AsSpan(0, tokens.Length).Fill(-1);
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

    /// <summary>Per token: its sentence, the mention it is in, the direct quote it is in; at least as long as the tokens.</summary>
    private sealed class TokenMaps
    {
        private int[] _sentenceOf = [];
        private int[] _mentionOf = [];
        private int[] _quoteOf = [];

        public (int[] SentenceOf, int[] MentionOf, int[] QuoteOf) For(int tokens)
        {
            if (_sentenceOf.Length < tokens || _sentenceOf.Length > Math.Max(tokens * 4, 1 << 16))
            {
                // Grown for a longer text, shrunk after a very long one.
                var length = Math.Max(tokens, 4096);
                (_sentenceOf, _mentionOf, _quoteOf) = (new int[length], new int[length], new int[length]);
            }

            return (_sentenceOf, _mentionOf, _quoteOf);
        }
    }

    /// <summary>An attribution in token terms: content tokens First..Last, cue tokens, speaker tokens (or -1).</summary>
    private sealed record Found(int First, int Last, int CueFirst, int CueLast, int SpeakerFirst, int SpeakerLast, bool Direct, int QuoteIndex, QuoteRule Rule);

    /// <summary>The attributions the classifier keeps, in text order.</summary>
    public IReadOnlyList<Quote> Run()
    {
        FindCandidates();
        KeepLikely();
        CutAtCoordinatedAttributions();
        return [.. _found.Where(f => !IsNestedInItsStatement(f)).OrderBy(f => f.First).ThenBy(f => f.Last).Select(ToQuote)];
    }

    /// <summary>
    /// A direct quote inside the reported speech of its own cue ("Bannon claimed that Musk is “an illegal alien”"):
    /// the words are already part of that statement, and listing them again would count one statement twice.
    /// </summary>
    private bool IsNestedInItsStatement(Found f)
    {
        if (!f.Direct || f.CueFirst < 0)
        {
            return false;
        }

        foreach (var g in _found)
        {
            if (!g.Direct && g.CueFirst == f.CueFirst && g.First <= f.First && f.Last <= g.Last)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every candidate the rules propose, unfiltered, with its classifier features (for training).</summary>
    public IReadOnlyList<(Quote Quote, string[] Features)> Candidates()
    {
        FindCandidates();
        return [.. _found.OrderBy(f => f.First).ThenBy(f => f.Last).Select(f => (ToQuote(f), FeatureNames(f)))];
    }

    private void FindCandidates()
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

        FindInPhrases();
        if (_stances)
        {
            FindStances();
        }

        FindTranscriptTurns();
        AttachLeftoverQuotes();
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

    private int Words(int first, int last)
    {
        var words = 0;
        for (var i = first; i <= last; i++)
        {
            words += _tokens[i].Kind is TokenKind.Word or TokenKind.Number ? 1 : 0;
        }

        return words;
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
