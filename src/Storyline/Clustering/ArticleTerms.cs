namespace Storyline.Clustering;

/// <summary>
/// An article's term counts as arrays: the combined terms once (in the combined counts' order), and the title's
/// and body's counts as positions into them (each in its own counts' order). Built on the preparing threads, so
/// that the sequential grouping step maps each distinct term to its number once instead of once per vector.
/// The orders are those of the dictionaries, so every vector's weights are summed in the same order as before.
/// </summary>
internal sealed class ArticleTerms
{
    private ArticleTerms(string[] combined, double[] combinedCounts, int[] titlePositions, double[] titleCounts, int[] bodyPositions, double[] bodyCounts)
    {
        Combined = combined;
        CombinedCounts = combinedCounts;
        TitlePositions = titlePositions;
        TitleCounts = titleCounts;
        BodyPositions = bodyPositions;
        BodyCounts = bodyCounts;
    }

    public string[] Combined { get; }

    public double[] CombinedCounts { get; }

    public int[] TitlePositions { get; }

    public double[] TitleCounts { get; }

    public int[] BodyPositions { get; }

    public double[] BodyCounts { get; }

    /// <summary>
    /// Per combined term, its number when <see cref="LookUpKnown"/> ran (−1 for a term not known then), or null when it
    /// did not run: looked up on the preparing threads, so that grouping's sequential step numbers only the new terms.
    /// </summary>
    public int[]? KnownIds { get; private set; }

    /// <summary>Fills <see cref="KnownIds"/> from <paramref name="statistics"/> (<see cref="TermStatistics.KnownId"/>, thread-safe).</summary>
    public void LookUpKnown(TermStatistics statistics)
    {
        var known = new int[Combined.Length];
        for (var k = 0; k < known.Length; k++)
        {
            known[k] = statistics.KnownId(Combined[k]);
        }

        KnownIds = known;
    }

    /// <summary>The arrays of the three counts; every title and body term must be a combined term.</summary>
    public static ArticleTerms Of(Dictionary<string, double> title, Dictionary<string, double> body, Dictionary<string, double> combined)
    {
        var terms = new string[combined.Count];
        var counts = new double[combined.Count];
        var positions = new Dictionary<string, int>(combined.Count, StringComparer.Ordinal);
        var k = 0;
        foreach (var (term, count) in combined)
        {
            positions[term] = k;
            terms[k] = term;
            counts[k++] = count;
        }

        var (titlePositions, titleCounts) = Positions(title, positions);
        var (bodyPositions, bodyCounts) = Positions(body, positions);
        return new ArticleTerms(terms, counts, titlePositions, titleCounts, bodyPositions, bodyCounts);
    }

    private static (int[] Positions, double[] Counts) Positions(Dictionary<string, double> counts, Dictionary<string, int> positions)
    {
        var at = new int[counts.Count];
        var values = new double[counts.Count];
        var k = 0;
        foreach (var (term, count) in counts)
        {
            at[k] = positions[term];
            values[k++] = count;
        }

        return (at, values);
    }
}
