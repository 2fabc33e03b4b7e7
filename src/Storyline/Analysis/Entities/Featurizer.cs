namespace Storyline.Analysis.Entities;

/// <summary>
/// Features of each token of a sentence, as 64-bit hashes: the word and its lower-cased form, word shape,
/// prefixes and suffixes, words within three tokens and shapes within two, word bigrams and word–shape
/// pairs, position in the sentence, runs of capitalised words, quotation marks and brackets around the word,
/// word-cluster path prefixes, and gazetteer matches (names and word labels seen in training).
/// </summary>
internal static class Featurizer
{
    public const int PerToken = 76;

    private static readonly ulong Boundary = FeatureHash.Of("<s>", false);
    private static readonly ulong EndBoundary = FeatureHash.Of("</s>", false);

    /// <summary>Per-token string hashes a sentence needs once.</summary>
    public sealed class SentenceHashes(int capacity)
    {
        public ulong[] Word = new ulong[capacity];
        public ulong[] Lower = new ulong[capacity];
        public ulong[] Shape = new ulong[capacity];
        public ulong[] ShortShape = new ulong[capacity];
        public byte[] GazType = new byte[capacity];
        public byte[] GazPosition = new byte[capacity];
        public byte[] PlaceType = new byte[capacity];
        public byte[] PlacePosition = new byte[capacity];
        public byte[] NameStart = new byte[capacity];
        public byte[] PlaceStart = new byte[capacity];
        public byte[] WordClass = new byte[capacity];
        public ulong[] Affixes = new ulong[capacity * 8];
        public ulong[] Coarse = new ulong[capacity];
        public ulong[] Mid = new ulong[capacity];
        public ulong[] Fine = new ulong[capacity];
        public int[] RunStart = new int[capacity];
        public int[] RunEnd = new int[capacity];
        public byte[] Enclosure = new byte[capacity];
        public int Count;

        public void Ensure(int count)
        {
            if (Word.Length < count)
            {
                var size = Math.Max(count, Word.Length * 2);
                Word = new ulong[size];
                Lower = new ulong[size];
                Shape = new ulong[size];
                ShortShape = new ulong[size];
                GazType = new byte[size];
                GazPosition = new byte[size];
                PlaceType = new byte[size];
                PlacePosition = new byte[size];
                NameStart = new byte[size];
                PlaceStart = new byte[size];
                WordClass = new byte[size];
                Affixes = new ulong[size * 8];
                Coarse = new ulong[size];
                Mid = new ulong[size];
                Fine = new ulong[size];
                RunStart = new int[size];
                RunEnd = new int[size];
                Enclosure = new byte[size];
            }

            Count = count;
        }
    }

    /// <summary>Fills hashes for the tokens (spans of <paramref name="text"/>).</summary>
    public static void Prepare(ReadOnlySpan<char> text, ReadOnlySpan<(int Start, int Length)> tokens, SentenceHashes into, Gazetteer? gazetteer, WordClusters clusters)
    {
        into.Ensure(tokens.Length);
        Span<char> shape = stackalloc char[64];
        for (var i = 0; i < tokens.Length; i++)
        {
            var word = text.Slice(tokens[i].Start, tokens[i].Length);
            into.Word[i] = FeatureHash.Of(word, false);
            into.Lower[i] = LowerAndAffixes(word, into.Affixes.AsSpan(i * 8, 8));
            var (full, brief) = Shape(word, shape);
            into.Shape[i] = FeatureHash.Of(shape[..full], false);
            into.ShortShape[i] = FeatureHash.Of(shape[full..(full + brief)], false);
        }

        // Cluster paths cut at three depths, as Brown-cluster prefixes are (0: the word was not clustered).
        for (var i = 0; i < tokens.Length; i++)
        {
            var path = clusters.Of(into.Lower[i]);
            into.Coarse[i] = clusters.Prefix(path, 4);
            into.Mid[i] = clusters.Prefix(path, 7);
            into.Fine[i] = clusters.Prefix(path, 16);
        }

        if (gazetteer is not null)
        {
            for (var i = 0; i < tokens.Length; i++)
            {
                into.NameStart[i] = gazetteer.NameStart(into.Lower[i]);
                into.PlaceStart[i] = gazetteer.PlaceStart(into.Lower[i]);
            }
        }

        PrepareContext(text, tokens, into, gazetteer);
        if (gazetteer is not null)
        {
            // Each token's class is used by up to seven features of itself and its neighbours: look it up once.
            for (var i = 0; i < tokens.Length; i++)
            {
                into.WordClass[i] = gazetteer.WordClass(into.Lower[i]);
            }
        }
        else
        {
            into.WordClass.AsSpan(0, tokens.Length).Clear();
        }
    }

