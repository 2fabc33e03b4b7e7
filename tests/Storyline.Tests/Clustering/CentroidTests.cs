using Storyline.Clustering;

namespace Storyline.Tests.Clustering;

public sealed class CentroidTests
{
    /// <summary>
    /// The sorted centroid against the dictionary it replaced, written out here: the same sums, norm and cosines to
    /// the bit, on merges both ways and on vectors far smaller than the centroid (found by binary search).
    /// </summary>
    [Fact]
    public void Cosines_equal_a_dictionary_centroid_to_the_bit()
    {
        var random = new Random(20261129);
        var statistics = new TermStatistics();
        for (var d = 0; d < 50; d++)
        {
            statistics.AddDocument(Enumerable.Range(0, random.Next(5, 60)).Select(_ => $"t{random.Next(400)}").Distinct());
        }

        for (var trial = 0; trial < 40; trial++)
        {
            var centroid = new Centroid();
            var reference = new DictionaryCentroid();
            var members = random.Next(1, 30);
            for (var m = 0; m < members; m++)
            {
                var vector = RandomVector(random, statistics, random.Next(0, 80));
                centroid.Add(vector);
                reference.Add(vector);
                Assert.Equal(reference.Count, centroid.Count);
                for (var probe = 0; probe < 4; probe++)
                {
                    // From one term (searched) to more terms than the centroid (merged).
                    var other = RandomVector(random, statistics, probe == 0 ? 1 : random.Next(1, 120));
                    Assert.Equal(BitConverter.DoubleToInt64Bits(reference.Cosine(other)), BitConverter.DoubleToInt64Bits(centroid.Cosine(other)));
                }
            }

            for (var id = -1; id < 420; id++)
            {
                Assert.Equal(reference.Contains(id), centroid.Contains(id));
            }
        }
    }

    [Fact]
    public void An_empty_centroid_or_vector_has_cosine_zero_and_an_article_has_cosine_one_with_itself()
    {
        var statistics = new TermStatistics();
        statistics.AddDocument(["alpha", "beta"]);
        var vector = TermVector.From(new Dictionary<string, double> { ["alpha"] = 2, ["beta"] = 1, ["gamma"] = 1 }, statistics);
        var centroid = new Centroid();

        Assert.Equal(0, centroid.Cosine(vector));
        centroid.Add(TermVector.Empty);
        Assert.Equal(0, centroid.Count);
        centroid.Add(vector);
        Assert.Equal(0, centroid.Cosine(TermVector.Empty));
        Assert.Equal(1, centroid.Cosine(vector), 12);
        Assert.True(centroid.Contains(statistics.Id("gamma")));
        Assert.False(centroid.Contains(statistics.Id("delta")));
    }

    private static TermVector RandomVector(Random random, TermStatistics statistics, int terms)
    {
        var counts = new Dictionary<string, double>();
        for (var t = 0; t < terms; t++)
        {
            counts[$"t{random.Next(420)}"] = random.Next(1, 5) * (random.Next(2) == 0 ? 1 : 0.5);
        }

        return TermVector.From(counts, statistics);
    }

    /// <summary>The centroid as it was: a dictionary from term to sum.</summary>
    private sealed class DictionaryCentroid
    {
        private readonly Dictionary<int, double> _sum = [];
        private double _normSquared;

        public int Count { get; private set; }

        public void Add(TermVector vector)
        {
            if (vector.IsEmpty)
            {
                return;
            }

            Count++;
            for (var i = 0; i < vector.Ids.Length; i++)
            {
                var old = _sum.GetValueOrDefault(vector.Ids[i]);
                var updated = old + vector.Weights[i];
                _sum[vector.Ids[i]] = updated;
                _normSquared += (updated * updated) - (old * old);
            }
        }

        public double Cosine(TermVector vector)
        {
            if (_normSquared <= 0 || vector.IsEmpty)
            {
                return 0;
            }

            var dot = 0.0;
            for (var i = 0; i < vector.Ids.Length; i++)
            {
                if (_sum.TryGetValue(vector.Ids[i], out var c))
                {
                    dot += vector.Weights[i] * c;
                }
            }

            return Math.Clamp(dot / Math.Sqrt(_normSquared), 0, 1);
        }

        public bool Contains(int id) => _sum.ContainsKey(id);
    }
}
