namespace Storyline.Analysis.Text;

/// <summary>
/// Splits text into tokens with character offsets: words (with inner hyphens, apostrophes as in "O'Brien",
/// abbreviation dots as in "U.S."), numbers ("1,000.5", "07:46"), clitics split off ("Musk" + "'s",
/// "do" + "n't"), quotation marks (curly, straight, typographic and the <c>``</c> / <c>''</c> pairs) told
/// apart as opening or closing, punctuation and symbols. Stateless and thread-safe.
/// </summary>
public static class Tokenizer
{
    /// <summary>
    /// Per thread, the list tokens are gathered in before they are copied out at their exact count: an article's
    /// list (~12 KB) was a tenth of what analysing it allocated.
    /// </summary>
    [ThreadStatic]
    private static List<Token>? _gathered;

    /// <summary>The tokens of <paramref name="text"/>.</summary>
    public static Token[] Tokenize(ReadOnlySpan<char> text)
    {
        var tokens = _gathered ??= new List<Token>(4096);
        tokens.Clear();
        Tokenize(text, tokens);
        var result = tokens.ToArray();
        if (tokens.Capacity > 1 << 16)
        {
            // A very long text's list is not kept for the rest of the thread's life.
            _gathered = null;
        }

        return result;
    }

    /// <summary>Appends the tokens of <paramref name="text"/> to <paramref name="into"/>; offsets are into <paramref name="text"/>.</summary>
    public static void Tokenize(ReadOnlySpan<char> text, List<Token> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        var i = 0;
        var first = true;
        while (i < text.Length)
        {
            var flags = TokenTraits.None;
            var newlines = 0;
            var hadSpace = first;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                hadSpace = true;
                if (text[i] == '\n')
                {
                    newlines++;
                }

                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            first = false;
            if (hadSpace)
            {
                flags |= TokenTraits.SpaceBefore;
            }

            if (newlines > 0)
            {
                flags |= TokenTraits.LineBefore;
            }

            if (newlines > 1)
            {
                flags |= TokenTraits.ParagraphBefore;
            }

            var token = Next(text, i, flags, into.Count > 0 ? into[^1] : (Token?)null);
            into.Add(token);
            i = token.End;
        }
    }

    private static Token Next(ReadOnlySpan<char> text, int i, TokenTraits flags, Token? previous)
    {
        var c = text[i];
        var glued = previous is { } p && p.End == i && p.Kind == TokenKind.Word;
        if (glued && IsApostrophe(c) && CliticLength(text, i) is var clitic and > 0)
        {
            return new Token(i, clitic, TokenKind.Word, flags | TokenTraits.Clitic);
        }

        if (glued && IsNegationClitic(text, i))
        {
            return new Token(i, 3, TokenKind.Word, flags | TokenTraits.Clitic);
        }

        if (char.IsLetterOrDigit(c))
        {
            return Word(text, i, flags);
        }

        switch (c)
        {
            case '"':
                return new Token(i, 1, OpensByPosition(text, i) ? TokenKind.OpenQuote : TokenKind.CloseQuote, flags);
            case '“' or '„' or '«' or '‹' or '‘' or '‚':
                return new Token(i, 1, TokenKind.OpenQuote, flags);
            case '”' or '»' or '›':
                return new Token(i, 1, TokenKind.CloseQuote, flags);
            case '\'' or '’' or '`':
                if (i + 1 < text.Length && text[i + 1] == c && c != '’')
                {
                    return new Token(i, 2, c == '`' ? TokenKind.OpenQuote : TokenKind.CloseQuote, flags);
                }

                return new Token(i, 1, c == '`' || OpensByPosition(text, i) ? TokenKind.OpenQuote : TokenKind.CloseQuote, flags);
            case '.' when i + 2 < text.Length && text[i + 1] == '.' && text[i + 2] == '.':
                return new Token(i, 3, TokenKind.Punctuation, flags);
            case '-' when i + 1 < text.Length && text[i + 1] == '-':
                return new Token(i, 2, TokenKind.Punctuation, flags);
            default:
                break;
        }

        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            return new Token(i, 2, TokenKind.Symbol, flags);
        }

