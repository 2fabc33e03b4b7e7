using System.Globalization;
using System.IO.Compression;

namespace Storyline.Comparison;

/// <summary>
/// How informative a word is: log(N / (count + 1)) from the word counts of news text that ship with the tagger's
/// word clusters (models/word-clusters-en.tsv.gz: 26k lower-cased words seen 3+ times in the AllSides and UCI texts
/// and WikiANN); an unlisted word (a rare name, a number) gets the highest weight. Keyed by stem hash, the
/// counts of a stem's forms summed. Loaded once.
/// </summary>
internal static class WordRarity
{
    private const string ResourceName = "Storyline.Models.word-clusters-en.tsv.gz";

    private static readonly Lazy<(Dictionary<ulong, double> Weights, double Max)> Table = new(Load);

    public static double Of(ulong stemHash)
    {
        var (weights, max) = Table.Value;
        return weights.TryGetValue(stemHash, out var weight) ? weight : max;
    }

    private static (Dictionary<ulong, double>, double) Load()
    {
        var counts = new Dictionary<ulong, long>();
        using var stream = typeof(WordRarity).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"resource {ResourceName} is missing from the build");
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress));
        long total = 0;
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split('\t');
            if (fields.Length < 3 || !long.TryParse(fields[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var count))
            {
                continue;
            }

            var word = fields[1];
            var stem = PassageWords.Hash(word.Any(char.IsDigit) ? word : WordStemmer.Stem(word));
            counts[stem] = counts.GetValueOrDefault(stem) + count;
            total += count;
        }

        var weights = counts.ToDictionary(c => c.Key, c => Math.Log((double)total / (c.Value + 1)));
        return (weights, Math.Log(total / 2.0));
    }
}
