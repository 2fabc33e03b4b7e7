using Storyline.Analysis;
using Storyline.Clustering;
using Storyline.Dedup;
using Storyline.Extraction;
using Storyline.Reading;
using Storyline.Storage;

namespace Storyline;

/// <summary>
/// The pipeline from documents to stories: read → extract → dedupe → group → store. Built once by
/// <see cref="StorylinePipelineBuilder"/>, immutable and thread-safe; each call brings its own store.
/// </summary>
public sealed class StorylinePipeline
{
    internal StorylinePipeline(
        DocumentReader reader, IArticleExtractor extractor, ClusteringOptions clustering, int batchSize, TimeSpan copyWindow, bool analyse, int regroupLimit,
        Func<string, ArticleAnalysis>? analyser = null)
    {
        Analyse = analyse;
        RegroupLimit = regroupLimit;
        Reader = reader;
        Extractor = extractor as GuardedExtractor ?? new GuardedExtractor(extractor);
        _analyser = analyser ?? AnalyseWithinTime;
        Clustering = clustering;
        BatchSize = batchSize;
        CopyWindow = copyWindow;
    }

    private readonly Func<string, ArticleAnalysis> _analyser;

    /// <summary>A pipeline with the default configuration.</summary>
    public static StorylinePipeline Default { get; } = new StorylinePipelineBuilder().Build();

    /// <summary>The Reading stage.</summary>
    public DocumentReader Reader { get; }

    /// <summary>The Extraction stage (an exception it throws fails only the document it was extracting).</summary>
    public IArticleExtractor Extractor { get; }

    /// <summary>The grouping settings.</summary>
    public ClusteringOptions Clustering { get; }

    /// <summary>Articles stored per transaction.</summary>
    public int BatchSize { get; }

    /// <summary>
    /// Whether ingest finds and stores entities, cited sources and quotes (the Analysis stage), for articles whose
    /// language the models read (<see cref="ArticleAnalysis.Reads"/>).
    /// </summary>
    public bool Analyse { get; }

    /// <summary>
    /// How many stored articles a batch may take out of their stories to group them again with itself, when it reaches
    /// back among them; beyond it, it is grouped around them.
    /// </summary>
    public int RegroupLimit { get; }

    /// <summary>How far back (in publication time) a new article is checked for being a copy.</summary>
    public TimeSpan CopyWindow { get; }

    /// <summary>Reads and extracts each input: an article, or a problem naming the input.</summary>
    public IEnumerable<(Article? Article, InputProblem? Problem)> Extract(IEnumerable<string> paths, TextReader? standardInput = null)
    {
        foreach (var read in Reader.ReadPaths(paths, standardInput))
        {
            if (read.Problem is { } problem)
            {
                yield return (null, problem);
                continue;
            }

            var extracted = Extractor.Extract(read.Document!);
            if (extracted.Article is { } article && extracted.Warning is { } warning)
            {
                yield return (null, new InputProblem(article.Source, warning, IsWarning: true));
            }

            yield return extracted.Article is { } extractedArticle
                ? (extractedArticle, null)
                : (null, new InputProblem(read.Document!.Source, extracted.Failure!));
        }
    }

    /// <summary>
    /// Ingests inputs into <paramref name="store"/>: new articles are stored in batches of
    /// <see cref="BatchSize"/> (each one transaction), duplicates skipped, then every ungrouped article is
    /// put in a story while the full-text index takes in the new articles. Cancelling stops after the batch in
    /// flight is committed; grouping and indexing resume next time.
    /// </summary>
    public IngestReport Ingest(
        IEnumerable<string> paths,
        IStoryStore store,
        Action<InputProblem>? onProblem = null,
        IProgress<IngestProgress>? progress = null,
        TextReader? standardInput = null,
        CancellationToken cancellationToken = default) =>
        Ingest(Reader.ReadPaths(paths, standardInput), store, onProblem, progress, onStored: null, group: true, cancellationToken);

