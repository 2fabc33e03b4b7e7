using System.Buffers.Binary;
using System.IO.Compression;

namespace Storyline.Analysis.Entities;

/// <summary>
/// A first-order linear model over IOB2 tags (trained as perceptrons and CRFs, see <see cref="NerTrainer"/>):
/// per-token feature weights plus tag transition weights, decoded by Viterbi with the IOB2 constraint (I-X
/// only after B-X or I-X).
/// Immutable after loading; decoding is thread-safe given a scratch per thread.
/// </summary>
internal sealed class NerModel
{
    private const string Magic = "SLNER2";

    public NerModel(string[] tags, Dictionary<ulong, int> index, float[] weights, float[] transitions, Gazetteer gazetteer, WordClusters clusters)
    {
        Clusters = clusters;
        Tags = tags;
        Index = index;
        Table = new FeatureTable(index, weights, tags.Length);
        Weights = weights;
        Transitions = transitions;
        Gazetteer = gazetteer;
        TagTypes = new int[tags.Length];
        TagBegins = new bool[tags.Length];
        for (var t = 0; t < tags.Length; t++)
        {
            TagTypes[t] = tags[t] == "O" ? -1 : (int)(Labels.Parse(tags[t].AsSpan(2)) ?? EntityType.Misc);
            TagBegins[t] = tags[t].StartsWith("B-", StringComparison.Ordinal);
        }

        _outside = Array.IndexOf(tags, "O");
        Constraint = new float[(tags.Length + 1) * tags.Length];
        for (var previous = -1; previous < tags.Length; previous++)
        {
            for (var tag = 0; tag < tags.Length; tag++)
            {
                Constraint[((previous + 1) * tags.Length) + tag] = Allowed(previous, tag) ? 0f : float.NegativeInfinity;
            }
        }

    }

    private readonly int _outside;

    /// <summary>The tags: "O", "B-PER", "I-PER", ….</summary>
    public string[] Tags { get; }

    /// <summary>Per tag: the entity type index, or -1 for O.</summary>
    public int[] TagTypes { get; }

    /// <summary>Per tag: whether it is a B- tag.</summary>
    public bool[] TagBegins { get; }

    public Dictionary<ulong, int> Index { get; }

    /// <summary><see cref="Index"/> as a fast lookup table.</summary>
    public FeatureTable Table { get; }

    public float[] Weights { get; }

    /// <summary>(previous tag + 1) × tags + tag; previous −1 is the sentence start.</summary>
    public float[] Transitions { get; }

    public Gazetteer Gazetteer { get; }

    /// <summary>Word clusters learned from unlabelled text (<see cref="WordClusters.None"/> for none).</summary>
    public WordClusters Clusters { get; }

    /// <summary>Laid out as <see cref="Transitions"/>: 0 where IOB2 allows the pair, −∞ where it does not, so decoding adds instead of testing.</summary>
    private float[] Constraint { get; }

    public int TagCount => Tags.Length;

    /// <summary>Whether <paramref name="tag"/> may follow <paramref name="previous"/> (−1: sentence start).</summary>
    public bool Allowed(int previous, int tag) =>
        TagTypes[tag] < 0 || TagBegins[tag] || (previous >= 0 && TagTypes[previous] == TagTypes[tag]);

    /// <summary>Scratch buffers for decoding; one per thread.</summary>
    public sealed class Scratch
    {
        public Featurizer.SentenceHashes Hashes { get; } = new(64);

        private ulong[] _features = new ulong[Featurizer.PerToken * 64];

        /// <summary>Per token of the sentence, how many features it has.</summary>
        public int[] Counts { get; private set; } = new int[64];

        private bool[] _scored = new bool[64];

        /// <summary>Per token of the sentence, whether it is scored (see <see cref="Predict"/>).</summary>
        public Span<bool> Scored(int tokens)
        {
            if (_scored.Length < tokens)
            {
                _scored = new bool[tokens * 2];
            }

            return _scored.AsSpan(0, tokens);
        }

        /// <summary>Room for <see cref="Featurizer.PerToken"/> features of each of <paramref name="tokens"/> tokens.</summary>
        public ulong[] Features(int tokens)
        {
            if (Counts.Length < tokens)
            {
                Counts = new int[tokens * 2];
                _features = new ulong[Featurizer.PerToken * tokens * 2];
            }

            return _features;
        }

        public float[] Scores = new float[64 * 8];

        public int[] Back = new int[64 * 8];

        public void Ensure(int cells)
        {
            if (Scores.Length < cells)
            {
                Scores = new float[cells * 2];
                Back = new int[cells * 2];
            }
        }
    }

