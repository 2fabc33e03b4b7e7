using Storyline.Analysis.Entities;
using Storyline.Analysis.Quotes;
using Storyline.Extraction;
using Storyline.Reading;

namespace Storyline.Tests.Analysis.Quotes;

/// <summary>
/// Every statement of the two seeds with its speaker (issue 23), on the file as `storyline quotes` reads it (stances
/// included) and on the clean text as ingest analyses it (speech only): descriptions ("The lawmaker", "a senior Russian
/// lawmaker"), pronouns ("what he termed") and continued speakers resolve to Novikov, Bannon and Peskov, and nothing is
/// given to the people the seeds only mention.
/// </summary>
public sealed class SeedSpeakerTests
{
    private const string Seed000 = "000_6c0088076a9363ac.txt";
    private const string Seed001 = "001_189017ad2c526773.txt";

    private static readonly QuoteExtractor SpeechOnly = new(EntityRecognizer.Default, includeStances: false);

    public static TheoryData<string, string, string> Statements => new()
    {
        { Seed000, "could offer political asylum", "Novikov" },
        { Seed000, "completely different game", "Novikov" },
        { Seed000, "what he termed", "Novikov" },
        { Seed000, "more tactical than fundamental", "Novikov" },
        { Seed000, "At this stage", "Novikov" },
        { Seed000, "tactical differences and strategic things", "Novikov" },
        { Seed000, "Musk is “an illegal alien”", "Bannon" },
        { Seed000, "formal investigation of his immigration status", "Bannon" },
        { Seed000, "seize control of SpaceX", "Bannon" },
        { Seed000, "Musk’s threats to shut down", "Bannon" },
        { Seed000, "domestic issue of the United States", "Peskov" },
        { Seed000, "handle this situation alone", "Peskov" },
        { Seed001, "might consider seeking political asylum", "Novikov" },
        { Seed001, "completely different game", "Novikov" },
        { Seed001, "However, if he did", "Novikov" },
        { Seed001, "a kind of political communication", "Novikov" },
        { Seed001, "individual disagreements will remain", "Novikov" },
        { Seed001, "At this stage", "Novikov" },
        { Seed001, "formal investigation of his immigration status", "Bannon" },
        { Seed001, "invoke the Defense Production Act", "Bannon" },
        { Seed001, "domestic issue of the United States", "Peskov" },
        { Seed001, "on his own", "Peskov" },
    };

    [Theory]
    [MemberData(nameof(Statements))]
    public void Each_seed_statement_is_given_to_its_speaker(string seed, string words, string speaker)
    {
        foreach (var (text, quotes) in Runs(seed))
        {
            var statements = quotes.Where(q => q.Text.Contains(words, StringComparison.Ordinal)).ToList();
            Assert.True(statements.Count > 0, $"no statement holds \"{words}\" in {seed}");
            Assert.All(statements, q => Assert.True(
                q.Speaker is { } name && name.Contains(speaker, StringComparison.Ordinal),
                $"\"{q.Text}\" [{q.Cue}] is given to {q.Speaker ?? "nobody"} ({(q.SpeakerStart is { } s ? text[s..q.SpeakerEnd!.Value] : "-")}), not {speaker}"));
        }
    }

    [Theory]
    [InlineData(Seed000)]
    [InlineData(Seed001)]
    public void No_seed_statement_is_given_to_someone_it_only_mentions(string seed)
    {
        foreach (var (_, quotes) in Runs(seed))
        {
            foreach (var quote in quotes)
            {
                foreach (var mentioned in new[] { "Snowden", "Phillips", "Trump", "Musk" })
                {
                    Assert.False(quote.Speaker?.Contains(mentioned, StringComparison.Ordinal) ?? false, $"\"{quote.Text}\" is given to {quote.Speaker}");
                }
            }
        }
    }

    [Fact]
    public void A_quote_inside_reported_speech_is_not_listed_again()
    {
        foreach (var seed in new[] { Seed000, Seed001 })
        {
            foreach (var (_, quotes) in Runs(seed))
            {
                Assert.DoesNotContain(quotes, q => q.Direct && quotes.Any(o => !o.Direct && o.CueStart == q.CueStart && o.Start <= q.Start && q.End <= o.End));
            }
        }
    }

    /// <summary>The seed as `storyline quotes` reads it (the file, stances included) and as ingest analyses it (the clean text, speech only).</summary>
    private static IEnumerable<(string Text, IReadOnlyList<Quote> Quotes)> Runs(string seed)
    {
        var file = File.ReadAllText(TestPaths.Samples(seed));
        yield return (file, QuoteExtractor.Default.Extract(file));
        var article = new ArticleExtractor().Extract(new RawDocument { Source = seed, Format = DocumentFormat.PlainText, Content = file, ExternalId = "seed" }).Article!;
        yield return (article.Text, SpeechOnly.Extract(article.Text));
    }
}
