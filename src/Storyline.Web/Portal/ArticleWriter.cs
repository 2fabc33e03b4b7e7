using System.Text.Json.Nodes;
using Storyline.Storage;
using Storyline.Web.Hosting;

namespace Storyline.Web.Portal;

/// <summary>What storing one article gave.</summary>
/// <param name="Stored">The article as stored (with its story), when it was stored.</param>
/// <param name="Duplicate">True when the same article (same text, or same outlet and id) was already stored.</param>
/// <param name="Problem">Why it was refused, when it was.</param>
internal sealed record WriteOutcome(ArticleDetail? Stored, bool Duplicate, string? Problem);

/// <summary>
/// The server's one writer: an article posted through the API or written by a contributor is ingested as a JSONL line
/// of <c>storyline ingest</c> (read, extracted, analysed, deduplicated, grouped into stories), one at a time. SQLite
/// takes one writer at a time anyway; an ingest running in another process makes this wait (busy timeout), not fail.
/// </summary>
internal sealed class ArticleWriter(StorePool pool, StoryGeneration generation) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly StorylinePipeline _pipeline = StorylinePipeline.Default;

    public async Task<WriteOutcome> IngestAsync(JsonObject article, CancellationToken cancellationToken)
    {
        var line = article.ToJsonString();
        var externalId = (string)article["id"]!;
        var outlet = article["outlet"] is JsonValue o && o.TryGetValue<string>(out var name) ? name : null;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(() =>
            {
                using var store = SqliteStoryStore.Open(pool.Path);
                string? problem = null;
                var report = _pipeline.Ingest([Reading.DocumentReader.StandardInputName], store, p => problem ??= p.Reason, standardInput: new StringReader(line));
                generation.Refresh();
                if (report.Failed > 0 || problem is not null && report.Stored == 0 && report.Duplicates == 0)
                {
                    return new WriteOutcome(null, false, problem ?? "the article could not be read");
                }

                var stored = store.GetArticle(externalId, Extraction.OutletName.Clean(outlet));
                return stored is null
                    ? new WriteOutcome(null, true, "the same text is already stored as another article")
                    : new WriteOutcome(stored, report.Stored == 0, null);
            }, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>Removes a stored article for good (out of its story); false when there is none.</summary>
    public async Task<bool> RemoveAsync(long articleId)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            return await Task.Run(() =>
            {
                using var store = SqliteStoryStore.Open(pool.Path);
                var removed = _pipeline.RemoveArticle(store, articleId);
                generation.Refresh();
                return removed;
            }).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}
