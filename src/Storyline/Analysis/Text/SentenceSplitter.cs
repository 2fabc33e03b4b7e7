namespace Storyline.Analysis.Text;

/// <summary>
/// Splits tokenised text into sentences: a sentence ends at '.', '!', '?' or '…' (with closing quotes and
/// brackets after it kept in the sentence) when the next token starts a sentence (capital, digit, opening
/// quote or bracket), and always at a paragraph break. Abbreviations: titles and month names ("Mr.",
/// "Sept.") and initials never end a sentence; others ("U.S.", "Inc.") only before a function word
/// ("… in the U.S. The …"). Quotation depth is carried across sentence ends, so a sentence that continues
/// an open quotation says so. Stateless and thread-safe.
/// </summary>
public static class SentenceSplitter
{
    /// <summary>
    /// The longest sentence, in tokens: a longer run is cut. News sentences run to a few dozen tokens and rarely past
    /// 150; analysis looks across a sentence, so the cap keeps its cost linear in the text on text without sentence ends.
    /// </summary>
    public const int MaxSentenceTokens = 300;

    /// <summary>Tokenises and splits <paramref name="text"/>.</summary>
    public static (Token[] Tokens, Sentence[] Sentences) Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Tokenizer.Tokenize(text);
        return (tokens, Split(text, tokens));
    }

    /// <summary>The sentences of <paramref name="text"/> given its tokens.</summary>
    public static Sentence[] Split(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens)
    {
        var sentences = new List<Sentence>(Math.Max(1, tokens.Length / 20));
        var start = 0;
        var paragraph = 0;
        var depth = 0;
        var depthAtStart = 0;
        var i = 0;
        while (i < tokens.Length)
        {
            var token = tokens[i];
            if (i > start && token.Has(TokenTraits.ParagraphBefore))
            {
                Add(sentences, tokens, start, i, paragraph, depthAtStart);
                paragraph++;
                depth = 0; // a quotation continued across paragraphs re-opens with a new mark
                start = i;
                depthAtStart = depth;
            }
            else if (i == start && i > 0 && token.Has(TokenTraits.ParagraphBefore))
            {
                paragraph++;
                depth = 0;
                depthAtStart = 0;
            }

            depth = Track(depth, token);
            i++;
            if (i - start >= MaxSentenceTokens)
            {
                // A run of text without sentence ends (a list, a dump, hostile input) is cut into pieces: the later
                // steps look across a sentence, which must not cost the square of a whole text.
                Add(sentences, tokens, start, i, paragraph, depthAtStart);
                start = i;
                depthAtStart = depth;
                continue;
            }

            if (!IsTerminal(text, token))
            {
                continue;
            }

            // Absorb more terminal marks, closing quotes and closing brackets: `... wrong."` `(sic.)` `?!`
            var j = i;
            while (j < tokens.Length && !tokens[j].Has(TokenTraits.SpaceBefore) && Absorbable(text, tokens[j]))
            {
                depth = Track(depth, tokens[j]);
                j++;
            }

            if (j >= tokens.Length)
            {
                i = j;
                break;
            }

            if (EndsHere(text, token, tokens[j], tokens, j))
            {
                Add(sentences, tokens, start, j, paragraph, depthAtStart);
                start = j;
                depthAtStart = depth;
            }

            i = j;
        }

        if (start < tokens.Length)
        {
            Add(sentences, tokens, start, tokens.Length, paragraph, depthAtStart);
        }

        return [.. sentences];
    }

    /// <summary>The paragraphs of <paramref name="text"/>: spans separated by blank lines, trimmed.</summary>
    public static Paragraph[] Paragraphs(ReadOnlySpan<char> text)
    {
        var paragraphs = new List<Paragraph>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            var start = i;
            var end = i;
            while (i < text.Length)
            {
                if (text[i] == '\n')
                {
                    var k = i + 1;
                    while (k < text.Length && text[k] is ' ' or '\t' or '\r')
                    {
                        k++;
                    }

                    if (k < text.Length && text[k] == '\n')
                    {
                        break;
                    }
                }

                if (!char.IsWhiteSpace(text[i]))
                {
                    end = i + 1;
                }

                i++;
            }

            paragraphs.Add(new Paragraph(start, end));
        }

        return [.. paragraphs];
    }

    private static void Add(List<Sentence> sentences, ReadOnlySpan<Token> tokens, int first, int end, int paragraph, int depth) =>
        sentences.Add(new Sentence(tokens[first].Start, tokens[end - 1].End, first, end - first, paragraph, depth));

    private static int Track(int depth, Token token) => token.Kind switch
    {
        TokenKind.OpenQuote => depth + 1,
        TokenKind.CloseQuote => Math.Max(0, depth - 1),
        _ => depth,
    };

    private static bool IsTerminal(ReadOnlySpan<char> text, Token token)
    {
        if (token.Kind == TokenKind.Word)
        {
            return token.Has(TokenTraits.Abbreviation);
        }

        if (token.Kind != TokenKind.Punctuation)
        {
            return false;
        }

        var s = text.Slice(token.Start, token.Length);
        return s is "." or "!" or "?" or "…" or "..." or "‽";
    }

    private static bool Absorbable(ReadOnlySpan<char> text, Token token)
    {
        if (token.Kind == TokenKind.CloseQuote)
        {
            return true;
        }

        if (token.Kind != TokenKind.Punctuation)
        {
            return false;
        }

        var s = text.Slice(token.Start, token.Length);
        return s is "." or "!" or "?" or "…" or "..." or ")" or "]" or "}";
    }

    private static bool EndsHere(ReadOnlySpan<char> text, Token terminal, Token next, ReadOnlySpan<Token> tokens, int nextIndex)
    {
        if (next.Has(TokenTraits.ParagraphBefore))
        {
            return true;
        }

        var word = text.Slice(next.Start, next.Length);
        if (terminal.Kind == TokenKind.Word)
        {
            // An abbreviation: only before a sentence-starting function word, or at a line break.
            if (!Abbreviations.MayEndSentence(text.Slice(terminal.Start, terminal.Length)))
            {
                return false;
            }

            if (next.Has(TokenTraits.LineBefore))
            {
                return true;
            }

            if (next.Kind != TokenKind.Word || !char.IsUpper(word[0]) || word.Length > 24)
            {
                return next.Kind == TokenKind.OpenQuote;
            }

            Span<char> lower = stackalloc char[word.Length];
            word.ToLowerInvariant(lower);
            return Stopwords.Contains(lower);
        }

        if (next.Kind is TokenKind.OpenQuote or TokenKind.Number)
        {
            return true;
        }

        if (next.Kind == TokenKind.Punctuation)
        {
            return word is "(" or "[" or "—" or "–" or "-" || (word is "…" or "..." && nextIndex + 1 < tokens.Length);
        }

        return next.Kind == TokenKind.Symbol || (next.Kind == TokenKind.Word && !char.IsLower(word[0]));
    }
}