    /// <summary>
    /// The sentence-level part of <see cref="Prepare"/>, given each token's <see cref="SentenceHashes.Lower"/>,
    /// <see cref="SentenceHashes.NameStart"/> and <see cref="SentenceHashes.PlaceStart"/>:
    /// quotation marks and brackets around tokens, runs of capitalised words and gazetteer matches.
    /// </summary>
    public static void PrepareContext(ReadOnlySpan<char> text, ReadOnlySpan<(int Start, int Length)> tokens, SentenceHashes into, Gazetteer? gazetteer)
    {
        // Whether a token has quotation marks before and after it in the sentence, and is inside brackets:
        // WikiANN labels titles of works in quotes as organisations, whatever their words.
        var quotesAfter = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            quotesAfter += IsQuote(text.Slice(tokens[i].Start, tokens[i].Length)) ? 1 : 0;
        }

        var quotesBefore = 0;
        var depth = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            var word = text.Slice(tokens[i].Start, tokens[i].Length);
            var quote = IsQuote(word) ? 1 : 0;
            quotesAfter -= quote;
            depth = word is ")" ? Math.Max(0, depth - 1) : depth;
            into.Enclosure[i] = (byte)((quotesBefore > 0 ? 1 : 0) + (quotesAfter > 0 ? 2 : 0) + (depth > 0 ? 4 : 0) + (quote * 8));
            depth += word is "(" ? 1 : 0;
            quotesBefore += quote;
        }

        // Runs of capitalised words, joined by connectors: "University of the West Indies".
        var start = -1;
        for (var i = 0; i <= tokens.Length; i++)
        {
            var capital = i < tokens.Length && IsCapitalised(text.Slice(tokens[i].Start, tokens[i].Length));
            var connector = i < tokens.Length && start >= 0 && i + 1 < tokens.Length && IsConnector(text.Slice(tokens[i].Start, tokens[i].Length))
                && IsCapitalised(text.Slice(tokens[i + 1].Start, tokens[i + 1].Length));
            if (capital || connector)
            {
                if (start < 0)
                {
                    start = i;
                }

                continue;
            }

            for (var k = Math.Max(start, 0); start >= 0 && k < i; k++)
            {
                into.RunStart[k] = start;
                into.RunEnd[k] = i;
            }

            if (i < tokens.Length)
            {
                into.RunStart[i] = -1;
                into.RunEnd[i] = -1;
            }

            start = -1;
        }

        if (gazetteer is not null)
        {
            var n = tokens.Length;
            gazetteer.Match(into.Lower.AsSpan(0, n), into.NameStart.AsSpan(0, n), into.GazType.AsSpan(0, n), into.GazPosition.AsSpan(0, n));
            gazetteer.MatchPlaces(into.Lower.AsSpan(0, n), into.PlaceStart.AsSpan(0, n), into.PlaceType.AsSpan(0, n), into.PlacePosition.AsSpan(0, n));
        }
        else
        {
            into.GazType.AsSpan(0, tokens.Length).Clear();
            into.GazPosition.AsSpan(0, tokens.Length).Clear();
        }
    }

    /// <summary>Writes the features of token <paramref name="i"/>; returns how many.</summary>
    public static int Extract(ReadOnlySpan<char> text, ReadOnlySpan<(int Start, int Length)> tokens, SentenceHashes h, Gazetteer? gazetteer, int i, Span<ulong> features)
    {
        var n = 0;
        var count = tokens.Length;
        var word = text.Slice(tokens[i].Start, tokens[i].Length);
        ulong L(int k) => k < 0 ? Boundary : k >= count ? EndBoundary : h.Lower[k];
        ulong S(int k) => k < 0 ? Boundary : k >= count ? EndBoundary : h.ShortShape[k];

        features[n++] = FeatureHash.Feature(0, 0);
        features[n++] = FeatureHash.Feature(1, h.Word[i]);
        features[n++] = FeatureHash.Feature(2, h.Lower[i]);
        features[n++] = FeatureHash.Feature(3, h.Shape[i]);
        features[n++] = FeatureHash.Feature(4, h.ShortShape[i]);
        for (var k = 1; k <= 4 && k <= word.Length; k++)
        {
            features[n++] = FeatureHash.Feature(5 + k, h.Affixes[(i * 8) + k - 1]);
            features[n++] = FeatureHash.Feature(10 + k, h.Affixes[(i * 8) + 3 + k]);
        }

        features[n++] = FeatureHash.Feature(43, i > 0 ? h.Word[i - 1] : Boundary);
        features[n++] = FeatureHash.Feature(44, i + 1 < count ? h.Word[i + 1] : EndBoundary);
        features[n++] = FeatureHash.Feature(50, L(i - 3));
        features[n++] = FeatureHash.Feature(51, L(i + 3));
        features[n++] = FeatureHash.Feature(52, L(i - 2), L(i - 1));
        features[n++] = FeatureHash.Feature(53, L(i + 1), L(i + 2));
        features[n++] = FeatureHash.Feature(54, h.Word[i], S(i - 1));
        features[n++] = FeatureHash.Feature(55, h.Word[i], S(i + 1));
        features[n++] = FeatureHash.Feature(56, L(i - 1), h.ShortShape[i]);
        features[n++] = FeatureHash.Feature(57, h.ShortShape[i], L(i + 1));
        features[n++] = FeatureHash.Feature(15, L(i - 1));
        features[n++] = FeatureHash.Feature(16, L(i + 1));
        features[n++] = FeatureHash.Feature(17, L(i - 2));
        features[n++] = FeatureHash.Feature(18, L(i + 2));
        features[n++] = FeatureHash.Feature(19, L(i - 1), h.Lower[i]);
        features[n++] = FeatureHash.Feature(20, h.Lower[i], L(i + 1));
        features[n++] = FeatureHash.Feature(21, S(i - 1), h.ShortShape[i]);
        features[n++] = FeatureHash.Feature(22, h.ShortShape[i], S(i + 1));
        features[n++] = FeatureHash.Feature(23, S(i - 1), S(i + 1));
        features[n++] = FeatureHash.Feature(24, L(i - 1), L(i + 1));
        features[n++] = FeatureHash.Feature(25, S(i - 2), S(i - 1));
        features[n++] = FeatureHash.Feature(26, S(i + 1), S(i + 2));

        var position = i == 0 ? 0UL : i == count - 1 ? 1UL : 2UL;
        var length = (ulong)Math.Min(count, 6);
        features[n++] = FeatureHash.Feature(27, position, h.ShortShape[i]);
        features[n++] = FeatureHash.Feature(28, length * 8 + position);
        features[n++] = FeatureHash.Feature(29, length, h.ShortShape[i]);

        var enclosure = h.Enclosure[i];
        features[n++] = FeatureHash.Feature(69, enclosure);
        features[n++] = FeatureHash.Feature(70, enclosure, h.ShortShape[i]);

        features[n++] = FeatureHash.Feature(60, h.Coarse[i]);
        features[n++] = FeatureHash.Feature(61, h.Mid[i]);
        features[n++] = FeatureHash.Feature(62, h.Fine[i]);
        features[n++] = FeatureHash.Feature(63, i > 0 ? h.Mid[i - 1] : Boundary);
        features[n++] = FeatureHash.Feature(64, i + 1 < count ? h.Mid[i + 1] : EndBoundary);
        features[n++] = FeatureHash.Feature(65, h.Fine[i], h.ShortShape[i]);

        n = AddRunFeatures(h, gazetteer, i, enclosure, features, n);

        if (gazetteer is not null)
        {
            n = AddGazetteerContextFeatures(h, count, i, features, n);
            var wc = h.WordClass[i];
            features[n++] = FeatureHash.Feature(32, wc);
            features[n++] = FeatureHash.Feature(33, wc, h.ShortShape[i]);
            features[n++] = FeatureHash.Feature(45, i > 1 ? h.WordClass[i - 2] : 255UL);
            features[n++] = FeatureHash.Feature(46, i + 2 < count ? h.WordClass[i + 2] : 255UL);
            n = AddPlaceFeatures(h, gazetteer, count, i, features, n);
        }

        return n;
    }

    /// <summary>
    /// The hashes of one word that the features of its own token and of its neighbours' tokens read (as
    /// <see cref="Prepare"/> computes them), plus its transition class; kept per word by <see cref="WordCache"/>.
    /// </summary>
    public struct WordHashes
    {
        public ulong Word;
        public ulong Lower;
        public ulong ShortShape;
        public ulong Mid;
        public ulong Fine;
        public byte WordClass;
        public byte TokenClass;
        public byte NameStart;
        public byte PlaceStart;
    }

    /// <summary>The offsets from a token at which a word's own features reach it: the word itself and words within three.</summary>
    public const int Reach = 3;

    /// <summary>
    /// What <see cref="Boundary"/> (<paramref name="end"/>: the end boundary) stands for in neighbour
    /// features, where the neighbour is past either end of the sentence.
    /// </summary>
    public static WordHashes BoundaryHashes(bool end)
    {
        var b = end ? EndBoundary : Boundary;
        return new WordHashes { Word = b, Lower = b, Mid = b, WordClass = 255 };
    }

    /// <summary>The <see cref="WordHashes"/> of <paramref name="word"/>, equal to what <see cref="Prepare"/> gives it.</summary>
    public static WordHashes Describe(ReadOnlySpan<char> word, ulong wordHash, Gazetteer? gazetteer, WordClusters clusters)
    {
        Span<ulong> affixes = stackalloc ulong[8];
        Span<char> shape = stackalloc char[64];
        var lower = LowerAndAffixes(word, affixes);
        var (full, brief) = Shape(word, shape);
        var path = clusters.Of(lower);
        return new WordHashes
        {
            Word = wordHash,
            Lower = lower,
            ShortShape = FeatureHash.Of(shape[full..(full + brief)], false),
            Mid = clusters.Prefix(path, 7),
            Fine = clusters.Prefix(path, 16),
            WordClass = gazetteer?.WordClass(lower) ?? 0,
            NameStart = gazetteer?.NameStart(lower) ?? 0,
            PlaceStart = gazetteer?.PlaceStart(lower) ?? 0,
        };
    }

    /// <summary>
    /// The features of <see cref="Extract"/> that read only the token's own word (and the constant one);
    /// returns how many. With <see cref="NeighbourFeatures"/> and <see cref="ContextFeatures"/>, exactly the
    /// features <see cref="Extract"/> writes (in another order).
    /// </summary>
    public static int OwnFeatures(ReadOnlySpan<char> word, in WordHashes w, Gazetteer? gazetteer, WordClusters clusters, Span<ulong> features)
    {
        Span<ulong> affixes = stackalloc ulong[8];
        Span<char> shape = stackalloc char[64];
        LowerAndAffixes(word, affixes);
        var (full, _) = Shape(word, shape);
        var n = 0;
        features[n++] = FeatureHash.Feature(0, 0);
        features[n++] = FeatureHash.Feature(1, w.Word);
        features[n++] = FeatureHash.Feature(2, w.Lower);
        features[n++] = FeatureHash.Feature(3, FeatureHash.Of(shape[..full], false));
        features[n++] = FeatureHash.Feature(4, w.ShortShape);
        for (var k = 1; k <= 4 && k <= word.Length; k++)
        {
            features[n++] = FeatureHash.Feature(5 + k, affixes[k - 1]);
            features[n++] = FeatureHash.Feature(10 + k, affixes[3 + k]);
        }

        features[n++] = FeatureHash.Feature(60, clusters.Prefix(clusters.Of(w.Lower), 4));
        features[n++] = FeatureHash.Feature(61, w.Mid);
        features[n++] = FeatureHash.Feature(62, w.Fine);
        features[n++] = FeatureHash.Feature(65, w.Fine, w.ShortShape);
        if (gazetteer is not null)
        {
            features[n++] = FeatureHash.Feature(32, w.WordClass);
            features[n++] = FeatureHash.Feature(33, w.WordClass, w.ShortShape);
        }

        return n;
    }

    /// <summary>
    /// The features of <see cref="Extract"/> that read only the word <paramref name="offset"/> tokens from the
    /// token (±1…±<see cref="Reach"/>; past the sentence, <see cref="BoundaryHashes"/>); returns how many.
    /// </summary>
    public static int NeighbourFeatures(in WordHashes w, int offset, bool gazetteer, Span<ulong> features)
    {
        var n = 0;
        switch (offset)
        {
            case -1:
                features[n++] = FeatureHash.Feature(43, w.Word);
                features[n++] = FeatureHash.Feature(15, w.Lower);
                features[n++] = FeatureHash.Feature(63, w.Mid);
                break;
            case 1:
                features[n++] = FeatureHash.Feature(44, w.Word);
                features[n++] = FeatureHash.Feature(16, w.Lower);
                features[n++] = FeatureHash.Feature(64, w.Mid);
                break;
            case -2:
                features[n++] = FeatureHash.Feature(17, w.Lower);
                if (gazetteer)
                {
                    features[n++] = FeatureHash.Feature(45, w.WordClass);
                }

                break;
            case 2:
                features[n++] = FeatureHash.Feature(18, w.Lower);
                if (gazetteer)
                {
                    features[n++] = FeatureHash.Feature(46, w.WordClass);
                }

                break;
            case -3:
                features[n++] = FeatureHash.Feature(50, w.Lower);
                break;
            case 3:
                features[n++] = FeatureHash.Feature(51, w.Lower);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(offset), offset, "a neighbour is 1 to 3 tokens away");
        }

        return n;
    }

    /// <summary>
    /// The features of <see cref="Extract"/> that combine several words or the token's place in the sentence
    /// (bigrams, word–shape pairs, position, brackets and quotes, runs, gazetteer matches); returns how many.
    /// Reads <paramref name="h"/> filled for the sentence: Word, Lower, ShortShape, Mid, Fine and WordClass
    /// per token, then <see cref="PrepareContext"/>.
    /// </summary>
    public static int ContextFeatures(int count, SentenceHashes h, Gazetteer? gazetteer, int i, Span<ulong> features)
    {
        var n = 0;
        ulong L(int k) => k < 0 ? Boundary : k >= count ? EndBoundary : h.Lower[k];
        ulong S(int k) => k < 0 ? Boundary : k >= count ? EndBoundary : h.ShortShape[k];

        features[n++] = FeatureHash.Feature(52, L(i - 2), L(i - 1));
        features[n++] = FeatureHash.Feature(53, L(i + 1), L(i + 2));
        features[n++] = FeatureHash.Feature(54, h.Word[i], S(i - 1));
        features[n++] = FeatureHash.Feature(55, h.Word[i], S(i + 1));
        features[n++] = FeatureHash.Feature(56, L(i - 1), h.ShortShape[i]);
        features[n++] = FeatureHash.Feature(57, h.ShortShape[i], L(i + 1));
        features[n++] = FeatureHash.Feature(19, L(i - 1), h.Lower[i]);
        features[n++] = FeatureHash.Feature(20, h.Lower[i], L(i + 1));
        features[n++] = FeatureHash.Feature(21, S(i - 1), h.ShortShape[i]);
        features[n++] = FeatureHash.Feature(22, h.ShortShape[i], S(i + 1));
        features[n++] = FeatureHash.Feature(23, S(i - 1), S(i + 1));
        features[n++] = FeatureHash.Feature(24, L(i - 1), L(i + 1));
        features[n++] = FeatureHash.Feature(25, S(i - 2), S(i - 1));
        features[n++] = FeatureHash.Feature(26, S(i + 1), S(i + 2));

        var position = i == 0 ? 0UL : i == count - 1 ? 1UL : 2UL;
        var length = (ulong)Math.Min(count, 6);
        features[n++] = FeatureHash.Feature(27, position, h.ShortShape[i]);
        features[n++] = FeatureHash.Feature(28, length * 8 + position);
        features[n++] = FeatureHash.Feature(29, length, h.ShortShape[i]);

        var enclosure = h.Enclosure[i];
        features[n++] = FeatureHash.Feature(69, enclosure);
        features[n++] = FeatureHash.Feature(70, enclosure, h.ShortShape[i]);

        n = AddRunFeatures(h, gazetteer, i, enclosure, features, n);

        if (gazetteer is not null)
        {
            n = AddGazetteerContextFeatures(h, count, i, features, n);
            n = AddPlaceFeatures(h, gazetteer, count, i, features, n);
        }

        return n;
    }

    /// <summary>
    /// The gazetteer features that read the token's neighbours (names matched across tokens, the word classes either
    /// side), shared by <see cref="Extract"/> and <see cref="ContextFeatures"/> so the cached path cannot
    /// drift from it.
    /// </summary>
    private static int AddGazetteerContextFeatures(SentenceHashes h, int count, int i, Span<ulong> features, int n)
    {
        var gt = h.GazType[i];
        features[n++] = FeatureHash.Feature(30, gt, h.GazPosition[i]);
        features[n++] = FeatureHash.Feature(31, gt, (ulong)(i > 0 ? h.GazType[i - 1] : 9) * 16 + (ulong)(i + 1 < count ? h.GazType[i + 1] : 9));
        var wc = h.WordClass[i];
        features[n++] = FeatureHash.Feature(34, i > 0 ? h.WordClass[i - 1] : 255UL, wc);
        features[n++] = FeatureHash.Feature(35, wc, i + 1 < count ? h.WordClass[i + 1] : 255UL);
        return n;
    }

    /// <summary>
    /// Features of the outside list's place names (none when the gazetteer has no such list, so a model trained
    /// without one has the same features as before): the token's place class and where in the place name it is,
    /// that with its shape, and the classes either side.
    /// </summary>
    private static int AddPlaceFeatures(SentenceHashes h, Gazetteer gazetteer, int count, int i, Span<ulong> features, int n)
    {
        if (!gazetteer.HasPlaces)
        {
            return n;
        }

        var pt = h.PlaceType[i];
        features[n++] = FeatureHash.Feature(72, pt, h.PlacePosition[i]);
        features[n++] = FeatureHash.Feature(73, pt * 8UL + h.PlacePosition[i], h.ShortShape[i]);
        features[n++] = FeatureHash.Feature(74, i > 0 ? h.PlaceType[i - 1] : 255UL, i + 1 < count ? h.PlaceType[i + 1] : 255UL);
        return n;
    }

    /// <summary>
    /// Features of the token's place in its run of capitalised words (or of being in none), shared by
    /// <see cref="Extract"/> and <see cref="ContextFeatures"/> so the cached path cannot drift from it.
    /// </summary>
    private static int AddRunFeatures(SentenceHashes h, Gazetteer? gazetteer, int i, ulong enclosure, Span<ulong> features, int n)
    {
        if (h.RunStart[i] >= 0)
        {
            var rs = h.RunStart[i];
            var re = h.RunEnd[i];
            var where = (ulong)(re - rs == 1 ? 0 : i == rs ? 1 : i == re - 1 ? 3 : 2);
            features[n++] = FeatureHash.Feature(66, h.Fine[re - 1], where);
            features[n++] = FeatureHash.Feature(71, enclosure, where);
            features[n++] = FeatureHash.Feature(67, h.Mid[rs], where);
            features[n++] = FeatureHash.Feature(68, rs > 0 ? h.Fine[rs - 1] : Boundary, where);
            features[n++] = FeatureHash.Feature(36, h.Lower[re - 1], where);
            features[n++] = FeatureHash.Feature(37, h.Lower[rs], where);
            features[n++] = FeatureHash.Feature(38, (ulong)Math.Min(re - rs, 6), where);
            if (gazetteer is not null)
            {
                features[n++] = FeatureHash.Feature(39, h.WordClass[re - 1], where);
                features[n++] = FeatureHash.Feature(40, rs > 0 ? h.Lower[rs - 1] : Boundary, where);
            }
        }
        else
        {
            features[n++] = FeatureHash.Feature(41, 0);
        }

        return n;
    }

    /// <summary>
    /// The lower-cased word's hash, and into <paramref name="affixes"/> the hashes of its lower-cased prefixes
    /// (1–4 characters) then suffixes (1–4), each equal to <see cref="FeatureHash.Of"/> of that slice: the
    /// prefixes fall out of the one pass over the word, and each character is lower-cased once.
    /// </summary>
    private static ulong LowerAndAffixes(ReadOnlySpan<char> word, Span<ulong> affixes)
    {
        const ulong Basis = 0xCBF29CE484222325UL;
        const ulong Prime = 0x100000001B3UL;
        var h = Basis;
        Span<char> last = stackalloc char[4];
        for (var k = 0; k < word.Length; k++)
        {
            var c = char.ToLowerInvariant(word[k]);
            last[k & 3] = c;
            h = (h ^ c) * Prime;
            if (k < 4)
            {
                affixes[k] = FeatureHash.Mix(h);
            }
        }

        for (var length = 1; length <= 4 && length <= word.Length; length++)
        {
            var suffix = Basis;
            for (var k = word.Length - length; k < word.Length; k++)
            {
                suffix = (suffix ^ last[k & 3]) * Prime;
            }

            affixes[3 + length] = FeatureHash.Mix(suffix);
        }

        return FeatureHash.Mix(h);
    }

    /// <summary>
    /// Word shape into <paramref name="buffer"/>: the full shape (X, x, d, other kept; capped) followed by the
    /// brief one (runs collapsed); returns both lengths.
    /// </summary>
    private static (int Full, int Brief) Shape(ReadOnlySpan<char> word, Span<char> buffer)
    {
        var full = 0;
        var max = Math.Min(word.Length, 24);
        for (var k = 0; k < max; k++)
        {
            buffer[full++] = Class(word[k]);
        }

        var brief = 0;
        for (var k = 0; k < full && full + brief < buffer.Length; k++)
        {
            if (brief == 0 || buffer[full + brief - 1] != buffer[k])
            {
                buffer[full + brief] = buffer[k];
                brief++;
            }
        }

        return (full, brief);
    }

    private static bool IsQuote(ReadOnlySpan<char> word) =>
        word is "''" or "``" or "\"" or "“" or "”" or "'" or "‘" or "’" or "«" or "»";

    private static bool IsCapitalised(ReadOnlySpan<char> word) => word.Length > 0 && char.IsUpper(word[0]);

    private static bool IsConnector(ReadOnlySpan<char> word) =>
        word is "of" or "the" or "and" or "de" or "for" or "la" or "du" or "von" or "van" or "&" or "-" or "'s" or "der" or "del" or "da" or "on" or "in" or "at";

    private static char Class(char c) =>
        char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : char.IsLetter(c) ? 'a' : c;
}
