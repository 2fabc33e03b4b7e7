using System.Runtime.InteropServices;

namespace Storyline.Clustering;

/// <summary>
/// The terms of one batch numbered in the order met, with the number of articles each occurs in: an article's counts
/// become two arrays (term numbers and counts, in the counts' order), so each term is looked up once per article
/// and kept as a number, not a string. Numbering is not thread-safe; reading numbers and frequencies is.
/// </summary>
internal sealed class BatchVocabulary
{
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly List<string> _terms = [];
    private readonly List<int> _documentFrequency = [];

    /// <summary>Terms numbered.</summary>
    public int Count => _terms.Count;

    /// <summary>Counts one article: numbers its terms (new ones added) and, when <paramref name="document"/>, counts it for each.</summary>
    public (int[] Terms, double[] Counts) Number(Dictionary<string, double> counts, bool document)
    {
        var terms = new int[counts.Count];
        var values = new double[counts.Count];
        var k = 0;
        foreach (var (term, count) in counts)
        {
            ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(_numbers, term, out var exists);
            if (!exists)
            {
                number = _terms.Count;
                _terms.Add(term);
                _documentFrequency.Add(0);
            }

            if (document)
            {
                _documentFrequency[number]++;
            }

            terms[k] = number;
            values[k++] = count;
        }

        return (terms, values);
    }

    public string Term(int number) => _terms[number];

    /// <summary>Articles the term occurs in; 1 for a term no counted article has (as a missing entry counted before).</summary>
    public int DocumentFrequency(int number) => _documentFrequency[number] is var df and > 0 ? df : 1;

    /// <summary>Counted articles the term occurs in (0 for a term only numbered).</summary>
    public int CountedFrequency(int number) => _documentFrequency[number];
}