    /// <summary>How far a token's features reach (words within three tokens): beyond it, a token cannot see a capital.</summary>
    private const int ContextReach = 3;

    /// <summary>
    /// Tags the tokens (spans of <paramref name="text"/>) into <paramref name="tags"/>. With
    /// <paramref name="onlyNearCapitals"/>, a token with no capital letter within <see cref="ContextReach"/>
    /// tokens is tagged O without being scored: in news text that is half the tokens, and the tagger (trained
    /// on names) practically never tags such a token otherwise — measured on allsides-train, see RESULTS.
    /// </summary>
    public void Predict(ReadOnlySpan<char> text, ReadOnlySpan<(int Start, int Length)> tokens, Span<int> tags, Scratch scratch, bool onlyNearCapitals = false)
    {
        var n = tokens.Length;
        if (n == 0)
        {
            return;
        }

        var t = TagCount;
        scratch.Ensure(n * t);
        Featurizer.Prepare(text, tokens, scratch.Hashes, Gazetteer, Clusters);
        var emissions = scratch.Scores.AsSpan(0, n * t);
        emissions.Clear();
        // Token i+1's features are computed and their table slots requested from memory before token i's
        // weights are summed, so the lookups rarely wait (the table is megabytes, the keys random).
        var features = scratch.Features(n);
        var counts = scratch.Counts;
        var scored = scratch.Scored(n);
        MarkScored(text, tokens, scored, onlyNearCapitals);
        var next = NextScored(scored, 0);
        if (next < n)
        {
            counts[next] = ExtractAndPrefetch(text, tokens, scratch, features, next);
        }

        for (var i = 0; i < n; i++)
        {
            if (!scored[i])
            {
                // Only O: every other tag is ruled out, as if its score were −∞.
                emissions.Slice(i * t, t).Fill(float.NegativeInfinity);
                emissions[(i * t) + _outside] = 0;
                continue;
            }

            next = NextScored(scored, i + 1);
            if (next < n)
            {
                counts[next] = ExtractAndPrefetch(text, tokens, scratch, features, next);
            }

            Table.AddTo(features.AsSpan(i * Featurizer.PerToken, counts[i]), emissions.Slice(i * t, t));
        }

        Viterbi(emissions, n, tags, scratch.Back, Transitions);
    }

    private static void MarkScored(ReadOnlySpan<char> text, ReadOnlySpan<(int Start, int Length)> tokens, Span<bool> scored, bool onlyNearCapitals)
    {
        if (!onlyNearCapitals)
        {
            scored.Fill(true);
            return;
        }

        scored.Clear();
        for (var i = 0; i < tokens.Length; i++)
        {
            if (text.Slice(tokens[i].Start, tokens[i].Length).ContainsAnyInRange('A', 'Z') || HasNonAsciiUpper(text.Slice(tokens[i].Start, tokens[i].Length)))
            {
                scored[Math.Max(0, i - ContextReach)..Math.Min(tokens.Length, i + ContextReach + 1)].Fill(true);
            }
        }
    }

    private static bool HasNonAsciiUpper(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (c > 127 && char.IsUpper(c))
            {
                return true;
            }
        }

