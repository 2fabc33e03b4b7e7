using Storyline.Analysis;
using Storyline.Extraction;
using Storyline.Reading;
using Storyline.Storage;
using Storyline.Tests.Cli;

namespace Storyline.Tests.Hardening;

/// <summary>Inputs that stopped a whole ingest (issue 25, cases 2 and 3), and one document's failure kept to itself.</summary>
public sealed class CrashingInputTests
{
    private const string Body =
        "Heavy rain closed the northern highway on Monday after the river burst its banks near the bridge, officials said.";

    [Theory]
    [InlineData(")told")]
    [InlineData(") said")]
    [InlineData("(x) said")]
    [InlineData("a) told")]
    public void A_closing_parenthesis_before_a_speech_verb_is_analysed(string text)
    {
        var analysis = ArticleAnalysis.Of(text);

        Assert.All(analysis.Quotes, q => Assert.InRange(q.End, 0, text.Length));
    }

    [Fact]
    public void A_lone_surrogate_escape_in_a_jsonl_line_becomes_a_replacement_character()
    {
        var jsonl = """{"id": "a", "title": "Lone \ud800 here", "text": "Bad \udc00 and good \ud83d\ude00 and escaped \\ud800."}""";

        var document = Assert.Single(new DocumentReader().ReadJsonl(new StringReader(jsonl), "-")).Document!;

        Assert.Equal("Lone \uFFFD here", document.Title);
        Assert.Equal("Bad \uFFFD and good 😀 and escaped \\ud800.", document.Content);
    }

    [Fact]
    public void A_high_surrogate_escape_at_the_end_of_a_string_or_before_another_high_one_is_replaced()
    {
        var jsonl = """{"id": "a", "title": "\ud800\ud800\udc00", "text": "end \ud800"}""";

        var document = Assert.Single(new DocumentReader().ReadJsonl(new StringReader(jsonl), "-")).Document!;

        Assert.Equal("\uFFFD\U00010000", document.Title);
        Assert.Equal("end \uFFFD", document.Content);
    }

    [Fact]
    public void A_lone_surrogate_escape_in_json_ld_leaves_the_page_extracted_with_its_metadata()
    {
        var html = $$"""
            <html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Floods \ud800 close highway", "datePublished": "2024-05-06"}</script></head>
            <body><article><p>{{Body}}</p></article></body></html>
            """;

        var result = new ArticleExtractor().Extract(new RawDocument { Source = "p.html", Format = DocumentFormat.Html, Content = html, ExternalId = "p" });

        Assert.Null(result.Failure);
        Assert.Equal("Floods \uFFFD close highway", result.Article!.Title);
        Assert.Equal("2024-05-06", result.Article.Published?.ToString());
    }

    [Fact]
    public void Jsonl_with_a_lone_surrogate_and_a_crashing_text_is_ingested_whole()
    {
        using var temp = new TempDirectory();
        var corpus = temp.Write("c.jsonl", string.Join('\n',
            """{"id": "1", "text": "Lone \ud800 surrogate in an otherwise ordinary report about the weather on Monday."}""",
            """{"id": "2", "text": ")told"}""",
            """{"id": "3", "text": "The city council approved a new budget on Tuesday after a long debate about road repairs."}""") + "\n");

        var ingest = CliRunner.Run("ingest", corpus, "--db", temp.File("s.db"));

        Assert.Equal(0, ingest.ExitCode);
        Assert.Contains("read 3, stored 3, duplicates 0, failed 0", ingest.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_extractor_that_throws_fails_only_its_own_input()
    {
        using var temp = new TempDirectory();
        temp.Write("in/a.txt", Body + "\n");
        temp.Write("in/b.txt", "explode\n");
        temp.Write("in/c.txt", "The city council approved a new budget on Tuesday after a long debate about road repairs.\n");
        var pipeline = new StorylinePipelineBuilder().UseExtractor(new ThrowingExtractor()).UseAnalysis(false).Build();
        using var store = SqliteStoryStore.Open(temp.File("s.db"));

        var report = pipeline.Ingest([temp.File("in")], store);

        Assert.Equal(2, report.Stored);
        Assert.Equal(1, report.Failed);
        var problem = Assert.Single(report.Problems);
        Assert.EndsWith("b.txt", problem.Source, StringComparison.Ordinal);
        Assert.Equal("extraction failed: InvalidOperationException: boom", problem.Reason);
        Assert.Equal(problem.Reason, Assert.Single(pipeline.Extract([temp.File("in/b.txt")])).Problem?.Reason);
    }

    [Fact]
    public void An_analysis_that_throws_leaves_the_article_stored_without_it_and_reported()
    {
        using var temp = new TempDirectory();
        temp.Write("in/a.txt", Body + "\n");
        temp.Write("in/b.txt", "Explode now, officials said on Monday.\n");
        var pipeline = new StorylinePipelineBuilder().UseAnalyser(text => text.Contains("Explode", StringComparison.Ordinal)
            ? throw new InvalidOperationException("bad index") : ArticleAnalysis.Of(text)).Build();
        using var store = SqliteStoryStore.Open(temp.File("s.db"));

        var report = pipeline.Ingest([temp.File("in")], store);

        Assert.Equal(2, report.Stored);
        Assert.Equal(0, report.Failed);
        var problem = Assert.Single(report.Problems);
        Assert.True(problem.IsWarning);
        Assert.Equal("analysis failed (InvalidOperationException: bad index); stored without entities, quotes and sources", problem.Reason);
    }

    private sealed class ThrowingExtractor : IArticleExtractor
    {
        public ExtractionResult Extract(RawDocument document) =>
            document.Content.StartsWith("explode", StringComparison.Ordinal)
                ? throw new InvalidOperationException("boom")
                : new ArticleExtractor().Extract(document);
    }
}
