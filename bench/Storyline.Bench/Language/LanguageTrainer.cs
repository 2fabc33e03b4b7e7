using Storyline.Extraction;
using Storyline.Extraction.Language;

namespace Storyline.Bench.Language;

/// <summary>
/// Learns <see cref="LanguageModel"/> from running text: for each language, the counts of its
/// character 1–4-grams; the <see cref="TopK"/> most frequent are kept, with additive smoothing
/// (<see cref="Alpha"/>) over the n-grams seen in any language of the same script. Everything is
/// ordered (languages by code, n-grams by key, ties by key), so the same text gives the same bytes.
/// </summary>
internal static class LanguageTrainer
{
    /// <summary>N-grams kept a language (<c>LID_TOPK</c>).</summary>
    public static int TopK => EnvInt("LID_TOPK", 2000);

    /// <summary>Additive smoothing of the counts (<c>LID_ALPHA</c>).</summary>
    public static double Alpha => EnvInt("LID_ALPHA_PERMILLE", 500) / 1000.0;

    /// <summary>A model from each language's texts; texts are grouped by their dominant script.</summary>
    public static LanguageModel Train(IEnumerable<(string Language, string Text)> texts)
    {
        var byScript = texts
            .GroupBy(t => DominantScript(t.Text))
            .Where(g => g.Key != WritingScript.None && g.Select(t => t.Language).Distinct().Count() > 1)
            .OrderBy(g => g.Key);
        return new LanguageModel(byScript.Select(g => Profiles(g.Key, g.GroupBy(t => t.Language).ToDictionary(l => l.Key, l => Count(l.Select(t => t.Text))))));
    }

    private static NgramProfiles Profiles(WritingScript script, Dictionary<string, Dictionary<ulong, int>> counts)
    {
        var languages = counts.Keys.Order(StringComparer.Ordinal).ToArray();
        const int orders = CharacterNgrams.MaxOrder;

        // Smoothing spreads over every n-gram of that length the script's languages use.
        var vocabulary = new long[orders];
        foreach (var key in counts.Values.SelectMany(c => c.Keys).Distinct())
        {
            vocabulary[Order(key) - 1]++;
        }

        var floors = new short[languages.Length * orders];
        var kept = new SortedDictionary<ulong, List<(byte Language, byte Weight)>>();
        for (var l = 0; l < languages.Length; l++)
        {
            var count = counts[languages[l]];
            var denominators = new double[orders];
            for (var n = 0; n < orders; n++)
            {
                var total = count.Where(kv => Order(kv.Key) == n + 1).Sum(kv => (long)kv.Value);
                denominators[n] = total + (Alpha * vocabulary[n]);
                floors[(l * orders) + n] = Quantise(Math.Log(Alpha / denominators[n]));
            }

            foreach (var (key, c) in count.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(TopK))
            {
                var floor = floors[(l * orders) + Order(key) - 1];
                var weight = Math.Clamp(Quantise(Math.Log((c + Alpha) / denominators[Order(key) - 1])) - floor, 1, byte.MaxValue);
                if (!kept.TryGetValue(key, out var entries))
                {
                    kept[key] = entries = [];
                }

                entries.Add(((byte)l, (byte)weight));
            }
        }

        var keys = kept.Keys.ToArray();
        var starts = new int[keys.Length + 1];
        var languageOf = new List<byte>();
        var weights = new List<byte>();
        for (var i = 0; i < keys.Length; i++)
        {
            foreach (var (language, weight) in kept[keys[i]])
            {
                languageOf.Add(language);
                weights.Add(weight);
            }

            starts[i + 1] = weights.Count;
        }

        return new NgramProfiles(script, languages, floors, keys, starts, [.. languageOf], [.. weights]);
    }

    private static Dictionary<ulong, int> Count(IEnumerable<string> texts)
    {
        var sink = new Counter(new Dictionary<ulong, int>());
        foreach (var text in texts)
        {
            CharacterNgrams.Read(text, ref sink);
        }

        return sink.Counts;
    }

    private static short Quantise(double logProbability) => checked((short)Math.Round(logProbability / NgramProfiles.Step));

    private static int Order(ulong key) => key > 0xFFFF_FFFF_FFFF ? 4 : key > 0xFFFF_FFFF ? 3 : key > 0xFFFF ? 2 : 1;

    internal static WritingScript DominantScript(string text) => text
        .Select(WritingScripts.Of).Where(s => s != WritingScript.None)
        .GroupBy(s => s).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstOrDefault();

    private static int EnvInt(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;

    private readonly struct Counter(Dictionary<ulong, int> counts) : INgramSink
    {
        public Dictionary<ulong, int> Counts => counts;

        public void Add(ulong key, int order)
        {
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _)++;
        }
    }
}
