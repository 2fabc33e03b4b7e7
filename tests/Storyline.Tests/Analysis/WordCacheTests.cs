using Storyline.Analysis.Entities;
using Storyline.Analysis.Text;

namespace Storyline.Tests.Analysis;

public sealed class WordCacheTests
{
    private const string News = """
        WASHINGTON (Reuters) - Senate Majority Leader Chuck Schumer said on Tuesday that the U.S. Congress would vote on the bill.
        "We will not back down," Schumer told reporters at the Capitol, adding that the Department of Justice and the F.B.I. were informed.
        Prime Minister Boris Johnson of the United Kingdom met Emmanuel Macron in Paris; the talks (held at the Élysée Palace) ended early.
        it was a quiet day in the markets, and shares of Apple Inc. and Microsoft rose 2.5% to $310.20 by 4 p.m. in New York.
        A very-long-hyphenated-word-that-is-longer-than-the-cache-allows appeared. OK . " ( ) Yes
        The University of the West Indies said "Hamlet" would play at the Théâtre du Châtelet in June 2024.
        """;

    [Fact]
    public void Cache_is_bounded_and_finds_recent_words()
    {
        var cache = new WordCache(8);
        Assert.Equal(8, cache.Capacity);
        for (var i = 0; i < 1000; i++)
        {
            var word = "word" + i;
            Assert.False(cache.Find(word, FeatureHash.Of(word, false), out var entry));
            Assert.InRange(entry, 0, cache.Capacity);
            Assert.True(cache.Find(word, FeatureHash.Of(word, false), out var again));
            Assert.Equal(entry, again);
        }

        Assert.Equal(1000, cache.Hits);
        Assert.Equal(1000, cache.Misses);

        // Words too long to keep are never found and share the spare entry.
        var longWord = new string('x', WordCache.MaxWordLength + 1);
        Assert.False(cache.Find(longWord, FeatureHash.Of(longWord, false), out var spare));
        Assert.False(cache.Find(longWord, FeatureHash.Of(longWord, false), out var spareAgain));
        Assert.Equal(cache.Capacity, spare);
        Assert.Equal(spare, spareAgain);
    }

    [Fact]
    public void Cache_is_emptied_for_another_owner()
    {
        var cache = new WordCache(16);
        cache.Claim("first");
        Assert.False(cache.Find("Paris", FeatureHash.Of("Paris", false), out var entry));
        cache.MarkReady(entry);
        Assert.True(cache.Find("Paris", FeatureHash.Of("Paris", false), out _));
        cache.Claim("first");
        Assert.True(cache.Find("Paris", FeatureHash.Of("Paris", false), out _));
        cache.Claim("second");
        Assert.False(cache.Find("Paris", FeatureHash.Of("Paris", false), out entry));
        Assert.False(cache.Ready(entry));
    }

    [Fact]
    public void Word_and_context_features_are_exactly_the_tokens_features()
    {
        var model = EntityRecognizer.Default.Model;
        var (tokens, sentences) = SentenceSplitter.Split(News);
        var spans = tokens.Select(t => (t.Start, t.Length)).ToArray();
        var hashes = new Featurizer.SentenceHashes(8);
        Span<ulong> buffer = stackalloc ulong[Featurizer.PerToken];
        foreach (var gazetteer in new[] { model.Gazetteer, null })
        {
            foreach (var sentence in sentences)
            {
                // Every prefix of the sentence too, for sentences of one, two and three tokens.
                for (var length = 1; length <= sentence.TokenCount; length += length < 4 ? 1 : 5)
                {
                    var sentenceSpans = spans.AsSpan(sentence.FirstToken, length);
                    Featurizer.Prepare(News, sentenceSpans, hashes, gazetteer, model.Clusters);
                    var words = new Featurizer.WordHashes[length];
                    for (var j = 0; j < length; j++)
                    {
                        var word = News.AsSpan(sentenceSpans[j].Start, sentenceSpans[j].Length);
                        words[j] = Featurizer.Describe(word, FeatureHash.Of(word, false), gazetteer, model.Clusters);
                        Assert.Equal(hashes.Lower[j], words[j].Lower);
                        Assert.Equal(hashes.WordClass[j], words[j].WordClass);
                    }

                    for (var i = 0; i < length; i++)
                    {
                        var expected = buffer[..Featurizer.Extract(News, sentenceSpans, hashes, gazetteer, i, buffer)].ToArray();
                        var word = News.AsSpan(sentenceSpans[i].Start, sentenceSpans[i].Length);
                        var actual = new List<ulong>();
                        actual.AddRange(buffer[..Featurizer.OwnFeatures(word, words[i], gazetteer, model.Clusters, buffer)].ToArray());
                        for (var d = -Featurizer.Reach; d <= Featurizer.Reach; d++)
                        {
                            if (d != 0)
                            {
                                var neighbour = i + d < 0 || i + d >= length ? Featurizer.BoundaryHashes(end: d > 0) : words[i + d];
                                actual.AddRange(buffer[..Featurizer.NeighbourFeatures(neighbour, d, gazetteer is not null, buffer)].ToArray());
                            }
                        }

                        actual.AddRange(buffer[..Featurizer.ContextFeatures(length, hashes, gazetteer, i, buffer)].ToArray());
                        Assert.Equal(expected.Order(), actual.Order());
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(2, true)]
    [InlineData(64, true)]
    [InlineData(8192, false)]
    public void Cached_scores_equal_uncached_scores_to_the_bit(int capacity, bool onlyNearCapitals)
    {
        var model = EntityRecognizer.Default.Model;
        var (tokens, sentences) = SentenceSplitter.Split(News + " " + News.ToUpperInvariant() + " " + News.ToLowerInvariant());
        var text = News + " " + News.ToUpperInvariant() + " " + News.ToLowerInvariant();
        var spans = tokens.Select(t => (t.Start, t.Length)).ToArray();
        var cached = new NerModel.Scratch(capacity);
        var plain = new NerModel.Scratch();
        for (var round = 0; round < 2; round++)
        {
            foreach (var sentence in sentences)
            {
                var sentenceSpans = spans.AsSpan(sentence.FirstToken, sentence.TokenCount);
                var n = sentenceSpans.Length;
                var scored = new bool[n];
                for (var i = 0; i < n; i++)
                {
                    // A mask like the recogniser's: some tokens left out.
                    scored[i] = !onlyNearCapitals || char.IsUpper(text[sentenceSpans[i].Start]) || i % 3 == 0;
                }

                var expected = new float[n * model.TagCount];
                var actual = new float[n * model.TagCount];
                var expectedClasses = new byte[n];
                var actualClasses = new byte[n];
                model.UncachedEmissions(text, sentenceSpans, scored, expected, expectedClasses, plain);
                model.Emissions(text, sentenceSpans, scored, actual, actualClasses, cached);
                Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), actual.Select(BitConverter.SingleToInt32Bits));
                Assert.Equal(expectedClasses, actualClasses);
            }
        }

        Assert.True(cached.Words.Hits > 0);
    }
}
