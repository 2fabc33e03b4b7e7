using BenchmarkDotNet.Attributes;
using Storyline.Extraction;
using Storyline.Extraction.Language;
using Storyline.Reading;

namespace Storyline.Bench.Benchmarks;

/// <summary>
/// Language identification as extraction runs it, once a page. Run with
/// <c>dotnet run -c Release --project bench/Storyline.Bench -- bdn --filter '*Language*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class LanguageBenchmark
{
    private const string German = "Die Regierung teilte am Dienstag mit, dass das neue Gesetz trotz der Kritik der Opposition schon im nächsten Jahr in Kraft treten soll. ";
    private const string Russian = "Правительство объявило во вторник, что новый закон вступит в силу уже в следующем году, несмотря на критику оппозиции. ";
    private const string Hindi = "सरकार ने मंगलवार को घोषणा की कि नया कानून अगले साल से लागू होगा, हालांकि विपक्ष ने इसका विरोध किया है। ";

    private string _medianPageText = null!;
    private string _german = null!;
    private string _russian = null!;
    private string _hindi = null!;

    [GlobalSetup]
    public void Setup()
    {
        var median = MedianAebPage.Load();
        _medianPageText = new ArticleExtractor().Extract(new RawDocument { Source = median.Path, Format = DocumentFormat.Html, Content = median.Html }).Article!.Text;
        _german = string.Concat(Enumerable.Repeat(German, 25));
        _russian = string.Concat(Enumerable.Repeat(Russian, 25));
        _hindi = string.Concat(Enumerable.Repeat(Hindi, 30));
        _ = LanguageIdentifier.Identify(_german); // loads the model outside the measurement
    }

    [Benchmark(Description = "median AEB page text (en)")]
    public string? MedianPage() => LanguageIdentifier.Identify(_medianPageText);

    [Benchmark(Description = "one sentence (de)")]
    public string? Sentence() => LanguageIdentifier.Identify(German);

    [Benchmark(Description = "3,000+ chars (de)")]
    public string? LongGerman() => LanguageIdentifier.Identify(_german);

    [Benchmark(Description = "3,000+ chars (ru)")]
    public string? LongRussian() => LanguageIdentifier.Identify(_russian);

    [Benchmark(Description = "3,000+ chars (hi)")]
    public string? LongHindi() => LanguageIdentifier.Identify(_hindi);
}
