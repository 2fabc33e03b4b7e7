using Storyline.Clustering;

namespace Storyline.Tests.Clustering;

public sealed class ArticleProfileTests
{
    [Theory]
    [InlineData(0, 5)]
    [InlineData(1, 5)]
    [InlineData(5, 0)]
    [InlineData(20, 3)]
    [InlineData(20, 300)]
    [InlineData(40, 41)]
    [InlineData(400, 300)]
    public void Heaviest_terms_are_the_head_of_the_full_sort(int count, int terms)
    {
        var random = new Random(count * 1_000 + terms);
        for (var round = 0; round < 50; round++)
        {
            // Few distinct weights, so that ties (broken by id) are common.
            var ids = Enumerable.Range(0, terms).Select(_ => random.Next(10_000)).Distinct().ToArray();
            var weights = ids.Select(_ => random.Next(8) / 4.0).ToArray();
            var expected = ids.Zip(weights)
                .OrderByDescending(t => t.Second).ThenBy(t => t.First)
                .Take(count)
                .Select(t => (t.First, t.Second))
                .ToArray();

            Assert.Equal(expected, ArticleProfile.Heaviest(ids, weights, count));
        }
    }
}