        return new Token(i, 1, char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol, flags);
    }

    private static Token Word(ReadOnlySpan<char> text, int start, TokenTraits flags)
    {
        var i = start;
        var isNumber = char.IsDigit(text[start]);
        var innerDots = 0;
        var longestSegment = 0;
        var segment = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark)
            {
                isNumber &= char.IsDigit(c);
                segment++;
                i++;
                continue;
            }

            var nextIsAlnum = i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]);
            if (!nextIsAlnum)
            {
                break;
            }

            if (c is '-' or '‐' or '‑' or '_' or '/' or '&')
            {
                if (c is '/' or '&' && !isNumber && !(char.IsUpper(text[i - 1]) && char.IsUpper(text[i + 1])))
                {
                    break; // "AT&T", "24/7" stay whole; "and/or" does not
                }

                isNumber &= char.IsDigit(text[i + 1]) && c is '-' or '/';
                i++;
                continue;
            }

            if (c is '.' or ',' or ':')
            {
                var digits = char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]);
                if (c == '.' && (digits || !isNumber))
                {
                    innerDots++;
                    longestSegment = Math.Max(longestSegment, segment);
                    segment = 0;
                    i++;
                    continue;
                }

                if (digits && isNumber)
                {
                    i++;
                    continue;
                }

                break;
            }

            if (IsApostrophe(c) && !isNumber)
            {
                if (CliticLength(text, i) > 0)
                {
                    break;
                }

                i++;
                continue;
            }

            break;
        }

        // "don't" → "do" + "n't"
        if (i - start > 3 && IsNegationClitic(text, i - 3))
        {
            i -= 3;
        }

        longestSegment = Math.Max(longestSegment, segment);
        if (!isNumber && i < text.Length && text[i] == '.')
        {
            var word = text[start..i];
            var acronym = innerDots > 0 && longestSegment <= 2;
            var initial = word.Length == 1 && char.IsUpper(word[0]);
            if (acronym || initial || (innerDots == 0 && Abbreviations.IsKnown(word)))
            {
                return new Token(start, i + 1 - start, TokenKind.Word, flags | TokenTraits.Abbreviation);
            }
        }

        return new Token(start, i - start, isNumber ? TokenKind.Number : TokenKind.Word, flags);
    }

    /// <summary>Length of the clitic ("'s", "'re", "'ve", "'ll", "'d", "'m") starting at the apostrophe at <paramref name="i"/>, or 0.</summary>
    private static int CliticLength(ReadOnlySpan<char> text, int i)
    {
        var j = i + 1;
        while (j < text.Length && char.IsLetter(text[j]) && j - i <= 3)
        {
            j++;
        }

        if (j < text.Length && char.IsLetterOrDigit(text[j]))
        {
            return 0;
        }

        var rest = text[(i + 1)..j];
        return rest.Equals("s", StringComparison.OrdinalIgnoreCase) || rest.Equals("re", StringComparison.OrdinalIgnoreCase)
            || rest.Equals("ve", StringComparison.OrdinalIgnoreCase) || rest.Equals("ll", StringComparison.OrdinalIgnoreCase)
            || rest.Equals("d", StringComparison.OrdinalIgnoreCase) || rest.Equals("m", StringComparison.OrdinalIgnoreCase)
            ? j - i
            : 0;
    }

    /// <summary>Whether "n't" (either apostrophe) starts at <paramref name="i"/> and ends the word.</summary>
    private static bool IsNegationClitic(ReadOnlySpan<char> text, int i) =>
        i + 2 < text.Length && text[i] is 'n' or 'N' && IsApostrophe(text[i + 1]) && text[i + 2] is 't' or 'T'
        && (i + 3 >= text.Length || !char.IsLetterOrDigit(text[i + 3]));

    private static bool IsApostrophe(char c) => c is '\'' or '’';

    /// <summary>A straight quote opens when nothing but space, an opening bracket, a dash or another opening mark precedes it.</summary>
    private static bool OpensByPosition(ReadOnlySpan<char> text, int i)
    {
        if (i == 0)
        {
            return true;
        }

        var before = text[i - 1];
        return char.IsWhiteSpace(before) || before is '(' or '[' or '{' or '—' or '–' or '-' or '“' or '‘' or '"' or '\'' or ':' or '/';
    }
}
