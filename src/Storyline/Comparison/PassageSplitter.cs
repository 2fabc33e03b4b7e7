using Storyline.Analysis.Text;

namespace Storyline.Comparison;

/// <summary>
/// Splits an article's text into passages: its sentences (<see cref="SentenceSplitter"/>), a sentence of fewer
/// than <see cref="MinWords"/> words joined to the next one of its paragraph (or the previous one at the
/// paragraph's end), so that "He said." or a dateline is not compared alone. A paragraph of one short sentence
/// (a heading) stays a passage of its own.
/// </summary>
internal static class PassageSplitter
{
    public const int MinWords = 6;

    public static List<(int Start, int End)> Split(string text)
    {
        var (tokens, sentences) = SentenceSplitter.Split(text);
        var spans = new List<(int Start, int End, int Paragraph, int Words)>();
        var pendingStart = -1;
        var pendingWords = 0;
        for (var s = 0; s < sentences.Length; s++)
        {
            var sentence = sentences[s];
            var words = 0;
            for (var t = sentence.FirstToken; t < sentence.EndToken; t++)
            {
                words += tokens[t].Kind is TokenKind.Word or TokenKind.Number ? 1 : 0;
            }

            var start = pendingStart >= 0 ? pendingStart : sentence.Start;
            words += pendingWords;
            var nextInParagraph = s + 1 < sentences.Length && sentences[s + 1].Paragraph == sentence.Paragraph;
            if (words < MinWords && nextInParagraph)
            {
                (pendingStart, pendingWords) = (start, words);
                continue;
            }

            (pendingStart, pendingWords) = (-1, 0);
            if (words < MinWords && spans.Count > 0 && spans[^1].Paragraph == sentence.Paragraph)
            {
                var previous = spans[^1];
                spans[^1] = (previous.Start, sentence.End, previous.Paragraph, previous.Words + words);
                continue;
            }

            spans.Add((start, sentence.End, sentence.Paragraph, words));
        }

        return [.. spans.Where(s => s.Words > 0).Select(s => (s.Start, s.End))];
    }
}
