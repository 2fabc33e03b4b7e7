using System.IO.Compression;
using System.Text;
using Storyline.Reading;

namespace Storyline.Tests.Reading;

public sealed class HtmlReaderTests
{
    // "Привет мир" in Windows-1251 and in KOI8-R, spelled out so the oracle does not depend on the decoder under test.
    private static readonly byte[] PrivetMir1251 = [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2, 0x20, 0xEC, 0xE8, 0xF0];
    private static readonly byte[] PrivetMirKoi8 = [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4, 0x20, 0xCD, 0xC9, 0xD2];

    private static ReadResult ReadOne(string path, ReaderOptions? options = null) =>
        Assert.Single(new DocumentReader(options).ReadPath(path).ToList());

    private static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return buffer.ToArray();
    }

    private static byte[] Page(string head, byte[] body) =>
        [.. Encoding.ASCII.GetBytes($"<html><head>{head}</head><body><p>"), .. body, .. "</p></body></html>"u8];

    [Theory]
    [InlineData("story.html")]
    [InlineData("story.htm")]
    [InlineData("STORY.HTML")]
    public void Html_files_are_read_as_html(string name)
    {
        using var temp = new TempDirectory();
        var path = temp.Write(name, "<html><body><p>Grüße</p></body></html>");

        var doc = ReadOne(path).Document!;

        Assert.Equal(DocumentFormat.Html, doc.Format);
        Assert.Equal(path, doc.Source);
        Assert.Contains("<p>Grüße</p>", doc.Content, StringComparison.Ordinal);
        Assert.Equal("story", doc.ExternalId, ignoreCase: true);
    }

    [Fact]
    public void Gzipped_html_is_decompressed_and_id_drops_both_extensions()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("0001.html.gz", Gzip(Encoding.UTF8.GetBytes("<html><body><p>Zipped naïve text</p></body></html>")));

        var doc = ReadOne(path).Document!;

        Assert.Equal(DocumentFormat.Html, doc.Format);
        Assert.Contains("Zipped naïve text", doc.Content, StringComparison.Ordinal);
        Assert.Equal("0001", doc.ExternalId);
    }

    [Fact]
    public void Bom_wins_over_a_contradicting_meta_charset()
    {
        using var temp = new TempDirectory();
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("<html><head><meta charset=windows-1251></head><body><p>Привет мир</p></body></html>")];

        var doc = ReadOne(temp.Write("bom.html", bytes)).Document!;

        Assert.Contains("Привет мир", doc.Content, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFEFF', doc.Content);
    }

    [Fact]
    public void Meta_charset_windows_1251_decodes_cyrillic()
    {
        using var temp = new TempDirectory();

        var doc = ReadOne(temp.Write("ru.html", Page("<meta charset=windows-1251>", PrivetMir1251))).Document!;

        Assert.Contains("<p>Привет мир</p>", doc.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Http_equiv_content_type_charset_is_honoured()
    {
        using var temp = new TempDirectory();
        var head = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">";

        var doc = ReadOne(temp.Write("koi.html", Page(head, PrivetMirKoi8))).Document!;

        Assert.Contains("<p>Привет мир</p>", doc.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Undeclared_html_is_utf8()
    {
        using var temp = new TempDirectory();

        var doc = ReadOne(temp.Write("plain.html", Page("<title>t</title>", Encoding.UTF8.GetBytes("Привет мир, naïve café")))).Document!;

        Assert.Contains("<p>Привет мир, naïve café</p>", doc.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_gzip_is_reported_not_read_partially()
    {
        using var temp = new TempDirectory();
        var html = new StringBuilder("<html><body>");
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            html.Append("<p>Paragraph ").Append(random.Next()).Append(" of the page</p>");
        }

        var gzip = Gzip(Encoding.UTF8.GetBytes(html.ToString()));
        var path = temp.Write("cut.html.gz", gzip[..(gzip.Length / 2)]);

        var result = ReadOne(path);

        Assert.Null(result.Document);
        Assert.Equal(path, result.Problem!.Source);
        Assert.Contains("truncated", result.Problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_gzip_is_a_failure()
    {
        using var temp = new TempDirectory();
        var garbage = new byte[400];
        new Random(11).NextBytes(garbage);
        byte[] bytes = [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0xFF, .. garbage];

        var result = ReadOne(temp.Write("bad.html.gz", bytes));

        Assert.Null(result.Document);
        Assert.NotNull(result.Problem);
        Assert.False(result.Problem.IsWarning);
        Assert.Contains("gzip", result.Problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_gzip_at_all_under_a_gz_name_is_a_failure()
    {
        using var temp = new TempDirectory();

        var result = ReadOne(temp.Write("page.html.gz", "<html><body><p>not compressed</p></body></html>"));

        Assert.Null(result.Document);
        Assert.Contains("gzip", result.Problem!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void File_over_the_size_cap_is_refused_with_reason()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("big.html", "<html><body><p>" + new string('a', 2000) + "</p></body></html>");

        var result = ReadOne(path, new ReaderOptions { MaxDocumentBytes = 1000 });

        Assert.Null(result.Document);
        Assert.Equal(path, result.Problem!.Source);
        Assert.Contains("larger than", result.Problem.Reason, StringComparison.Ordinal);
        Assert.Contains("refused", result.Problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void File_exactly_at_the_size_cap_is_accepted()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("exact.html", new string('a', 1000));

        var result = ReadOne(path, new ReaderOptions { MaxDocumentBytes = 1000 });

        Assert.Null(result.Problem);
        Assert.Equal(1000, result.Document!.Content.Length);
    }

    [Fact]
    public void Gzip_bomb_over_the_cap_after_decompression_is_refused()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("bomb.html.gz", Gzip(new byte[200_000]));

        var result = ReadOne(path, new ReaderOptions { MaxDocumentBytes = 1000 });

        Assert.Null(result.Document);
        Assert.Contains("refused", result.Problem!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Size_refusal_states_a_meaningful_limit()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("big.html", new string('a', 2000));

        var result = ReadOne(path, new ReaderOptions { MaxDocumentBytes = 1000 });

        Assert.DoesNotContain(" 0 MB", result.Problem!.Reason, StringComparison.Ordinal);
    }
}
