using Storyline.Reading;

namespace Storyline.Tests.Reading;

public sealed class JsonlReaderTests
{
    private const string Good = """{"id":"a1","url":"https://example.com/1","outlet":"Example","title":"Headline one","published":"2025-06-07T07:46:00Z","text":"Body one."}""";

    private static List<ReadResult> Read(string jsonl, ReaderOptions? options = null) =>
        [.. new DocumentReader(options).ReadJsonl(new StringReader(jsonl), "-")];

    private static List<ReadResult> ReadFile(string content, out string path, ReaderOptions? options = null)
    {
        using var temp = new TempDirectory();
        path = temp.Write("corpus.jsonl", content);
        return [.. new DocumentReader(options).ReadPath(path)];
    }

    [Fact]
    public void Good_line_gives_a_document_with_its_fields()
    {
        var doc = Assert.Single(Read(Good)).Document!;

        Assert.Equal("-:1", doc.Source);
        Assert.Equal(DocumentFormat.PlainText, doc.Format);
        Assert.Equal("Body one.", doc.Content);
        Assert.Equal("a1", doc.ExternalId);
        Assert.Equal("https://example.com/1", doc.Url);
        Assert.Equal("Example", doc.Outlet);
        Assert.Equal("Headline one", doc.Title);
        Assert.Equal("2025-06-07T07:46:00Z", doc.Published);
        Assert.Empty(doc.Metadata);
    }

    [Fact]
    public void Unknown_fields_are_kept_as_metadata_with_non_strings_as_json_text()
    {
        var line = """{"id":"m","text":"x","category":"b","views":12,"score":1.5e3,"tags":["a","b"],"extra":{"k":[1,2]},"flag":true,"nothing":null}""";

        var doc = Assert.Single(Read(line)).Document!;

        Assert.Equal("b", doc.Metadata["category"]);
        Assert.Equal("12", doc.Metadata["views"]);
        Assert.Equal("1.5e3", doc.Metadata["score"]);
        Assert.Equal("""["a","b"]""", doc.Metadata["tags"]);
        Assert.Equal("""{"k":[1,2]}""", doc.Metadata["extra"]);
        Assert.Equal("true", doc.Metadata["flag"]);
        Assert.Equal("null", doc.Metadata["nothing"]);
        Assert.False(doc.Metadata.ContainsKey("text"));
        Assert.False(doc.Metadata.ContainsKey("id"));
    }

    [Fact]
    public void Alternative_field_names_and_author_forms_are_understood()
    {
        var results = Read("""
            {"id":7,"publisher":"Pub","date":"2025-06-07","text":"t","authors":["Ann Lee"," Bo Chen ",3,""]}
            {"id":"s","publication_date":"2024-01-02","text":"t","author":"Ann Lee and Bo Chen"}
            """);

        var first = results[0].Document!;
        Assert.Equal("7", first.ExternalId);
        Assert.Equal("Pub", first.Outlet);
        Assert.Equal("2025-06-07", first.Published);
        Assert.Equal(["Ann Lee", "Bo Chen"], first.Authors);
        var second = results[1].Document!;
        Assert.Equal("2024-01-02", second.Published);
        Assert.Equal(["Ann Lee", "Bo Chen"], second.Authors);
    }

    [Fact]
    public void Missing_id_falls_back_to_the_line_number()
    {
        var results = Read("\n{\"text\":\"no id here\"}\n");

        var doc = Assert.Single(results).Document!;
        Assert.Equal("line-2", doc.ExternalId);
        Assert.Equal("-:2", doc.Source);
    }

    [Fact]
    public void Html_field_gives_an_html_document()
    {
        var doc = Assert.Single(Read("""{"id":"h","html":"<html><body><p>Hi</p></body></html>"}""")).Document!;

        Assert.Equal(DocumentFormat.Html, doc.Format);
        Assert.Equal("<html><body><p>Hi</p></body></html>", doc.Content);
    }

    [Fact]
    public void Text_is_preferred_when_both_text_and_html_are_given()
    {
        var doc = Assert.Single(Read("""{"id":"b","text":"Plain body","html":"<p>Html body</p>"}""")).Document!;

        Assert.Equal(DocumentFormat.PlainText, doc.Format);
        Assert.Equal("Plain body", doc.Content);
    }

    [Fact]
    public void Malformed_line_names_its_line_and_the_rest_of_the_file_is_still_read()
    {
        var content = Good + "\n\n{\"id\":\"broken\",\"text\": \n" + Good.Replace("a1", "a4", StringComparison.Ordinal) + "\n";

        var results = ReadFile(content, out var path);

        Assert.Equal(3, results.Count);
        Assert.Equal(path + ":1", results[0].Document!.Source);
        Assert.Null(results[1].Document);
        Assert.Equal(path + ":3", results[1].Problem!.Source);
        Assert.Contains("malformed JSON", results[1].Problem!.Reason, StringComparison.Ordinal);
        Assert.Equal("a4", results[2].Document!.ExternalId);
        Assert.Equal(path + ":4", results[2].Document!.Source);
    }

