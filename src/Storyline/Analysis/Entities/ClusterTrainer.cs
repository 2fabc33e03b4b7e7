namespace Storyline.Analysis.Entities;

/// <summary>
/// Learns word clusters from unlabelled text for the tagger (the classic gain of unsupervised word
/// representations for perceptron NER, Turian et al. 2010): each frequent lower-cased word is described by
/// the words one and two tokens either side of it (positive PMI, L2-normalised), and the words are split by
/// spherical k-means top down, so that every word gets a bit-string path whose prefixes are coarser
/// clusters, as Brown clusters give. Deterministic: same text, same options, same paths.
/// </summary>
internal static class ClusterTrainer
{
    /// <param name="MinCount">Words seen fewer times are not clustered (their contexts are noise).</param>
    /// <param name="MaxWords">At most this many words, most frequent first.</param>
    /// <param name="ContextWords">The contexts are this many most frequent words plus the sentence boundary.</param>
    /// <param name="Branching">Children per split at each level: 16, 8, 8 gives paths of 4 + 3 + 3 bits.</param>
    /// <param name="Iterations">At most this many k-means rounds per split.</param>
    /// <param name="Seed">Seeds the k-means++ draws.</param>
    public sealed record Options(int MinCount = 3, int MaxWords = 60_000, int ContextWords = 2000, int[]? Branching = null, int Iterations = 12, int Seed = 20250607);

    private const int Offsets = 4;   // −2, −1, +1, +2

    public static List<WordCluster> Train(IEnumerable<IReadOnlyList<string>> sentences, Options options, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var branching = options.Branching ?? [16, 8, 8];

        // Intern lower-cased words; keep the corpus as ids.
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = new List<string>();
        var counts = new List<int>();
        var corpus = new List<int[]>();
        foreach (var sentence in sentences)
        {
            var row = new int[sentence.Count];
            for (var i = 0; i < row.Length; i++)
            {
                var word = sentence[i].ToLowerInvariant();
                if (!ids.TryGetValue(word, out var id))
                {
                    ids[word] = id = words.Count;
                    words.Add(word);
                    counts.Add(0);
                }

                counts[id]++;
                row[i] = id;
            }

            corpus.Add(row);
        }

        // Rank by frequency (ties by spelling, so the order does not depend on reading order).
        var order = Enumerable.Range(0, words.Count).OrderByDescending(i => counts[i]).ThenBy(i => words[i], StringComparer.Ordinal).ToArray();
        var rank = new int[words.Count];
        for (var r = 0; r < order.Length; r++)
        {
            rank[order[r]] = r;
        }

        var vocabulary = order.TakeWhile(i => counts[i] >= options.MinCount).Take(options.MaxWords).ToArray();
        var contexts = options.ContextWords + 1;   // the last is the sentence boundary
        log?.Invoke($"clusters: {corpus.Count} sentences, {counts.Sum()} tokens, {words.Count} words, clustering {vocabulary.Length}");

        // Word–context pairs, counted by sorting their packed keys.
        var pairs = new List<long>();
        foreach (var row in corpus)
        {
            for (var i = 0; i < row.Length; i++)
            {
                var r = rank[row[i]];
                if (r >= vocabulary.Length)
                {
                    continue;
                }

                for (var o = 0; o < Offsets; o++)
                {
                    var j = i + (o < 2 ? o - 2 : o - 1);
                    var c = j < 0 || j >= row.Length ? options.ContextWords : rank[row[j]] < options.ContextWords ? rank[row[j]] : -1;
                    if (c >= 0)
                    {
                        pairs.Add(((long)r * Offsets * contexts) + (o * contexts) + c);
                    }
                }
            }
        }

        var vectors = SparseVectors.FromPairs(pairs, vocabulary.Length, Offsets * contexts);
        log?.Invoke($"clusters: {pairs.Count} context pairs, {vectors.NonZeros} distinct");
        pairs = null;

        var paths = new SphericalKMeans(vectors, options.Iterations, options.Seed).Split(branching);
        var result = new List<WordCluster>(vocabulary.Length);
        for (var r = 0; r < vocabulary.Length; r++)
        {
            result.Add(new WordCluster(words[vocabulary[r]], paths[r], counts[vocabulary[r]]));
        }

        return result;
    }
}
