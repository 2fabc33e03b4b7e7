using System.Text;
using Storyline.Analysis;
using Storyline.Analysis.Text;
using Storyline.Storage;

namespace Storyline.Tests.Hardening;

/// <summary>Analysis stays linear on text without sentence ends or closing quotes, and within its budgets (issue 25, case 7).</summary>
public sealed class LinearAnalysisTests
{
    private const string Paragraph =
        "\u201CWe will rebuild the bridge,\u201D Mayor Jane Example of Springfield told Reuters on Tuesday. " +
        "The council approved the budget, according to the Associated Press.";

    [Fact]
    public void A_run_of_words_without_a_sentence_end_is_cut_into_sentences_of_bounded_length()
    {
        var text = string.Concat(Enumerable.Repeat("the mayor said that ", 1_000));

        var (tokens, sentences) = SentenceSplitter.Split(text);

        Assert.True(sentences.Length >= tokens.Length / SentenceSplitter.MaxSentenceTokens);
        Assert.All(sentences, s => Assert.InRange(s.TokenCount, 1, SentenceSplitter.MaxSentenceTokens));
        Assert.Equal(tokens.Length, sentences.Sum(s => s.TokenCount));
    }

    [Fact]
    public void A_quotation_mark_never_closed_quotes_no_more_than_a_quote_can_hold()
    {
        var text = "He said \u201C" + string.Concat(Enumerable.Repeat("the council will vote on the plan and ", 300));

        var analysis = ArticleAnalysis.Of(text);

        Assert.All(analysis.Quotes, q => Assert.True(Tokenizer.Tokenize(q.Text).Length <= 700, $"a quote of {q.Text.Length} characters"));
    }

    [Fact]
    public void A_text_longer_than_a_piece_is_analysed_in_pieces_with_offsets_into_the_whole_text()
    {
        var builder = new StringBuilder();
        for (var i = 0; builder.Length < (TextChunks.MaxChars * 2) + 5_000; i++)
        {
            builder.Append(Paragraph.Replace("the bridge", $"bridge {i}", StringComparison.Ordinal)).Append("\n\n");
        }

        var text = builder.ToString();
        var whole = ArticleAnalysis.Of(text);

        // Every paragraph's reported speech, in the last piece as in the first, each at its place in the whole text.
        var paragraphs = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.Equal(paragraphs, whole.Quotes.Count(q => q.Speaker == "Associated Press"));
        Assert.Contains(whole.Entities, m => m.Start > TextChunks.MaxChars * 2);
        Assert.All(whole.Quotes, q => Assert.Equal(q.Text, text[q.Start..q.End]));
        Assert.All(whole.Entities, m => Assert.Equal(m.Text, text[m.Start..m.End]));
        Assert.All(whole.Sources, s => Assert.Equal(s.Name, text[s.Start..s.End]));
    }

    [Theory]
    [InlineData("para one\n\npara two", 12)]
    [InlineData("no breaks here at all. just words and more words", 16)]
    [InlineData("abcdefghijklmnopqrstuvwxyz", 10)]
    public void Pieces_cover_the_text_in_order_each_within_the_limit(string text, int max)
    {
        var chunks = TextChunks.Of(text, max);

        Assert.Equal(0, chunks[0].Start);
        Assert.Equal(text.Length, chunks[^1].End);
        for (var i = 0; i < chunks.Count; i++)
        {
            Assert.InRange(chunks[i].End - chunks[i].Start, 1, max);
            Assert.True(i == 0 || chunks[i].Start == chunks[i - 1].End);
        }
    }

    [Fact]
    public void A_text_analysed_in_pieces_gives_up_when_over_its_time_budget()
    {
        var text = string.Concat(Enumerable.Repeat(Paragraph + "\n\n", (TextChunks.MaxChars / Paragraph.Length) + 10));

        Assert.Throws<TimeoutException>(() => ArticleAnalysis.Of(text, TimeSpan.Zero));
    }

    [Fact]
    public void A_text_over_the_analysis_budget_is_stored_without_analysis_and_said()
    {
        using var temp = new TempDirectory();
        var words = string.Concat(Enumerable.Repeat("Rain fell on the city all day. ", (StorylinePipeline.MaxAnalysisChars / 31) + 10));
        temp.Write("in/long.txt", words + "\n");
        temp.Write("in/short.txt", Paragraph + "\n");
        using var store = SqliteStoryStore.Open(temp.File("s.db"));

        var report = new StorylinePipelineBuilder().Build().Ingest([temp.File("in")], store);

        Assert.Equal(2, report.Stored);
        var problem = Assert.Single(report.Problems);
        Assert.True(problem.IsWarning);
        Assert.EndsWith("long.txt", problem.Source, StringComparison.Ordinal);
        Assert.StartsWith("text of 1,000,", problem.Reason, StringComparison.Ordinal);
        Assert.EndsWith("characters is over the analysis budget of 1,000,000; stored without entities, quotes and sources", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_analysis_over_its_time_is_reported_and_the_article_stored()
    {
        using var temp = new TempDirectory();
        temp.Write("in/a.txt", Paragraph + "\n");
        var pipeline = new StorylinePipelineBuilder().UseAnalyser(_ => throw new TimeoutException("analysis took over its budget of 1 s")).Build();
        using var store = SqliteStoryStore.Open(temp.File("s.db"));

        var report = pipeline.Ingest([temp.File("in")], store);

        Assert.Equal(1, report.Stored);
        Assert.Equal("analysis took over its budget of 1 s; stored without entities, quotes and sources", Assert.Single(report.Problems).Reason);
    }
}
