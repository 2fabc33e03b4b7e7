using System.Text;
using Storyline.Bench.ExtractionEval;

namespace Storyline.Bench.PlainText;

/// <summary>
/// Labels each line of a dump body or chrome by its overlap with the page's gold main text, over the
/// metric's lower-cased <c>\w+</c> tokens. A line of four or more tokens is body when at least half of
/// its 4-token shingles occur in the gold (containment in order, so that common words scattered over
/// the gold do not make a menu line body). A shorter line (a subheading, a one-word list item) is body
/// when its tokens occur contiguously in the gold together with the last token of the line before or
/// the first token of the line after: the gold must hold it in the same place, not just anywhere.
/// </summary>
internal static class LineLabels
{
    public static bool[] Of(IReadOnlyList<string> lines, string truth)
    {
        var gold = ExtractionMetrics.Tokens(truth, true);
        var shingles = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 4 <= gold.Count; i++)
        {
            shingles.Add(Join(gold, i, 4));
        }

        var framed = " " + string.Join(' ', gold) + " ";
        var tokens = lines.Select(l => ExtractionMetrics.Tokens(l, true)).ToList();
        var labels = new bool[lines.Count];
        for (var k = 0; k < lines.Count; k++)
        {
            var t = tokens[k];
            if (t.Count >= 4)
            {
                var found = 0;
                for (var i = 0; i + 4 <= t.Count; i++)
                {
                    found += shingles.Contains(Join(t, i, 4)) ? 1 : 0;
                }

                labels[k] = found * 2 >= t.Count - 3;
            }
            else if (t.Count > 0)
            {
                var line = string.Join(' ', t);
                var before = k > 0 && tokens[k - 1].Count > 0 ? tokens[k - 1][^1] + " " + line : null;
                var after = k + 1 < lines.Count && tokens[k + 1].Count > 0 ? line + " " + tokens[k + 1][0] : null;
                labels[k] = (before is not null && framed.Contains(" " + before + " ", StringComparison.Ordinal))
                    || (after is not null && framed.Contains(" " + after + " ", StringComparison.Ordinal));
            }
        }

        return labels;
    }

    private static string Join(List<string> tokens, int start, int count)
    {
        var builder = new StringBuilder();
        for (var i = start; i < start + count; i++)
        {
            builder.Append(tokens[i]).Append('\u0001');
        }

        return builder.ToString();
    }
}
