using Storyline.Analysis;
using Storyline.Clustering;
using Storyline.Extraction;
using Storyline.Reading;

namespace Storyline;

/// <summary>Configures a <see cref="StorylinePipeline"/>; build once and reuse the pipeline.</summary>
public sealed class StorylinePipelineBuilder
{
    private ReaderOptions _readerOptions = ReaderOptions.Default;
    private IArticleExtractor _extractor = new ArticleExtractor();
    private ClusteringOptions _clusteringOptions = ClusteringOptions.Default;
    private int _batchSize = 256;
    private TimeSpan _copyWindow = TimeSpan.FromDays(30);
    private bool _analyse = true;
    private int _regroupLimit = 20_000;
    private Func<string, ArticleAnalysis>? _analyser;

    /// <summary>Sets the readers' size and depth limits.</summary>
    public StorylinePipelineBuilder UseReaderOptions(ReaderOptions options)
    {
        _readerOptions = options ?? throw new ArgumentNullException(nameof(options));
        return this;
    }

    /// <summary>Replaces the article extractor.</summary>
    public StorylinePipelineBuilder UseExtractor(IArticleExtractor extractor)
    {
        _extractor = extractor ?? throw new ArgumentNullException(nameof(extractor));
        return this;
    }

    /// <summary>Sets the story-grouping options.</summary>
    public StorylinePipelineBuilder UseClustering(ClusteringOptions options)
    {
        _clusteringOptions = options ?? throw new ArgumentNullException(nameof(options));
        return this;
    }

    /// <summary>Sets how many articles are stored per transaction (a crash loses at most one batch in flight).</summary>
    public StorylinePipelineBuilder UseBatchSize(int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _batchSize = batchSize;
        return this;
    }

    /// <summary>Sets how far back in publication time a new article is checked for being a copy (memory grows with it).</summary>
    public StorylinePipelineBuilder UseCopyWindow(TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.Zero);
        _copyWindow = window;
        return this;
    }

    /// <summary>
    /// Sets how many stored articles a batch may regroup with itself when it reaches back among them (an older batch,
    /// or one overlapping the store's latest times); beyond it the batch is grouped around them instead (0: never).
    /// </summary>
    public StorylinePipelineBuilder UseRegroupLimit(int articles)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(articles);
        _regroupLimit = articles;
        return this;
    }

    /// <summary>Turns the Analysis stage (entities, cited sources) on or off for ingest; off trades them for speed.</summary>
    public StorylinePipelineBuilder UseAnalysis(bool analyse)
    {
        _analyse = analyse;
        return this;
    }

    /// <summary>Replaces the analysis ingest runs on each article's text (tests use it to make one article's analysis fail).</summary>
    internal StorylinePipelineBuilder UseAnalyser(Func<string, ArticleAnalysis> analyser)
    {
        _analyser = analyser ?? throw new ArgumentNullException(nameof(analyser));
        return this;
    }

    /// <summary>Builds the immutable, thread-safe pipeline.</summary>
    public StorylinePipeline Build() =>
        new(new DocumentReader(_readerOptions), _extractor, _clusteringOptions, _batchSize, _copyWindow, _analyse, _regroupLimit, _analyser);
}
