namespace Storyline.Comparison;

/// <summary>One labelled (or unlabelled) sentence pair of an MRPC-format file.</summary>
/// <param name="Id1">The first sentence's id.</param>
/// <param name="Id2">The second sentence's id.</param>
/// <param name="Text1">The first sentence.</param>
/// <param name="Text2">The second sentence.</param>
/// <param name="Same">The label (Quality column): true when the pair says the same thing.</param>
public sealed record SentencePair(string Id1, string Id2, string Text1, string Text2, bool Same);

/// <summary>
/// Reads MRPC-format TSV: a header line, then <c>Quality TAB ID1 TAB ID2 TAB String1 TAB String2</c> (a leading
/// byte-order mark is skipped). A malformed line is reported by its line number and skipped; the rest is read.
/// </summary>
public static class SentencePairFile
{
    /// <summary>Longest line read; longer ones are reported and skipped.</summary>
    public const int MaxLineLength = 100_000;

    /// <summary>The pairs of <paramref name="reader"/>; <paramref name="problem"/> is told of each bad line (line number, reason).</summary>
    public static IEnumerable<SentencePair> Read(TextReader reader, Action<int, string> problem)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(problem);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (number == 1 || line.Length == 0)
            {
                continue; // the header
            }

            if (line.Length > MaxLineLength)
            {
                problem(number, $"line longer than {MaxLineLength} characters");
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length < 5)
            {
                problem(number, $"expected 5 tab-separated fields (Quality, ID1, ID2, String1, String2), found {fields.Length}");
                continue;
            }

            yield return new SentencePair(fields[1], fields[2], fields[3], fields[4], fields[0].Trim() == "1");
        }
    }
}
