using BenchmarkDotNet.Attributes;
using Storyline.Extraction;
using Storyline.Reading;

namespace Storyline.Bench.Benchmarks;

/// <summary>
/// Extraction of one page: the AEB-dev page of median size, and the seed text dump. Run with
/// <c>dotnet run -c Release --project bench/Storyline.Bench -- bdn --filter '*Extraction*'</c>.
/// </summary>
[MemoryDiagnoser]
public class ExtractionBenchmark
{
    private readonly ArticleExtractor _extractor = new();
    private RawDocument _medianPage = null!;
    private RawDocument _seed = null!;

    [GlobalSetup]
    public void Setup()
    {
        var median = MedianAebPage.Load();
        _medianPage = new RawDocument { Source = median.Path, Format = DocumentFormat.Html, Content = median.Html };
        var seed = Path.Combine(EvalData.Root(null), "..", "seeds", "000_6c0088076a9363ac.txt");
        _seed = new RawDocument { Source = seed, Format = DocumentFormat.PlainText, Content = File.ReadAllText(seed) };
    }

    [Benchmark(Description = "median AEB page (HTML)")]
    public int MedianHtmlPage() => _extractor.Extract(_medianPage).Article?.Paragraphs.Count ?? -1;

    [Benchmark(Description = "seed 000 (text dump)")]
    public int SeedTextDump() => _extractor.Extract(_seed).Article?.Paragraphs.Count ?? -1;
}
