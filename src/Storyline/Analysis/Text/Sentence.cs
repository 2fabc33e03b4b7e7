namespace Storyline.Analysis.Text;

/// <summary>A sentence: a character span and the tokens in it.</summary>
/// <param name="Start">Offset of its first character.</param>
/// <param name="End">Offset just past its last character.</param>
/// <param name="FirstToken">Index of its first token.</param>
/// <param name="TokenCount">Number of tokens.</param>
/// <param name="Paragraph">Index of the paragraph it is in (0-based).</param>
/// <param name="QuoteDepth">How many quotations are open where it starts (1: it continues a quote begun earlier).</param>
public readonly record struct Sentence(int Start, int End, int FirstToken, int TokenCount, int Paragraph, int QuoteDepth)
{
    /// <summary>Index just past its last token.</summary>
    public int EndToken => FirstToken + TokenCount;

    /// <summary>Its characters in <paramref name="text"/>.</summary>
    public ReadOnlySpan<char> In(string text) => text.AsSpan(Start, End - Start);
}

/// <summary>A paragraph: a character span with no blank line inside.</summary>
/// <param name="Start">Offset of its first character.</param>
/// <param name="End">Offset just past its last character.</param>
public readonly record struct Paragraph(int Start, int End);
