using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Storyline.Extraction;
using Storyline.Reading;

namespace Storyline.Bench.ExtractionEval;

/// <summary>
/// Scores HTML main-content extraction on <c>extraction/aeb-dev</c> (the article-extraction-benchmark's
/// shingle metric) and <c>extraction/wcxb-dev-articles</c> (WCXB's bag-of-words F1 and snippet rates),
/// exactly as the eval README defines them, and writes per-page scores to a TSV file.
/// </summary>
internal static class ExtractionRunner
{
    /// <summary>Runs the command: <c>extraction [--baseline] [--aeb|--wcxb] [--page ID]</c>.</summary>
    public static int Run(string evalRoot, string[] args)
    {
        var baseline = args.Contains("--baseline");
        var only = args.Contains("--aeb") ? "aeb" : args.Contains("--wcxb") ? "wcxb" : null;
        if (args.Contains("--language"))
        {
            return LanguageAgreement(evalRoot);
        }

        var pageIndex = Array.IndexOf(args, "--page");
        if (pageIndex >= 0 && pageIndex + 1 < args.Length)
        {
            return ShowPage(evalRoot, args[pageIndex + 1], baseline);
        }

        return Run(evalRoot, baseline, only);
    }

    /// <summary>How often the language identified from the extracted text agrees with the page's declared language (n-gram model, and the function-word identifier it replaced).</summary>
    private static int LanguageAgreement(string evalRoot)
    {
        var extractor = new ArticleExtractor();
        var files = Directory.GetFiles(Path.Combine(evalRoot, "extraction", "aeb-dev", "html"), "*.html.gz")
            .Concat(Directory.GetFiles(Path.Combine(evalRoot, "extraction", "wcxb-dev-articles", "html"), "*.html.gz")).ToList();
        var results = new ConcurrentBag<(string Page, string Declared, string? Identified, string? Old)>();
        Parallel.ForEach(files, file =>
        {
            var result = extractor.Extract(new RawDocument { Source = file, Format = DocumentFormat.Html, Content = ReadGz(file) });
            if (result.Article is { Language: { } declared } article)
            {
                results.Add((Path.GetFileName(file).Replace(".html.gz", "", StringComparison.Ordinal), declared,
                    Storyline.Extraction.Language.LanguageIdentifier.Identify(article.Text), Language.FunctionWordIdentifier.Identify(article.Text)));
            }
        });
        var list = results.OrderBy(r => r.Page, StringComparer.Ordinal).ToList();
        Console.WriteLine("declared languages: " + string.Join(", ", list.GroupBy(r => r.Declared).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")));
        foreach (var (name, pick) in new (string, Func<(string Page, string Declared, string? Identified, string? Old), string?>)[] { ("n-grams (shipped)", r => r.Identified), ("function words (old)", r => r.Old) })
        {
            var agree = list.Count(r => pick(r) == r.Declared);
            var unsure = list.Count(r => pick(r) is null);
            Console.WriteLine(Inv($"{name,-21} pages with a declared language {list.Count}: identified agrees {agree} ({(double)agree / Math.Max(1, list.Count):F3}), unsure {unsure}, disagrees {list.Count - agree - unsure}"));
            foreach (var r in list.Where(r => pick(r) != r.Declared))
            {
                Console.WriteLine($"  {r.Page}: declared {r.Declared}, identified {pick(r) ?? "?"}");
            }
        }

        return 0;
    }

    private static int ShowPage(string evalRoot, string id, bool baseline)
    {
        var extractor = new ArticleExtractor(baseline ? HtmlExtractionMode.Simple : HtmlExtractionMode.Full);
        var aeb = Path.Combine(evalRoot, "extraction", "aeb-dev");
        var wcxb = Path.Combine(evalRoot, "extraction", "wcxb-dev-articles");
        string truth;
        string htmlPath;
        if (File.Exists(Path.Combine(wcxb, "html", id + ".html.gz")))
        {
            htmlPath = Path.Combine(wcxb, "html", id + ".html.gz");
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(wcxb, "ground-truth", id + ".json")));
            truth = doc.RootElement.GetProperty("ground_truth").GetProperty("main_content").GetString() ?? "";
        }
        else
        {
            htmlPath = Path.Combine(aeb, "html", id + ".html.gz");
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(aeb, "ground-truth.json")));
            truth = doc.RootElement.GetProperty(id).GetProperty("articleBody").GetString() ?? "";
        }

        var result = extractor.Extract(new RawDocument { Source = id, Format = DocumentFormat.Html, Content = ReadGz(htmlPath), ExternalId = id });
        Console.WriteLine($"== failure: {result.Failure}");
        Console.WriteLine($"== title: {result.Article?.Title} | published: {result.Article?.Published} | outlet: {result.Article?.Outlet} | authors: {string.Join("; ", result.Article?.Authors ?? [])} | lang: {result.Article?.Language} | url: {result.Article?.Url}");
        Console.WriteLine("== extracted");
        Console.WriteLine(result.Article?.Text);
        Console.WriteLine("== truth");
        Console.WriteLine(truth);
        return 0;
    }

    private static int Run(string evalRoot, bool baseline, string? only)
    {
        var extractor = new ArticleExtractor(baseline ? HtmlExtractionMode.Simple : HtmlExtractionMode.Full);
        var outDir = Path.Combine(Path.GetTempPath(), "storyline-bench");
        Directory.CreateDirectory(outDir);
        var tsvPath = Path.Combine(outDir, baseline ? "extraction-baseline.tsv" : "extraction.tsv");
        using var tsv = new StreamWriter(tsvPath, false, new UTF8Encoding(false));
        tsv.WriteLine("set\tid\tprecision\trecall\tf1\twith_found\twith_total\twithout_avoided\twithout_total\tms\tfailure");
        Console.WriteLine($"extractor: {(baseline ? "simple (baseline)" : "full")}");

        if (only is null or "aeb")
        {
            RunAeb(Path.Combine(evalRoot, "extraction", "aeb-dev"), extractor, tsv);
        }

        if (only is null or "wcxb")
        {
            RunWcxb(Path.Combine(evalRoot, "extraction", "wcxb-dev-articles"), extractor, tsv);
        }

        Console.WriteLine($"per-page scores: {tsvPath}");
        return 0;
    }

    private static void RunAeb(string dir, ArticleExtractor extractor, StreamWriter tsv)
    {
        using var truthDoc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "ground-truth.json")));
        var pages = truthDoc.RootElement.EnumerateObject()
            .Select(p => (Id: p.Name, Truth: p.Value.GetProperty("articleBody").GetString() ?? "", Url: p.Value.TryGetProperty("url", out var u) ? u.GetString() : null))
            .OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        var results = new ConcurrentBag<(string Id, ExtractionMetrics.Shares Shares, double Ms, string? Failure)>();
        var clock = Stopwatch.StartNew();
        Parallel.ForEach(pages, page =>
        {
            var html = ReadGz(Path.Combine(dir, "html", page.Id + ".html.gz"));
            var started = Stopwatch.GetTimestamp();
            var (text, failure) = ExtractText(extractor, page.Id, html, page.Url);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            results.Add((page.Id, ExtractionMetrics.Shingles(text, page.Truth), ms, failure));
        });
        var elapsed = clock.Elapsed;
        var list = results.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        foreach (var r in list)
        {
            var p = r.Shares.Tp + r.Shares.Fp > 0 ? r.Shares.Tp / (r.Shares.Tp + r.Shares.Fp) : double.NaN;
            var rec = r.Shares.Tp + r.Shares.Fn > 0 ? r.Shares.Tp / (r.Shares.Tp + r.Shares.Fn) : double.NaN;
            var f = p + rec > 0 ? 2 * p * rec / (p + rec) : 0;
            tsv.WriteLine(Inv($"aeb\t{r.Id}\t{p:F4}\t{rec:F4}\t{f:F4}\t\t\t\t\t{r.Ms:F1}\t{r.Failure}"));
        }

        var (precision, recall, f1) = ExtractionMetrics.AebScore(list.Select(r => r.Shares));
        Console.WriteLine(Inv($"aeb-dev            {list.Count,4} pages  P {precision:F4}  R {recall:F4}  F1 {f1:F4}  failures {list.Count(r => r.Failure is not null)}  extract {list.Sum(r => r.Ms) / list.Count:F1} ms/page (wall {elapsed.TotalSeconds:F1} s)"));
    }

    private static void RunWcxb(string dir, ArticleExtractor extractor, StreamWriter tsv)
    {
        var files = Directory.GetFiles(Path.Combine(dir, "ground-truth"), "*.json").Order(StringComparer.Ordinal).ToList();
        var results = new ConcurrentBag<(string Id, double F1, double P, double R, int WithFound, int WithTotal, int WithoutAvoided, int WithoutTotal, double Ms, string? Failure)>();
        Parallel.ForEach(files, file =>
        {
            var id = Path.GetFileNameWithoutExtension(file);
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            var gt = doc.RootElement.GetProperty("ground_truth");
            var truth = gt.TryGetProperty("main_content", out var mc) ? mc.GetString() ?? "" : "";
            var url = doc.RootElement.TryGetProperty("url", out var u) ? u.GetString() : null;
            var with = Strings(gt, "with");
            var without = Strings(gt, "without");
            var html = ReadGz(Path.Combine(dir, "html", id + ".html.gz"));
            var started = Stopwatch.GetTimestamp();
            var (text, failure) = ExtractText(extractor, id, html, url, out var article);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var (p, r, f) = ExtractionMetrics.BagOfWords(text, truth);
            CountMetadata(gt, article);
            var normalised = ExtractionMetrics.SnippetForm(text);
            var withFound = with.Count(s => ExtractionMetrics.ContainsSnippet(normalised, s));
            var withoutAvoided = without.Count(s => !ExtractionMetrics.ContainsSnippet(normalised, s));
            results.Add((id, f, p, r, withFound, with.Count, withoutAvoided, without.Count, ms, failure));
        });
        var list = results.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        foreach (var r in list)
        {
            tsv.WriteLine(Inv($"wcxb\t{r.Id}\t{r.P:F4}\t{r.R:F4}\t{r.F1:F4}\t{r.WithFound}\t{r.WithTotal}\t{r.WithoutAvoided}\t{r.WithoutTotal}\t{r.Ms:F1}\t{r.Failure}"));
        }

        var withTotal = list.Sum(r => r.WithTotal);
        var withoutTotal = list.Sum(r => r.WithoutTotal);
        Console.WriteLine(Inv($"wcxb-dev-articles  {list.Count,4} pages  F1 {list.Average(r => r.F1):F4}  (P {list.Average(r => r.P):F4}  R {list.Average(r => r.R):F4})  with found {(double)list.Sum(r => r.WithFound) / Math.Max(1, withTotal):F4} ({withTotal})  without avoided {(double)list.Sum(r => r.WithoutAvoided) / Math.Max(1, withoutTotal):F4} ({withoutTotal})  failures {list.Count(r => r.Failure is not null)}  extract {list.Sum(r => r.Ms) / list.Count:F1} ms/page"));
        Console.WriteLine(Inv($"wcxb metadata      title {(double)_titlesRight / Math.Max(1, _titlesTotal):F3} ({_titlesTotal})  date {(double)_datesRight / Math.Max(1, _datesTotal):F3} ({_datesTotal})  author {(double)_authorsRight / Math.Max(1, _authorsTotal):F3} ({_authorsTotal})"));
    }

    private static (string Text, string? Failure) ExtractText(ArticleExtractor extractor, string id, string html, string? url) =>
        ExtractText(extractor, id, html, url, out _);

    private static int _titlesTotal, _titlesRight, _datesTotal, _datesRight, _authorsTotal, _authorsRight;

    /// <summary>Title (case- and punctuation-insensitive), publish date (day) and author (any name matching) against WCXB's labels.</summary>
    private static void CountMetadata(JsonElement gt, Article? article)
    {
        static string Norm(string? s) => string.Join(' ', ExtractionMetrics.Tokens(s ?? "", true));
        if (gt.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String && title.GetString() is { Length: > 0 } t)
        {
            Interlocked.Increment(ref _titlesTotal);
            if (Norm(article?.Title) == Norm(t))
            {
                Interlocked.Increment(ref _titlesRight);
            }
        }

        if (gt.TryGetProperty("publish_date", out var date) && date.ValueKind == JsonValueKind.String && date.GetString() is { Length: >= 10 } d)
        {
            Interlocked.Increment(ref _datesTotal);
            if (article?.Published?.ToString() is { Length: >= 10 } got && got[..10] == d[..10])
            {
                Interlocked.Increment(ref _datesRight);
            }
        }

        if (gt.TryGetProperty("author", out var author) && author.ValueKind == JsonValueKind.String && author.GetString() is { Length: > 0 } a)
        {
            Interlocked.Increment(ref _authorsTotal);
            if (article is not null && article.Authors.Any(x => Norm(x) == Norm(a) || Norm(a).Contains(Norm(x), StringComparison.Ordinal) && x.Length > 3))
            {
                Interlocked.Increment(ref _authorsRight);
            }
        }
    }

    private static (string Text, string? Failure) ExtractText(ArticleExtractor extractor, string id, string html, string? url, out Article? article)
    {
        // The page's URL is not given to the extractor: real input rarely declares it, and the page should be read from its own content.
        _ = url;
        var result = extractor.Extract(new RawDocument { Source = id, Format = DocumentFormat.Html, Content = html, ExternalId = id });
        if (Environment.GetEnvironmentVariable("STORYLINE_BENCH_DUMP") is { Length: > 0 } dump)
        {
            Directory.CreateDirectory(dump);
            File.WriteAllText(Path.Combine(dump, id + ".txt"), result.Article?.Text ?? "");
        }

        article = result.Article;
        return result.Article is { } found ? (found.Text, null) : ("", result.Failure);
    }

    private static List<string> Strings(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).Where(s => s.Length > 0).ToList();
    }

    private static string ReadGz(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
