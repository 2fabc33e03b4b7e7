namespace Storyline.Extraction;

/// <summary>
/// Maps offsets in an article's clean text (<see cref="Article.Text"/>: its paragraphs joined by a blank line) back
/// to the text it was cleaned from, when cleaning only dropped whole paragraphs or lines (advertisements, link
/// lists, aggregator chrome) and kept the others verbatim — as plain-text and JSONL cleaning does. Analysis runs
/// on the clean text; callers that print offsets map them so they point into the input as the user gave it.
/// </summary>
public sealed class CleanTextMap
{
    private const int SeparatorLength = 2;

    // Per kept paragraph, where it starts in the clean text and in the source; all lengths are the paragraph's.
    private readonly int[] _cleanStarts;
    private readonly int[] _sourceStarts;
    private readonly int[] _lengths;

    private CleanTextMap(int[] cleanStarts, int[] sourceStarts, int[] lengths)
    {
        _cleanStarts = cleanStarts;
        _sourceStarts = sourceStarts;
        _lengths = lengths;
    }

    /// <summary>
    /// Finds each paragraph, in order, verbatim in <paramref name="source"/>; null when one is not there (cleaning
    /// rewrote it, or the source is markup), in which case offsets cannot be mapped.
    /// </summary>
    public static CleanTextMap? Build(string source, IReadOnlyList<string> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(paragraphs);
        var cleanStarts = new int[paragraphs.Count];
        var sourceStarts = new int[paragraphs.Count];
        var lengths = new int[paragraphs.Count];
        int clean = 0, from = 0;
        for (var p = 0; p < paragraphs.Count; p++)
        {
            var paragraph = paragraphs[p];
            var found = paragraph.Length == 0 ? from : source.IndexOf(paragraph, from, StringComparison.Ordinal);
            if (found < 0)
            {
                return null;
            }

            cleanStarts[p] = clean;
            sourceStarts[p] = found;
            lengths[p] = paragraph.Length;
            clean += paragraph.Length + SeparatorLength;
            from = found + paragraph.Length;
        }

        return new CleanTextMap(cleanStarts, sourceStarts, lengths);
    }

    /// <summary>The source offset of the clean-text character at <paramref name="offset"/> (a separator maps to its paragraph's end).</summary>
    public int ToSource(int offset)
    {
        if (_cleanStarts.Length == 0)
        {
            return 0;
        }

        var index = Array.BinarySearch(_cleanStarts, offset);
        var p = index >= 0 ? index : Math.Max(0, ~index - 1);
        return _sourceStarts[p] + Math.Clamp(offset - _cleanStarts[p], 0, _lengths[p]);
    }

    /// <summary>A clean-text span [start, end) in source offsets; a span stays within its paragraph as analysis spans do.</summary>
    public (int Start, int End) ToSource(int start, int end) =>
        end <= start ? (ToSource(start), ToSource(start)) : (ToSource(start), ToSource(end - 1) + 1);
}
