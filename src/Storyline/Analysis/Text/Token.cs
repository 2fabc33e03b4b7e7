namespace Storyline.Analysis.Text;

/// <summary>What a token is.</summary>
public enum TokenKind : byte
{
    /// <summary>Letters (possibly with inner hyphens, dots of abbreviations, or apostrophes), or a clitic such as "'s" or "n't".</summary>
    Word,

    /// <summary>Digits, possibly with inner separators ("1,000.5", "07:46", "2025-06-07").</summary>
    Number,

    /// <summary>Punctuation other than quotation marks.</summary>
    Punctuation,

    /// <summary>An opening quotation mark (curly, or a straight one that opens by position).</summary>
    OpenQuote,

    /// <summary>A closing quotation mark (curly, or a straight one that closes by position).</summary>
    CloseQuote,

    /// <summary>Any other symbol (currency, maths, emoji).</summary>
    Symbol,
}

/// <summary>Extra facts about a token.</summary>
[Flags]
public enum TokenTraits : byte
{
    /// <summary>Nothing special.</summary>
    None = 0,

    /// <summary>A word whose final dot belongs to it: "Mr.", "Sept.", "U.S.", an initial "J.".</summary>
    Abbreviation = 1,

    /// <summary>A clitic split off a word: "'s", "'re", "n't", "'ll".</summary>
    Clitic = 2,

    /// <summary>Whitespace precedes the token (or it starts the text).</summary>
    SpaceBefore = 4,

    /// <summary>A line break precedes the token.</summary>
    LineBefore = 8,

    /// <summary>A blank line (paragraph break) precedes the token.</summary>
    ParagraphBefore = 16,
}

/// <summary>A token as a character span of the text it came from.</summary>
/// <param name="Start">Offset of the first character.</param>
/// <param name="Length">Number of characters.</param>
/// <param name="Kind">What it is.</param>
/// <param name="Traits">Extra facts.</param>
public readonly record struct Token(int Start, int Length, TokenKind Kind, TokenTraits Traits = TokenTraits.None)
{
    /// <summary>Offset just past the last character.</summary>
    public int End => Start + Length;

    /// <summary>The token's characters in <paramref name="text"/>.</summary>
    public ReadOnlySpan<char> In(string text) => text.AsSpan(Start, Length);

    /// <summary>Whether the token is a quotation mark.</summary>
    public bool IsQuote => Kind is TokenKind.OpenQuote or TokenKind.CloseQuote;

    /// <summary>Whether <paramref name="flag"/> is set.</summary>
    public bool Has(TokenTraits flag) => (Traits & flag) == flag;
}
