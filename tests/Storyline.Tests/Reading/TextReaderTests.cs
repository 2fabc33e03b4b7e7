using System.Text;
using Storyline.Reading;

namespace Storyline.Tests.Reading;

public sealed class TextReaderTests
{
    private static ReadResult ReadOne(string path)
    {
        var results = new DocumentReader().ReadPath(path).ToList();
        return Assert.Single(results);
    }

    /// <summary>The body without the blank line(s) that separated it from the headers.</summary>
    private static string Body(RawDocument doc) => doc.Content.TrimStart('\r', '\n');

    private static RawDocument ReadText(string content, string name = "doc.txt")
    {
        using var temp = new TempDirectory();
        var result = ReadOne(temp.Write(name, content));
        Assert.Null(result.Problem);
        return result.Document!;
    }

    private static RawDocument ReadBytes(byte[] content, string name = "doc.txt")
    {
        using var temp = new TempDirectory();
        var result = ReadOne(temp.Write(name, content));
        Assert.Null(result.Problem);
        return result.Document!;
    }

    [Fact]
    public void Header_lines_become_metadata_and_body_starts_after_them()
    {
        var doc = ReadText(
            "date 2025-06-07\ntitle Musk offered asylum\nurl https://example.com/a/1\nsource Example News\nauthor Jane Roe and John Doe\nlanguage en\n\nFirst paragraph.\n\nSecond paragraph.\n");

        Assert.Equal(DocumentFormat.PlainText, doc.Format);
        Assert.Equal("2025-06-07", doc.Published);
        Assert.Equal("Musk offered asylum", doc.Title);
        Assert.Equal("https://example.com/a/1", doc.Url);
        Assert.Equal("Example News", doc.Outlet);
        Assert.Equal(["Jane Roe", "John Doe"], doc.Authors);
        Assert.Equal("en", doc.Metadata["language"]);
        Assert.False(doc.Metadata.ContainsKey("date"));
        Assert.StartsWith("First paragraph.", Body(doc), StringComparison.Ordinal);
        Assert.DoesNotContain("date 2025", doc.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("Example News", doc.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Outlet_header_and_colon_headers_are_recognised()
    {
        var doc = ReadText("Title: A colon header\noutlet Daily Planet\nid abc-42\n\nBody text.");

        Assert.Equal("A colon header", doc.Title);
        Assert.Equal("Daily Planet", doc.Outlet);
        Assert.Equal("abc-42", doc.ExternalId);
        Assert.Equal("Body text.", Body(doc));
    }

    [Theory]
    [InlineData("published 2025-06-07T07:46:00Z", "2025-06-07T07:46:00Z", null, null)]
    [InlineData("Published: Jun 7, 2025", "Jun 7, 2025", null, null)]
    [InlineData("link https://example.com/x", null, "https://example.com/x", null)]
    [InlineData("By: Jane Roe & John Doe", null, null, "Jane Roe|John Doe")]
    [InlineData("authors Jane Roe; John Doe", null, null, "Jane Roe|John Doe")]
    public void Header_aliases_are_canonicalised(string header, string? published, string? url, string? authors)
    {
        var doc = ReadText(header + "\n\nThe body.");

        Assert.Equal(published, doc.Published);
        Assert.Equal(url, doc.Url);
        Assert.Equal(authors?.Split('|') ?? [], doc.Authors);
        Assert.Equal("The body.", Body(doc));
    }

    [Fact]
    public void External_id_is_the_file_name_without_extension()
    {
        var doc = ReadText("Just a body.", "0042.txt");

        Assert.Equal("0042", doc.ExternalId);
        Assert.Null(doc.Title);
        Assert.Null(doc.Published);
    }

    [Fact]
    public void Seed_001_date_header_on_the_body_line_is_split_off()
    {
        var result = ReadOne(TestPaths.Samples("001_189017ad2c526773.txt"));

        var doc = result.Document!;
        Assert.Equal("2025-06-07", doc.Published);
        Assert.StartsWith("Russian lawmaker", doc.Content, StringComparison.Ordinal);
        Assert.Equal("001_189017ad2c526773", doc.ExternalId);
    }

    [Fact]
    public void Body_beginning_with_Title_IX_is_not_a_header()
    {
        var doc = ReadText("Title IX rules were rewritten on Friday by the department.\n\nMore text.");

        Assert.Null(doc.Title);
        Assert.StartsWith("Title IX rules", doc.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Date_header_that_is_not_a_date_is_left_in_the_body()
    {
        var doc = ReadText("date night ideas for the summer\n\nText.");

        Assert.Null(doc.Published);
        Assert.StartsWith("date night ideas", doc.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Url_header_without_a_scheme_ends_the_headers()
    {
        var doc = ReadText("title Something\nurl is what we call it\n\nBody.");

        Assert.Equal("Something", doc.Title);
        Assert.Null(doc.Url);
        Assert.StartsWith("url is what we call it", doc.Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t\r\n  \n")]
    public void Empty_or_whitespace_file_is_a_failure(string content)
    {
        using var temp = new TempDirectory();
        var path = temp.Write("empty.txt", content);

        var result = ReadOne(path);

        Assert.Null(result.Document);
        Assert.NotNull(result.Problem);
        Assert.False(result.Problem.IsWarning);
        Assert.Equal(path, result.Problem.Source);
        Assert.Contains("empty", result.Problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_file_is_a_failure_mentioning_binary()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("image.txt", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x01]);

        var result = ReadOne(path);

        Assert.Null(result.Document);
        Assert.Contains("binary", result.Problem!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf8_bom_is_stripped_and_text_decoded()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("title Café news\n\nGrüße aus Köln — “quoted”.")];

        var doc = ReadBytes(bytes);

        Assert.Equal("Café news", doc.Title);
        Assert.Equal("Grüße aus Köln — “quoted”.", Body(doc));
    }

    [Fact]
    public void Utf16_bom_text_is_not_taken_for_binary()
    {
        byte[] bytes = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Привет, мир. Plain text in UTF-16.")];

        var doc = ReadBytes(bytes);

        Assert.Equal("Привет, мир. Plain text in UTF-16.", doc.Content);
    }

    [Fact]
    public void Invalid_utf8_falls_back_to_windows_1252()
    {
        // "café “quoted” – 5€" in Windows-1252: é=E9, “=93, ”=94, –=96, €=80.
        byte[] bytes = [.. "caf"u8, 0xE9, (byte)' ', 0x93, .. "quoted"u8, 0x94, (byte)' ', 0x96, (byte)' ', (byte)'5', 0x80];

        var doc = ReadBytes(bytes);

        Assert.Equal("café “quoted” – 5€", doc.Content);
    }

    [Fact]
    public void Valid_utf8_without_bom_is_not_decoded_as_windows_1252()
    {
        var doc = ReadBytes(Encoding.UTF8.GetBytes("naïve café"));

        Assert.Equal("naïve café", doc.Content);
    }
}
