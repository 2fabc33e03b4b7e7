using Storyline.Dedup;

namespace Storyline.Tests.Dedup;

public sealed class MinHashSignatureTests
{
    /// <summary>Standard error of the Jaccard estimate is at most 0.5/√128 ≈ 0.044.</summary>
    private const double MaxStandardError = 0.5 / 11.3137;

    [Fact]
    public void Jaccard_estimates_are_within_the_error_bound_of_the_true_value()
    {
        var random = new Random(20261122);
        var errors = new List<double>();
        for (var pair = 0; pair < 60; pair++)
        {
            var a = Words(random, 300);
            var b = a.ToArray();
            var edits = random.Next(0, 120);
            for (var e = 0; e < edits; e++)
            {
                b[random.Next(b.Length)] = $"new{random.Next(1_000_000)}";
            }

            var truth = TrueJaccard(a, b);
            var estimate = MinHashSignature.Compute(string.Join(' ', a)).Jaccard(MinHashSignature.Compute(string.Join(' ', b)));
            errors.Add(Math.Abs(estimate - truth));
            Assert.True(Math.Abs(estimate - truth) <= 4 * MaxStandardError, $"pair {pair}: estimate {estimate:F3}, truth {truth:F3}");
        }

        Assert.True(errors.Average() <= MaxStandardError, $"mean absolute error {errors.Average():F3}");
    }

    [Fact]
    public void Case_punctuation_and_spacing_do_not_change_the_signature()
    {
        var a = MinHashSignature.Compute("Mount Etna erupted on Sunday, sending ash over Catania and closing the airport.");
        var b = MinHashSignature.Compute("mount etna  erupted on sunday sending ash over catania and closing the airport");

        Assert.Equal(1.0, a.Jaccard(b));
        Assert.Equal(a.ShingleCount, b.ShingleCount);
    }

    [Fact]
    public void Unrelated_texts_estimate_near_zero()
    {
        var random = new Random(7);
        var a = MinHashSignature.Compute(string.Join(' ', Words(random, 200)));
        var b = MinHashSignature.Compute(string.Join(' ', Words(random, 200)));

        Assert.True(a.Jaccard(b) < 0.05);
    }

    [Fact]
    public void Short_and_empty_texts()
    {
        Assert.Equal(0, MinHashSignature.Compute("").ShingleCount);
        Assert.Equal(0, MinHashSignature.Compute("").Jaccard(MinHashSignature.Compute("")));
        Assert.Equal(1, MinHashSignature.Compute("three short words").ShingleCount);
        Assert.Equal(1.0, MinHashSignature.Compute("three short words").Jaccard(MinHashSignature.Compute("Three short words!")));
    }

    [Fact]
    public void Signatures_survive_a_round_trip_through_bytes()
    {
        var signature = MinHashSignature.Compute("Heavy rain closed the northern highway on Monday, officials said, and more is forecast.");

        var copy = MinHashSignature.FromBytes(signature.ToBytes(), signature.ShingleCount);

        Assert.Equal(1.0, signature.Jaccard(copy));
        Assert.Throws<ArgumentException>(() => MinHashSignature.FromBytes(new byte[10], 1));
    }

    [Fact]
    public void Containment_sees_a_text_inside_a_longer_one()
    {
        var random = new Random(11);
        var article = Words(random, 200);
        var wrapped = Words(random, 150).Concat(article).Concat(Words(random, 150)).ToArray();

        var inner = MinHashSignature.Compute(string.Join(' ', article));
        var outer = MinHashSignature.Compute(string.Join(' ', wrapped));

        Assert.InRange(inner.Jaccard(outer), 0.25, 0.55);
        Assert.True(inner.Containment(outer) >= 0.85, $"containment {inner.Containment(outer):F3}");
    }

    internal static string[] Words(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => $"w{random.Next(1_000_000)}")];

    private static double TrueJaccard(string[] a, string[] b)
    {
        var sa = Shingles(a);
        var sb = Shingles(b);
        return (double)sa.Intersect(sb).Count() / sa.Union(sb).Count();
    }

    private static HashSet<string> Shingles(string[] words) =>
        [.. Enumerable.Range(0, words.Length - MinHashSignature.ShingleWords + 1).Select(i => string.Join(' ', words[i..(i + MinHashSignature.ShingleWords)]))];
}
