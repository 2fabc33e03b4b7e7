using Storyline.Extraction;
using Storyline.Reading;
using Storyline.Tests.Cli;

namespace Storyline.Tests.Hardening;

/// <summary>
/// What an input declares but Storyline cannot keep as given (a <c>text</c> as an array, an unreadable date, a title of
/// megabytes) is said in a warning naming the input, never dropped silently (issue 25, case 19).
/// </summary>
public sealed class DeclaredFieldWarningTests
{
    private const string Flood = "Heavy rain closed the northern highway on Monday after the river burst its banks, officials said.";

    [Fact]
    public void A_text_given_as_an_array_is_warned_about_naming_the_line()
    {
        var result = Extract("""{"id":"a","title":"Flood","text":["Heavy rain.","More rain."]}""");

        Assert.NotNull(result.Article);
        Assert.Contains("\"text\" is an array, not a string", result.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unparseable_published_date_is_warned_about_with_its_value()
    {
        var result = Extract($$"""{"id":"a","published":"next Tuesdayish","text":"{{Flood}}"}""");

        Assert.Null(result.Article!.Published);
        Assert.Contains("\"next Tuesdayish\"", result.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_title_cut_at_the_cap_is_warned_about()
    {
        var title = string.Concat(Enumerable.Repeat("flood ", 1_000));
        var result = Extract($$"""{"id":"a","title":"{{title}}","text":"{{Flood}}"}""");

        Assert.Contains("title of 5,999 characters cut", result.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_well_formed_line_gives_no_warning()
    {
        var result = Extract($$"""{"id":"a","title":"Flood","published":"2024-03-01","text":"{{Flood}}"}""");

        Assert.NotNull(result.Article!.Published);
        Assert.Null(result.Warning);
    }

    [Fact]
    public void Ingest_prints_the_warning_with_the_input_and_line_and_stores_the_article()
    {
        using var temp = new TempDirectory();
        var input = temp.Write("in.jsonl", """{"id":"a","title":"Flood","text":["Heavy rain."]}""" + "\n");

        var ingest = CliRunner.Run("ingest", input, "--db", temp.File("s.db"));

        Assert.Contains($"{input}:1: warning: \"text\" is an array", ingest.Error, StringComparison.Ordinal);
        Assert.Contains("stored 1", ingest.Error, StringComparison.Ordinal);
    }

    private static ExtractionResult Extract(string line)
    {
        var document = Assert.Single(new DocumentReader().ReadJsonl(new StringReader(line), "-")).Document!;
        return new ArticleExtractor().Extract(document);
    }
}