    /// <summary>
    /// Ingests documents read elsewhere (feed entries, fetched pages) exactly as <see cref="Ingest(IEnumerable{string}, IStoryStore, Action{InputProblem}?, IProgress{IngestProgress}?, TextReader?, CancellationToken)"/>
    /// ingests files: extracted, deduplicated, stored, analysed and grouped. <paramref name="onStored"/> is told of
    /// each article once its batch is committed, so that a caller can record what became of its documents.
    /// With <paramref name="group"/> false the articles are stored and indexed but left for a later ingest (or
    /// <see cref="Group"/>) to group: a caller storing several chunks of one time span groups once, as one ingest
    /// of them all would, rather than regrouping the span after every chunk.
    /// </summary>
    public IngestReport Ingest(
        IEnumerable<RawDocument> documents,
        IStoryStore store,
        Action<InputProblem>? onProblem = null,
        Action<Article>? onStored = null,
        bool group = true,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return Ingest(documents.Select(ReadResult.Of), store, onProblem, progress: null, onStored, group, cancellationToken);
    }

    private IngestReport Ingest(
        IEnumerable<ReadResult> reads,
        IStoryStore store,
        Action<InputProblem>? onProblem,
        IProgress<IngestProgress>? progress,
        Action<Article>? onStored,
        bool group,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (Analyse)
        {
            WarmUpAnalysis();
        }

        var report = new IngestReport();
        var duplicates = new IngestDuplicates(store);
        var batch = new List<NewArticle>(BatchSize);
        var prepared = PrepareInChunks(reads);
        foreach (var (article, problem, hash, signature, analysis) in prepared)
        {
            if (article is not null && problem is not null)
            {
                // Stored without a step that failed or ran over its budget: said, not counted a failure.
                report.Keep(problem);
                onProblem?.Invoke(problem);
            }
            else if (problem is not null)
            {
                if (problem.IsWarning)
                {
                    report.Skipped++;
                }
                else
                {
                    report.Read++;
                    report.Failed++;
                }

                report.Keep(problem);
                onProblem?.Invoke(problem);
                continue;
            }

            report.Read++;
            if (duplicates.IsNew(article!, hash!, out var toStore, out var renamed))
            {
                if (renamed is not null)
                {
                    report.Keep(renamed);
                    onProblem?.Invoke(renamed);
                }

                batch.Add(new NewArticle(toStore, hash!, signature, analysis));
                if (batch.Count >= BatchSize)
                {
                    Flush(store, batch, report, onStored);
                }
            }
            else
            {
                // The same text again: from the same source it is nothing new; from another source it is
                // recorded as another place the article was published.
                report.Duplicates++;
                Flush(store, batch, report, onStored);
                if (duplicates.OtherSource(article!, hash!) is { } match)
                {
                    store.AddAliases([(match.ArticleId, article!)]);
                }
            }

            progress?.Report(new IngestProgress("reading", report.Read, null));
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }
        }

        Flush(store, batch, report, onStored);

        // The full-text index is brought up to date in bulk on another connection while this thread groups (its
        // cores are otherwise half idle then); search catches up itself should this be cut short.
        var indexing = Task.Run(() => store.IndexPendingText(cancellationToken), CancellationToken.None);
        try
        {
            if (group && !cancellationToken.IsCancellationRequested)
            {
                Group(store, report, progress, cancellationToken);
            }
        }
        catch
        {
            // Grouping's failure is the one to report; the index, consistent either way, catches up next time.
            ((IAsyncResult)indexing).AsyncWaitHandle.WaitOne();
            throw;
        }