        return false;
    }

    private static int NextScored(ReadOnlySpan<bool> scored, int from)
    {
        var next = scored[from..].IndexOf(true);
        return next < 0 ? scored.Length : from + next;
    }

    private int ExtractAndPrefetch(ReadOnlySpan<char> text, ReadOnlySpan<(int Start, int Length)> tokens, Scratch scratch, ulong[] features, int i)
    {
        var row = features.AsSpan(i * Featurizer.PerToken, Featurizer.PerToken);
        var count = Featurizer.Extract(text, tokens, scratch.Hashes, Gazetteer, i, row);
        Table.Prefetch(row[..count]);
        return count;
    }

    /// <summary>Viterbi over emission scores (n × tags), in place; writes the best tag sequence.</summary>
    public void Viterbi(Span<float> scores, int n, Span<int> tags, int[] back, ReadOnlySpan<float> transitions)
    {
        var t = TagCount;
        var constraint = Constraint.AsSpan();
        Span<float> previous = stackalloc float[t];
        Span<float> current = stackalloc float[t];
        for (var k = 0; k < t; k++)
        {
            previous[k] = scores[k] + transitions[k] + constraint[k];
        }

        for (var i = 1; i < n; i++)
        {
            for (var k = 0; k < t; k++)
            {
                var best = float.NegativeInfinity;
                var arg = 0;
                for (var p = 0; p < t; p++)
                {
                    var cell = ((p + 1) * t) + k;
                    var s = previous[p] + transitions[cell] + constraint[cell];
                    if (s > best)
                    {
                        best = s;
                        arg = p;
                    }
                }

                current[k] = best + scores[(i * t) + k];
                back[(i * t) + k] = arg;
            }

            current.CopyTo(previous);
        }

        var last = 0;
        for (var k = 1; k < t; k++)
        {
            if (previous[k] > previous[last])
            {
                last = k;
            }
        }

        for (var i = n - 1; i >= 0; i--)
        {
            tags[i] = last;
            if (i > 0)
            {
                last = back[(i * t) + last];
            }
        }
    }

    /// <summary>Writes the model, gzip-compressed, weights quantised to 16 bits.</summary>
    public void Save(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip);
        writer.Write(Magic);
        writer.Write(Tags.Length);
        foreach (var tag in Tags)
        {
            writer.Write(tag);
        }

        foreach (var value in Transitions)
        {
            writer.Write(value);
        }

        WriteMap(writer, Gazetteer.Names);
        WriteMap(writer, Gazetteer.Words);
        Clusters.Write(writer);

        var t = TagCount;
        WriteWeights(writer, Index, Weights, t);
    }

    private static void WriteWeights(BinaryWriter writer, Dictionary<ulong, int> index, float[] weights, int t)
    {
        var max = 1e-9f;
        foreach (var w in weights)
        {
            max = Math.Max(max, Math.Abs(w));
        }

        var scale = max / short.MaxValue;
        writer.Write(scale);
        var keys = index.Keys.Order().ToArray();
        writer.Write(keys.Length);
        var last = 0UL;
        foreach (var key in keys)
        {
            writer.Write7BitEncodedInt64((long)(key - last));
            last = key;
        }

        // Weights tag-major (column by column) so that runs of zeros compress.
        for (var k = 0; k < t; k++)
        {
            foreach (var key in keys)
            {
                writer.Write((short)Math.Round(weights[(index[key] * t) + k] / scale));
            }
        }
    }

    private static (Dictionary<ulong, int> Index, float[] Weights) ReadWeights(BinaryReader reader, int t)
    {
        var scale = reader.ReadSingle();
        var count = reader.ReadInt32();
        var index = new Dictionary<ulong, int>(count);
        var last = 0UL;
        for (var f = 0; f < count; f++)
        {
            last += (ulong)reader.Read7BitEncodedInt64();
            index[last] = f;
        }

        // A column of 16-bit weights at a time in one read, not one ReadInt16 call per weight (start-up).
        var weights = new float[count * t];
        var column = new byte[count * sizeof(short)];
        for (var k = 0; k < t; k++)
        {
            reader.BaseStream.ReadExactly(column);
            for (var f = 0; f < count; f++)
            {
                weights[(f * t) + k] = BinaryPrimitives.ReadInt16LittleEndian(column.AsSpan(f * sizeof(short))) * scale;
            }
        }

        return (index, weights);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    public static NerModel Load(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        // The model is millions of one- and two-byte reads: through a buffer, not one inflate call each.
        using var buffered = new BufferedStream(gzip, 1 << 16);
        using var reader = new BinaryReader(buffered);
        if (reader.ReadString() != Magic)
        {
            throw new InvalidDataException("not a Storyline entity model");
        }

        var tags = new string[reader.ReadInt32()];
        for (var k = 0; k < tags.Length; k++)
        {
            tags[k] = reader.ReadString();
        }

        var t = tags.Length;
        var transitions = new float[(t + 1) * t];
        for (var k = 0; k < transitions.Length; k++)
        {
            transitions[k] = reader.ReadSingle();
        }

        var names = ReadMap(reader);
        var words = ReadMap(reader);
        var clusters = WordClusters.Read(reader);
        var (index, weights) = ReadWeights(reader, t);
        return new NerModel(tags, index, weights, transitions, new Gazetteer(names, words), clusters);
    }

    private static void WriteMap(BinaryWriter writer, IReadOnlyDictionary<ulong, byte> map)
    {
        writer.Write(map.Count);
        var last = 0UL;
        foreach (var (key, value) in map.OrderBy(p => p.Key))
        {
            writer.Write7BitEncodedInt64((long)(key - last));
            writer.Write(value);
            last = key;
        }
    }

    private static Dictionary<ulong, byte> ReadMap(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        var map = new Dictionary<ulong, byte>(count);
        var last = 0UL;
        for (var k = 0; k < count; k++)
        {
            last += (ulong)reader.Read7BitEncodedInt64();
            map[last] = reader.ReadByte();
        }

        return map;
    }
}
