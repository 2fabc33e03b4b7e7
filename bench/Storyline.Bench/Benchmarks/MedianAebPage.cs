using System.IO.Compression;

namespace Storyline.Bench.Benchmarks;

/// <summary>The median-size AEB page (by HTML length), the page the per-page benchmarks time.</summary>
internal static class MedianAebPage
{
    public static (string Path, string Html) Load()
    {
        var pages = Directory.GetFiles(Path.Combine(EvalData.Root(null), "extraction", "aeb-dev", "html"), "*.html.gz")
            .Select(path => (Path: path, Html: Decompress(path)))
            .OrderBy(p => p.Html.Length)
            .ThenBy(p => p.Path, StringComparer.Ordinal)
            .ToList();
        return pages[pages.Count / 2];
    }

    private static string Decompress(string path)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return reader.ReadToEnd();
    }
}