        indexing.GetAwaiter().GetResult();
        return report;
    }

    /// <summary>
    /// Extraction, hashing, signing and analysis on every core, in input order, up to three chunks ahead of the
    /// consumer (storing): reading stays sequential (files, stdin), the cores keep preparing while the store
    /// works on a chunk, and memory holds at most four chunks however slow the store is. (Three rather than two: with
    /// the server collector a chunk more in flight costs little, and 37k articles were ingested faster in 7 of 8
    /// alternating runs, by ~1 s, for ~10 MB more.)
    /// </summary>
    private IEnumerable<(Article? Article, InputProblem? Problem, string? Hash, MinHashSignature? Signature, ArticleAnalysis? Analysis)> PrepareInChunks(IEnumerable<ReadResult> reads) =>
        new ChunkedPreparation<ReadResult, (Article?, InputProblem?, string?, MinHashSignature?, ArticleAnalysis?)>(Prepare, chunkSize: 256, chunksAhead: 3).Run(reads);

    /// <summary>
    /// Loads the analysis models and compiles their code on a pool thread while the first chunk is read and
    /// extracted (model loading is ~0.3 s of start-up the preparing threads would otherwise wait for).
    /// The analysis keeps no state between calls, so this changes nothing but when the loading happens.
    /// </summary>
    private static void WarmUpAnalysis() =>
        _ = Task.Run(() => ArticleAnalysis.Of("\"We will rebuild the bridge,\" Mayor Jane Example of Springfield told Reuters on Tuesday."));

    /// <summary>Extraction, content hash, MinHash signature and analysis of one read result; thread-safe.</summary>
    private (Article? Article, InputProblem? Problem, string? Hash, MinHashSignature? Signature, ArticleAnalysis? Analysis) Prepare(ReadResult read)
    {
        if (read.Problem is { } problem)
        {
            return (null, problem, null, null, null);
        }

        var extracted = Extractor.Extract(read.Document!);
        if (extracted.Article is not { } article)
        {
            return (null, new InputProblem(read.Document!.Source, extracted.Failure!), null, null, null);
        }

        var declared = extracted.Warning is { } warning ? new InputProblem(article.Source, warning, IsWarning: true) : null;
        if (article.Paragraphs.Count == 0)
        {
            return (article, declared, ContentHash.ComputeHeadline(article.Outlet, article.Title ?? string.Empty), null, null);
        }

        // Articles in a language the models do not read are stored without entities, sources and quotes rather than with noise.
        var (analysis, skipped) = Analyse && ArticleAnalysis.Reads(article.Language) ? AnalyseOne(article) : (null, null);
        var reported = declared is null || skipped is null ? declared ?? skipped : declared with { Reason = $"{declared.Reason}; {skipped.Reason}" };
        return (article, reported, ContentHash.Compute(article.Text), MinHashSignature.Compute(article.Text), analysis);
    }

    /// <summary>
    /// The analysis of one article, within its budgets: a text over <see cref="MaxAnalysisChars"/>, an analysis over its
    /// time (<see cref="ArticleAnalysis.TimeBudget"/>) or one that throws leaves the article to be stored without it,
    /// with a warning naming the input.
    /// </summary>
    private (ArticleAnalysis? Analysis, InputProblem? Skipped) AnalyseOne(Article article)
    {
        const string Without = "stored without entities, quotes and sources";
        var text = article.Text;
        if (text.Length > MaxAnalysisChars)
        {
            return (null, new InputProblem(article.Source, $"text of {text.Length:N0} characters is over the analysis budget of {MaxAnalysisChars:N0}; {Without}", IsWarning: true));
        }

        try
        {
            return (_analyser(text), null);
        }
        catch (TimeoutException e)
        {
            return (null, new InputProblem(article.Source, $"{e.Message}; {Without}", IsWarning: true));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (null, new InputProblem(article.Source, $"analysis failed ({e.GetType().Name}: {e.Message}); {Without}", IsWarning: true));
        }
    }

    /// <summary>
    /// The longest text analysed, in characters: a million (a long book chapter; news articles run to tens of thousands),
    /// about 1-2 s of analysis on news and 5 s on hostile text. Longer texts are stored without analysis.
    /// </summary>
    internal const int MaxAnalysisChars = 1_000_000;

    private static ArticleAnalysis AnalyseWithinTime(string text) => ArticleAnalysis.Of(text, ArticleAnalysis.TimeBudget(text.Length));

    private static void Flush(IStoryStore store, List<NewArticle> batch, IngestReport report, Action<Article>? onStored)
    {
        if (batch.Count == 0)
        {
            return;
        }

        // An article another process stored since this one checked comes back without an id: a duplicate (and, for
        // onStored, in the store all the same).
        var added = store.AddArticles(batch).Count;
        report.Stored += added;
        report.Duplicates += batch.Count - added;
        if (onStored is not null)
        {
            foreach (var stored in batch)
            {
                onStored(stored.Article);
            }
        }

        batch.Clear();
    }

    /// <summary>
    /// Removes one stored article for good (a contributor's post withdrawn or replaced by an edit): taken out of its story
    /// as a regrouping takes articles out (its terms uncounted, the story recomputed or deleted when emptied), then
    /// deleted with everything stored about it. False when there is no such article.
    /// </summary>
    public bool RemoveArticle<TStore>(TStore store, long articleId)
        where TStore : IStoryStore, IArticleRemoval
    {
        ArgumentNullException.ThrowIfNull(store);
        ClusteringInput input;
        try
        {
            input = store.ReadForClustering(articleId);
        }
        catch (StoreException)
        {
            return false;
        }

        if (input.StoryId is not null)
        {
            var statistics = store.LoadTermStatistics();
            statistics.RemoveDocument(PreparedArticle.Prepare(input.Item, Clustering).Terms.Combined);
            store.Ungroup([articleId], statistics);
        }

        return store.RemoveArticle(articleId);
    }

    /// <summary>Grouping decisions held back at most while the full-text indexer writes (a few MB).</summary>
    private const int MaxUnsaved = 8_192;

    /// <summary>Stored articles an undated article is compared with, at most (the newest that share its terms).</summary>
    private const int EarlierMatches = 10;

    /// <summary>
    /// Takes the stored articles grouped at or after <paramref name="batchStart"/> out of their stories, their terms
    /// uncounted, for the batch to be grouped together with them: a batch that reaches back among stored articles then
    /// gives the stories one ingest of everything would. Null when none are, or more than <see cref="RegroupLimit"/>.
    /// </summary>
    private Ungrouping? Ungroup(IStoryStore store, DateTimeOffset batchStart, TermStatistics statistics)
    {
        if (RegroupLimit == 0 || store.GroupedSince(batchStart, RegroupLimit) is not { Count: > 0 } articles)
        {
            return null;
        }

        foreach (var id in articles)
        {
            statistics.RemoveDocument(PreparedArticle.Prepare(store.ReadForClustering(id).Item, Clustering).Terms.Combined);
        }

        return store.Ungroup(articles, statistics);
    }

    /// <summary>Puts every stored article that has no story yet into one, in publication order.</summary>
    public void Group(IStoryStore store, IngestReport report, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(report);
        var ungrouped = store.UngroupedArticles();
        if (ungrouped.Count == 0)
        {
            return;
        }

        var statistics = store.LoadTermStatistics();
        var nextStoryId = store.NextStoryId();
        // With stories stored, an undated article may belong to one begun in an earlier ingest: looked for in the
        // full-text index by the article's distinctive terms.
        var earlier = nextStoryId > 1
            ? new EarlierArticles(statistics, terms => store.FindGroupedByTerms(terms, EarlierMatches), id => store.ReadForClustering(id).Item)
            : null;
        // Stored articles from the batch's earliest publication time on are grouped again in one stream with it, as one
        // ingest of both would. Not from an undated article's estimate, which may lie far back (dated by an old stored
        // story) and would regroup everything since for one article.
        var regrouped = earlier is not null && ungrouped.Min(u => u.Published) is { } batchStart ? Ungroup(store, batchStart, statistics) : null;
        if (regrouped is not null)
        {
            ungrouped = store.UngroupedArticles();
        }

        var estimated = UndatedTimes.Estimate(ungrouped, i => store.ReadForClustering(ungrouped[i].Id).Item, Clustering, earlier);
        var order = GroupingOrder.Of(ungrouped, estimated);
        var clusterer = new StoryClusterer(Clustering, statistics, nextStoryId);
        var formerIds = regrouped?.FormerStory.Values.ToHashSet() ?? [];
        report.Regrouped = regrouped is null ? 0 : regrouped.Articles;
        if (regrouped is { FormerStory.Count: > 0 })
        {
            // A story started by an article that was in a story no longer there takes that story's id (once), so that
            // regrouping keeps the ids readers know where it can.
            var free = formerIds.ToHashSet();
            clusterer.FormerStoryId = articleId => regrouped.FormerStory.TryGetValue(articleId, out var former) && free.Remove(former) ? former : null;
        }

        var start = order.FirstDated ?? store.LatestStoryActivity();
        var since = start - Clustering.Window;
        var copies = new CopyTracker(CopyWindow);
        var copyHorizon = start - CopyWindow;
        // Nothing stored after the batch's last time can be met (a story a window after it): a backfill into a large
        // store reads and holds only what its own span reaches.
        var lastReach = order.LastReach;
        var stored = new StoredStream(
            store,
            clusterer,
            since is { } horizon ? store.OpenStories(horizon, lastReach + Clustering.Window) : [],
            copies,
            copyHorizon is { } h ? [.. store.ReadSignatures(h, lastReach + CopyWindow)] : [],
            Clustering.Window,
            CopyWindow);
        stored.RestoreTruncated(regrouped?.Truncated ?? []);

        var updated = new HashSet<long>();
        var assignments = new List<ClusterAssignment>();
        var links = new List<CopyLink>();
        var changedStories = new Dictionary<long, StorySnapshot>();
        var done = 0;
        // Reads are sequential (one connection, on this thread); tokenising is parallel and runs a chunk ahead,
        // on the other cores, while this thread makes the sequential decisions for the chunk before it.
        var chunks = order.Items.Chunk(512).ToArray();
        var read = ChunkLookahead.Run(
            chunks.Length,
            c => chunks[c].Select(entry => (Input: store.ReadForClustering(entry.Id), entry.Time, entry.Until)).ToArray(),
            x =>
            {
                var prepared = PreparedArticle.Prepare(x.Input.Item with { Time = x.Time, Until = x.Until }, Clustering);
                prepared.Terms.LookUpKnown(statistics);
                return prepared;
            },
            cancellationToken);
        var c = 0;
        foreach (var (inputs, tokenised) in read)
        {
            var chunk = chunks[c++];
            for (var i = 0; i < chunk.Length && !cancellationToken.IsCancellationRequested; i++)
            {
                var (id, time, until) = chunk[i];
                stored.AdvanceTo(time, until ?? time);
                var signature = inputs[i].Input.Signature;
                var copy = signature is not null ? copies.FindOriginal(time, signature) : null;
                var laterCopy = copy is null && signature is not null ? stored.FindLaterCopy(time, signature) : null;
                var assignment = clusterer.Add(tokenised[i], copy?.StoryId ?? laterCopy?.StoryId);
                assignments.Add(assignment);
                if (copy is { } found)
                {
                    links.Add(new CopyLink(id, found.OriginalId, found.Jaccard));
                }
                else if (laterCopy is { } reprint && assignment.StoryId == reprint.StoryId)
                {
                    // A stored reprint of this older article: now its copy, and so are the reprint's own copies.
                    links.Add(new CopyLink(reprint.ArticleId, id, reprint.Jaccard));
                    stored.Revise(reprint.ArticleId, id);
                    report.CopiesFound++;
                }

                if (signature is not null)
                {
                    copies.Add(id, time, signature, assignment.StoryId, copy?.OriginalId);
                }

                if (stored.Restored.Contains(assignment.StoryId) || formerIds.Contains(assignment.StoryId))
                {
                    updated.Add(assignment.StoryId);
                }
                else if (assignment.StartedStory)
                {
                    report.StoriesCreated++;
                }

                progress?.Report(new IngestProgress("grouping", ++done, order.Count));
            }

            foreach (var story in clusterer.TakeChangedStories())
            {
                changedStories[story.StoryId] = story;
            }

            // While the full-text indexer has the write turn, the chunk's grouping is saved with a later chunk's
            // rather than waited for (the indexer's batches come back to back); the last chunk waits, and so does one
            // that would hold more than MaxUnsaved assignments, so memory stays bounded however long indexing takes.
            // From half that many on, a try that fails reserves the next turn, so that a later chunk's try finds it
            // free instead of the full chunk having to wait (37k articles: forced waits 0.8-1.1 s -> none).
            var last = c == chunks.Length || cancellationToken.IsCancellationRequested;
            if (last || assignments.Count >= MaxUnsaved)
            {
                store.SaveGrouping(assignments, [.. changedStories.Values], statistics, links);
            }
            else if (!store.TrySaveGrouping(assignments, [.. changedStories.Values], statistics, links, reserve: assignments.Count >= MaxUnsaved / 2))
            {
                continue;
            }

            assignments.Clear();
            links.Clear();
            changedStories.Clear();
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }
        }

        if (regrouped is { FormerStory.Count: > 0 })
        {
            store.RecordStoryAliases(regrouped.FormerStory);
        }

        report.CopiesFound += copies.Found;
        report.StoriesUpdated = updated.Count;
    }
}
