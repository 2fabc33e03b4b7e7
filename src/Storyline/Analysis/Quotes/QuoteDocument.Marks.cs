using Storyline.Analysis.Text;

namespace Storyline.Analysis.Quotes;

/// <summary>Pairing quotation marks into direct-quote spans.</summary>
internal sealed partial class QuoteDocument
{
    /// <summary>The longest direct quote, in tokens (long quoted passages run to a few hundred).</summary>
    internal const int MaxQuoteTokens = 600;

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
                    if (k - first >= MaxQuoteTokens)
                    {
                        // Never closed within any quote's length (a stray mark in a long run of text): ended here, so
                        // that what looks across a quote costs no more than a quote.
                        last = k - 1;
                        break;
                    }

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
}