    [Theory]
    [InlineData("[1,2,3]", "array")]
    [InlineData("\"just a string\"", "string")]
    [InlineData("42", "number")]
    public void Non_object_line_is_a_failure(string line, string kind)
    {
        var problem = Assert.Single(Read(line)).Problem!;

        Assert.Equal("-:1", problem.Source);
        Assert.Contains("expected a JSON object", problem.Reason, StringComparison.Ordinal);
        Assert.Contains(kind, problem.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id":"x","url":"https://example.com"}""")]
    [InlineData("""{"id":"x","text":"   ","html":"","title":" "}""")]
    [InlineData("""{"id":"x","text":null,"title":["a"]}""")]
    public void Line_with_no_text_html_or_title_is_a_failure(string line)
    {
        var result = Assert.Single(Read(line));

        Assert.Null(result.Document);
        Assert.Contains("no \"text\", \"html\" or \"title\"", result.Problem!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Headline_only_lines_are_accepted()
    {
        var sample = File.ReadLines(TestPaths.Samples("uci-headlines.jsonl")).First();

        var doc = Assert.Single(Read(sample)).Document!;

        Assert.Equal("uci-1", doc.ExternalId);
        Assert.Equal("Fed official says weak data caused by weather, should not slow taper", doc.Title);
        Assert.Equal("Los Angeles Times", doc.Outlet);
        Assert.Equal("2014-03-10T16:52:50.698000Z", doc.Published);
        Assert.Equal(string.Empty, doc.Content);
        Assert.Equal("b", doc.Metadata["category"]);
    }

    [Fact]
    public void Blank_lines_are_skipped_but_counted()
    {
        var results = Read("\n   \n" + Good + "\n\t\n\n" + Good + "\n\n");

        Assert.Equal(["-:3", "-:6"], results.Select(r => r.Document!.Source));
    }

    [Fact]
    public void Over_long_line_is_a_failure_and_the_next_line_is_still_read()
    {
        var longLine = "{\"id\":\"long\",\"text\":\"" + new string('x', 200_000) + "\"}";

        var results = Read(longLine + "\n" + Good + "\n", new ReaderOptions { MaxJsonlLineChars = 500 });

        Assert.Equal(2, results.Count);
        Assert.Equal("-:1", results[0].Problem!.Source);
        Assert.Contains("longer than", results[0].Problem!.Reason, StringComparison.Ordinal);
        Assert.Equal("a1", results[1].Document!.ExternalId);
        Assert.Equal("-:2", results[1].Document!.Source);
    }

    [Fact]
    public void Line_exactly_at_the_length_cap_is_accepted()
    {
        var results = Read(Good + "\n" + Good, new ReaderOptions { MaxJsonlLineChars = Good.Length });

        Assert.All(results, r => Assert.Null(r.Problem));
        Assert.Equal(2, results.Count);
    }

    [Fact]
    public void Line_exactly_at_the_length_cap_is_accepted_with_crlf()
    {
        var results = Read(Good + "\r\n" + Good + "\r\n", new ReaderOptions { MaxJsonlLineChars = Good.Length });

        Assert.All(results, r => Assert.Null(r.Problem));
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{\"a\":", "}")]
    public void Deeply_nested_json_is_a_failure_not_an_exception(string open, string close)
    {
        var deep = string.Concat(Enumerable.Repeat(open, 10_000)) + "1" + string.Concat(Enumerable.Repeat(close, 10_000));

        var results = Read(deep + "\n" + Good);

        Assert.Equal(2, results.Count);
        Assert.Equal("-:1", results[0].Problem!.Source);
        Assert.NotNull(results[1].Document);
    }

    [Fact]
    public void Crlf_line_endings_are_read_like_lf()
    {
        var results = ReadFile(Good + "\r\n\r\n" + Good.Replace("Body one.", "Body two.", StringComparison.Ordinal) + "\r\n", out var path);

        Assert.Equal(2, results.Count);
        Assert.Equal(path + ":1", results[0].Document!.Source);
        Assert.Equal(path + ":3", results[1].Document!.Source);
        Assert.Equal("Body two.", results[1].Document!.Content);
    }

    [Fact]
    public void Standard_input_is_read_through_read_paths()
    {
        var results = new DocumentReader().ReadPaths(["-"], new StringReader(Good + "\n{oops\n")).ToList();

        Assert.Equal("-:1", results[0].Document!.Source);
        Assert.Equal("-:2", results[1].Problem!.Source);
    }
}
