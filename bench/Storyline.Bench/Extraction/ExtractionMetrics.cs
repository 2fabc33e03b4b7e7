using System.Text;
using System.Text.RegularExpressions;

namespace Storyline.Bench.ExtractionEval;

/// <summary>The extraction metrics of the eval README: AEB 4-token shingles and WCXB bag of words.</summary>
internal static partial class ExtractionMetrics
{
    /// <summary>A page's tp/fp/fn shares (summing to 1).</summary>
    internal readonly record struct Shares(double Tp, double Fp, double Fn);

    /// <summary>Unicode <c>\w+</c> runs.</summary>
    public static List<string> Tokens(string text, bool lower)
    {
        var tokens = new List<string>();
        foreach (Match m in Word().Matches(text))
        {
            tokens.Add(lower ? m.Value.ToLowerInvariant() : m.Value);
        }

        return tokens;
    }

    /// <summary>AEB: multisets of 4-token shingles (a text of fewer than 4 tokens is one shingle); an empty prediction is fn only.</summary>
    public static Shares Shingles(string prediction, string truth)
    {
        if (string.IsNullOrWhiteSpace(prediction))
        {
            return new Shares(0, 0, 1);
        }

        var predicted = ShingleCounts(Tokens(prediction, false));
        var expected = ShingleCounts(Tokens(truth, false));
        double tp = 0;
        foreach (var (shingle, count) in predicted)
        {
            tp += Math.Min(count, expected.GetValueOrDefault(shingle));
        }

        double fp = predicted.Values.Sum() - tp;
        double fn = expected.Values.Sum() - tp;
        var sum = tp + fp + fn;
        return sum == 0 ? new Shares(0, 0, 1) : new Shares(tp / sum, fp / sum, fn / sum);
    }

    /// <summary>Precision = mean over pages with tp+fp&gt;0 of tp/(tp+fp); recall likewise over tp+fn&gt;0; F1 of the two means.</summary>
    public static (double Precision, double Recall, double F1) AebScore(IEnumerable<Shares> pages)
    {
        var list = pages.ToList();
        var ps = list.Where(s => s.Tp + s.Fp > 0).Select(s => s.Tp / (s.Tp + s.Fp)).ToList();
        var rs = list.Where(s => s.Tp + s.Fn > 0).Select(s => s.Tp / (s.Tp + s.Fn)).ToList();
        var p = ps.Count > 0 ? ps.Average() : 0;
        var r = rs.Count > 0 ? rs.Average() : 0;
        return (p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
    }

    /// <summary>WCXB: bag-of-words precision, recall and F1 over lower-cased <c>\w+</c> tokens (multiset overlap).</summary>
    public static (double Precision, double Recall, double F1) BagOfWords(string prediction, string truth)
    {
        var predicted = Counts(Tokens(prediction, true));
        var expected = Counts(Tokens(truth, true));
        var predictedTotal = predicted.Values.Sum();
        var expectedTotal = expected.Values.Sum();
        if (predictedTotal == 0 && expectedTotal == 0)
        {
            return (1, 1, 1);
        }

        if (predictedTotal == 0 || expectedTotal == 0)
        {
            return (0, 0, 0);
        }

        double overlap = 0;
        foreach (var (word, count) in predicted)
        {
            overlap += Math.Min(count, expected.GetValueOrDefault(word));
        }

        var p = overlap / predictedTotal;
        var r = overlap / expectedTotal;
        return (p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
    }

    /// <summary>Text as lower-cased tokens joined by single spaces, framed by spaces, for snippet tests.</summary>
    public static string SnippetForm(string text) => " " + string.Join(' ', Tokens(text, true)) + " ";

    /// <summary>Whether the snippet's token sequence occurs in <paramref name="snippetForm"/> (see <see cref="SnippetForm"/>).</summary>
    public static bool ContainsSnippet(string snippetForm, string snippet)
    {
        var needle = SnippetForm(snippet);
        return needle.Length > 2 && snippetForm.Contains(needle, StringComparison.Ordinal);
    }

    private static Dictionary<string, int> ShingleCounts(List<string> tokens)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var n = Math.Max(1, tokens.Count - 3);
        var builder = new StringBuilder();
        for (var i = 0; i < n; i++)
        {
            builder.Clear();
            for (var j = i; j < Math.Min(i + 4, tokens.Count); j++)
            {
                builder.Append(tokens[j]).Append('\u0001');
            }

            var key = builder.ToString();
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }

    private static Dictionary<string, int> Counts(List<string> tokens)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in tokens)
        {
            counts[t] = counts.GetValueOrDefault(t) + 1;
        }

        return counts;
    }

    [GeneratedRegex(@"\w+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
