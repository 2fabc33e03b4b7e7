using System.IO.Compression;
using System.Text;
using Storyline.Reading;

namespace Storyline.Tests.Reading;

public sealed class JsonlGzipTests
{
    private const int Lines = 3000;

    private static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return buffer.ToArray();
    }

    private static byte[] Corpus()
    {
        var random = new Random(3);
        var text = new StringBuilder();
        for (var i = 1; i <= Lines; i++)
        {
            text.Append("{\"id\":\"n").Append(i).Append("\",\"title\":\"Headline ").Append(random.Next())
                .Append("\",\"text\":\"Body ").Append(random.Next()).Append(".\"}\n");
        }

        return Gzip(Encoding.UTF8.GetBytes(text.ToString()));
    }

    [Fact]
    public void Gzipped_jsonl_is_read_line_by_line()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("corpus.jsonl.gz", Corpus());

        var results = new DocumentReader().ReadPath(path).ToList();

        Assert.Equal(Lines, results.Count);
        Assert.All(results, r => Assert.Null(r.Problem));
        Assert.Equal("n1", results[0].Document!.ExternalId);
        Assert.Equal(path + ":3000", results[^1].Document!.Source);
    }

    [Fact]
    public void Truncated_jsonl_gz_keeps_what_was_read_and_reports_a_problem()
    {
        using var temp = new TempDirectory();
        var gzip = Corpus();
        var path = temp.Write("cut.jsonl.gz", gzip[..(gzip.Length / 2)]);

        var results = new DocumentReader().ReadPath(path).ToList();

        var documents = results.Where(r => r.Document is not null).ToList();
        Assert.InRange(documents.Count, 100, Lines - 1);
        Assert.Equal("n1", documents[0].Document!.ExternalId);
        Assert.Contains(results, r => r.Problem is { IsWarning: false });
    }

    [Fact]
    public void Truncated_jsonl_gz_is_reported_as_truncated()
    {
        using var temp = new TempDirectory();
        var gzip = Corpus();
        var path = temp.Write("cut.jsonl.gz", gzip[..(gzip.Length / 2)]);

        var results = new DocumentReader().ReadPath(path).ToList();

        Assert.Contains(results, r => r.Problem is { } p && (p.Reason.Contains("truncated", StringComparison.Ordinal) || p.Reason.Contains("part-way", StringComparison.Ordinal)));
    }
}
