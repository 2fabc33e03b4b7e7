using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Storyline.Bench.PlainText;

/// <summary>
/// Loads the extraction evaluation pages (<c>extraction/aeb-dev</c>, <c>extraction/wcxb-dev-articles</c>)
/// as plain-text dumps with their gold main text, in a fixed order (set, then id) so that training is
/// deterministic.
/// </summary>
internal static class DumpCorpus
{
    public static List<DumpPage> Load(string evalRoot)
    {
        var sources = new List<(string Set, string Id, string HtmlPath, Func<(string, List<string>, List<string>, string?)> Truth)>();
        var aeb = Path.Combine(evalRoot, "extraction", "aeb-dev");
        using (var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(aeb, "ground-truth.json"))))
        {
            foreach (var page in truth.RootElement.EnumerateObject())
            {
                var body = page.Value.GetProperty("articleBody").GetString() ?? "";
                sources.Add(("aeb", page.Name, Path.Combine(aeb, "html", page.Name + ".html.gz"), () => (body, [], [], null)));
            }
        }

        var wcxb = Path.Combine(evalRoot, "extraction", "wcxb-dev-articles");
        foreach (var file in Directory.GetFiles(Path.Combine(wcxb, "ground-truth"), "*.json"))
        {
            var id = Path.GetFileNameWithoutExtension(file);
            sources.Add(("wcxb", id, Path.Combine(wcxb, "html", id + ".html.gz"), () => WcxbTruth(file)));
        }

        var pages = new ConcurrentBag<DumpPage>();
        Parallel.ForEach(sources, source =>
        {
            var (truth, with, without, title) = source.Truth();
            pages.Add(new DumpPage(source.Set, source.Id, PageDump.Of(ReadGz(source.HtmlPath)), truth, with, without, title));
        });
        return pages.OrderBy(p => p.Set, StringComparer.Ordinal).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
    }

    private static (string, List<string>, List<string>, string?) WcxbTruth(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        var gt = doc.RootElement.GetProperty("ground_truth");
        var truth = gt.TryGetProperty("main_content", out var mc) ? mc.GetString() ?? "" : "";
        var title = gt.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        return (truth, Strings(gt, "with"), Strings(gt, "without"), title);
    }

    private static List<string> Strings(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).Where(s => s.Length > 0).ToList()
            : [];

    private static string ReadGz(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
