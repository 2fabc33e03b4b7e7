using Storyline.Dedup;

namespace Storyline.Tests.Dedup;

public sealed class CopyDetectorTests
{
    private static readonly DateTimeOffset Day1 = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_light_edit_is_a_copy_and_a_rewrite_is_not()
    {
        var random = new Random(3);
        var original = string.Join(' ', MinHashSignatureTests.Words(random, 300));
        var lightEdit = original.Replace(original.Split(' ')[10], "changed", StringComparison.Ordinal) + " Additional reporting by a local desk.";
        var detector = new CopyDetector();
        detector.Add(1, MinHashSignature.Compute(original), Day1);

        var match = detector.FindOriginal(MinHashSignature.Compute(lightEdit));

        Assert.NotNull(match);
        Assert.Equal(1, match.OriginalId);
        Assert.True(match.Jaccard >= CopyDetector.MinJaccard);
        Assert.Null(detector.FindOriginal(MinHashSignature.Compute(string.Join(' ', MinHashSignatureTests.Words(random, 300)))));
    }

    [Fact]
    public void An_article_reposted_inside_site_chrome_is_a_copy()
    {
        var random = new Random(5);
        var article = string.Join(' ', MinHashSignatureTests.Words(random, 250));
        var repost = "Home News World Sign up for our newsletter " + article + " Share this What's your reaction? Like Love Sad Angry Follow us on social media";
        var detector = new CopyDetector();
        detector.Add(1, MinHashSignature.Compute(article), Day1);

        Assert.Equal(1, detector.FindOriginal(MinHashSignature.Compute(repost))?.OriginalId);
    }

    [Fact]
    public void The_seeds_are_a_rewrite_not_a_copy()
    {
        var texts = Directory.GetFiles(TestPaths.Samples(), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        var detector = new CopyDetector();
        detector.Add(1, MinHashSignature.Compute(texts[1]), Day1);

        Assert.Null(detector.FindOriginal(MinHashSignature.Compute(texts[0])));
    }

    [Fact]
    public void Headlines_are_too_short_to_call_copies()
    {
        var detector = new CopyDetector();
        detector.Add(1, MinHashSignature.Compute("Fed's Plosser sees high bar for change in pace of tapering"), Day1);

        Assert.Equal(0, detector.Count);
        Assert.Null(detector.FindOriginal(MinHashSignature.Compute("Fed's Plosser sees high bar for change in pace of tapering")));
    }

    [Fact]
    public void Articles_older_than_the_window_are_forgotten()
    {
        var text = string.Join(' ', MinHashSignatureTests.Words(new Random(9), 100));
        var detector = new CopyDetector();
        detector.Add(1, MinHashSignature.Compute(text), Day1);
        detector.Add(2, MinHashSignature.Compute(text + " and more words at the end of it"), Day1.AddDays(10));

        detector.EvictBefore(Day1.AddDays(5));

        Assert.Equal(1, detector.Count);
        Assert.Equal(2, detector.FindOriginal(MinHashSignature.Compute(text))?.OriginalId);
    }

    [Fact]
    public void Copy_chains_resolve_to_the_first_original()
    {
        var text = string.Join(' ', MinHashSignatureTests.Words(new Random(13), 200));
        var tracker = new CopyTracker(TimeSpan.FromDays(30));
        tracker.Add(1, Day1, MinHashSignature.Compute(text), storyId: 10, copyOf: null);
        tracker.Add(2, Day1.AddHours(1), MinHashSignature.Compute(text + " extra"), storyId: 10, copyOf: 1);

        var found = tracker.FindOriginal(Day1.AddHours(2), MinHashSignature.Compute(text + " extra"));

        Assert.Equal((1L, 10L), (found?.OriginalId, found?.StoryId));
        Assert.Equal(1, tracker.Found);
    }
}
