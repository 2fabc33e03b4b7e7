using Storyline.Storage;
using static Storyline.Tests.Storage.StoreTestData;

namespace Storyline.Tests.Storage;

public sealed class ArticleStorageTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _path;
    private readonly SqliteStoryStore _store;

    public ArticleStorageTests()
    {
        _path = _temp.File("store.db");
        _store = SqliteStoryStore.Open(_path);
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    private List<long> Fts(string query)
    {
        using var connection = Connect(_path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH $q ORDER BY rowid;";
        command.Parameters.AddWithValue("$q", query);
        using var reader = command.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    [Fact]
    public void Added_articles_get_increasing_ids_in_order()
    {
        var ids = _store.AddArticles([Article("a", "First text."), Article("b", "Second text."), Article("c", "Third text.", outlet: "Other")]);

        Assert.Equal(3, ids.Count);
        Assert.True(ids[0] < ids[1] && ids[1] < ids[2]);
        Assert.Equal(new StoreCounts(3, 0, 2), _store.Counts());
        Assert.Equal(ids, _store.UngroupedArticles().Select(u => u.Id));
    }

    [Fact]
    public void Empty_batch_stores_nothing()
    {
        Assert.Empty(_store.AddArticles([]));
        Assert.Equal(0, _store.Counts().Articles);
    }

    [Fact]
    public void Contains_finds_articles_by_hash_and_by_outlet_and_external_id()
    {
        var stored = Article("ext-1", "Musk could be granted asylum.");
        _store.AddArticles([stored]);

        Assert.True(_store.Contains(stored.ContentHash, null, "anything"));
        Assert.True(_store.Contains("other-hash", "Example News", "ext-1"));
        Assert.False(_store.Contains("other-hash", "Another Outlet", "ext-1"));
        Assert.False(_store.Contains("other-hash", "Example News", "ext-2"));
        Assert.False(_store.Contains("other-hash", null, "ext-1"));
    }

    [Fact]
    public void Article_without_outlet_is_found_only_by_hash()
    {
        var stored = Article("loose", "No outlet here.", outlet: null);
        _store.AddArticles([stored]);

        Assert.True(_store.Contains(stored.ContentHash, null, "loose"));
        Assert.False(_store.Contains("x", null, "loose"));
        Assert.Equal(0, _store.Counts().Outlets);
    }

    [Fact]
    public void A_duplicate_hash_in_a_batch_is_skipped_and_the_rest_stored()
    {
        var batch = new[] { Article("a", "Same text.", outlet: "New Outlet"), Article("b", "Different text."), Article("c", "SAME   text.") };

        var ids = _store.AddArticles(batch);

        Assert.Equal(2, ids.Count);
        Assert.Equal(2, _store.Counts().Articles);
        Assert.True(_store.Contains(batch[1].ContentHash, null, "b"));
        Assert.False(_store.Contains("x", "Example News", "c"));
    }

    [Fact]
    public void An_article_stored_since_it_was_checked_is_skipped_not_an_error()
    {
        // Another process stored "Original text." after this one found it new: the write transaction checks again.
        var first = Article("a", "Original text.");
        using (var other = SqliteStoryStore.Open(_path))
        {
            other.AddArticles([first]);
        }

        var ids = _store.AddArticles([Article("b", "Fresh text.", outlet: "Fresh Outlet"), Article("c", "Original text.")]);

        Assert.Single(ids);
        Assert.Equal(2, _store.Counts().Articles);
        Assert.True(_store.Contains("x", "Fresh Outlet", "b"));
        Assert.False(_store.Contains("x", "Example News", "c"));
    }

    [Fact]
    public void Duplicate_outlet_and_external_id_is_skipped()
    {
        _store.AddArticles([Article("same-id", "Text one.")]);

        var ids = _store.AddArticles([Article("other", "Text two."), Article("same-id", "Text three.")]);

        Assert.Single(ids);
        Assert.Equal(2, _store.Counts().Articles);
    }

    [Fact]
    public void A_failed_batch_rolls_back_whole_and_the_store_stays_usable_with_its_new_outlet()
    {
        // The outlet row inserted inside the failed transaction is gone; a cached id for it would break the next insert.
        Execute(_path, "CREATE TRIGGER fail BEFORE INSERT ON articles WHEN new.external_id = 'boom' BEGIN SELECT RAISE(ABORT, 'boom'); END;");

        Assert.ThrowsAny<Exception>(() => _store.AddArticles([Article("a", "Fine.", outlet: "Brand New"), Article("boom", "Boom.", outlet: "Brand New")]));
        Assert.Equal(new StoreCounts(0, 0, 0), _store.Counts());
        Assert.Equal(0L, Scalar(_path, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'fine';"));

        var ids = _store.AddArticles([Article("c", "Fine text.", outlet: "Brand New")]);

        Assert.Single(ids);
        Assert.True(_store.Contains("x", "Brand New", "c"));
        Assert.Equal(new StoreCounts(1, 0, 1), _store.Counts());
    }

    [Fact]
    public void Full_text_index_takes_in_stored_articles_in_bulk_when_asked()
    {
        var ids = _store.AddArticles([
            Article("a", "Russia could grant Elon Musk political asylum, a lawmaker said."),
            Article("b", "The Fed kept rates unchanged.", title: "Rates on hold"),
        ]);

        // Storing does not index (ingest indexes in bulk afterwards, on another connection).
        Assert.Empty(Fts("asylum"));
        Assert.Equal(2, _store.IndexPendingText());
        Assert.Equal(0, _store.IndexPendingText());

        Assert.Equal([ids[0]], Fts("asylum"));
        Assert.Equal([ids[1]], Fts("rates"));
        Assert.Equal([ids[1]], Fts("title:hold"));
        Assert.Empty(Fts("snowden"));
    }

    [Fact]
    public void Search_indexes_what_is_pending_first()
    {
        var first = _store.AddArticles([Article("a", "Russia could grant Elon Musk political asylum, a lawmaker said.")])[0];
        Assert.Equal(first, Assert.Single(_store.Search("asylum", 10)).Article.Id);

        // Stored after a catch-up, and across more than one indexing batch.
        var more = _store.AddArticles([.. Enumerable.Range(0, 2100).Select(i => Article($"m{i}", $"Harbour report number {i} on asylum boats."))]);
        Assert.Equal(more[^1], Assert.Single(_store.Search("\"number 2099\"", 10)).Article.Id);
        Assert.Equal(0, _store.IndexPendingText());
        Assert.Equal(2101, Fts("asylum").Count);
    }

    [Fact]
    public void Stored_columns_hold_the_article_fields()
    {
        var id = _store.AddArticles([Article("col", "Paragraph text.", title: "A title", published: "2025-06-07T07:46:00+02:00")])[0];
        using var connection = Connect(_path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT external_id, source, url, title, published, published_utc, published_raw, authors, metadata, text FROM articles WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();

        Assert.True(reader.Read());
        Assert.Equal("col", reader.GetString(0));
        Assert.Equal("col.txt", reader.GetString(1));
        Assert.Equal("https://example.com/col", reader.GetString(2));
        Assert.Equal("A title", reader.GetString(3));
        Assert.Equal("2025-06-07T05:46:00Z", reader.GetString(4));
        Assert.StartsWith("2025-06-07T05:46:00", reader.GetString(5), StringComparison.Ordinal);
        Assert.Equal("2025-06-07T07:46:00+02:00", reader.GetString(6));
        Assert.Equal("""["Ann Lee"]""", reader.GetString(7));
        Assert.Equal("""{"category":"b"}""", reader.GetString(8));
        Assert.Equal("Paragraph text.", reader.GetString(9));
    }

    [Fact]
    public void Ungrouped_articles_carry_their_utc_time_or_null()
    {
        _store.AddArticles([Article("dated", "One.", published: "2025-06-07T07:46:00+02:00"), Article("undated", "Two.")]);

        var ungrouped = _store.UngroupedArticles();

        Assert.Equal(new DateTimeOffset(2025, 6, 7, 5, 46, 0, TimeSpan.Zero), ungrouped[0].Published);
        Assert.Null(ungrouped[1].Published);
    }

    [Fact]
    public void Read_for_clustering_returns_the_article_and_fails_for_unknown_ids()
    {
        var id = _store.AddArticles([Article("r", "Clustering text.", title: "T")])[0];

        var input = _store.ReadForClustering(id);

        Assert.Equal(id, input.Item.Id);
        Assert.Equal("T", input.Item.Title);
        Assert.Equal("Clustering text.", input.Item.Text);
        Assert.Null(input.StoryId);
        Assert.Throws<StoreException>(() => _store.ReadForClustering(id + 100));
    }

    [Fact]
    public void A_second_connection_sees_committed_articles()
    {
        _store.AddArticles([Article("v", "Visible text.")]);

        Assert.Equal(1L, Scalar(_path, "SELECT count(*) FROM articles;"));
    }
}
