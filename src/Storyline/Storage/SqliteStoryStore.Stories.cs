using System.Globalization;
using Microsoft.Data.Sqlite;
using Storyline.Clustering;
using Storyline.Dedup;

namespace Storyline.Storage;

/// <summary>Grouping state and story queries.</summary>
public sealed partial class SqliteStoryStore
{
    private const string DocumentCountKey = "term_stats.document_count";

    /// <inheritdoc />
    public IReadOnlyList<(long Id, DateTimeOffset? Published)> UngroupedArticles()
    {
        using var command = Command("""
            SELECT a.id, a.published_utc FROM articles a
            WHERE NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = a.id)
            ORDER BY a.id;
            """);
        using var reader = command.ExecuteReader();
        var result = new List<(long, DateTimeOffset?)>();
        while (reader.Read())
        {
            result.Add((reader.GetInt64(0), ParseUtc(reader.IsDBNull(1) ? null : reader.GetString(1))));
        }

        return result;
    }

    /// <inheritdoc />
    public ClusteringInput ReadForClustering(long articleId)
    {
        var command = Prepared("""
            SELECT a.id, a.title, a.text, a.published_utc, s.story_id, o.name, g.shingles, g.signature, a.url FROM articles a
            LEFT JOIN story_articles s ON s.article_id = a.id LEFT JOIN outlets o ON o.id = a.outlet_id
            LEFT JOIN article_signatures g ON g.article_id = a.id WHERE a.id = $id;
            """);
        command.Parameters.AddWithValue("$id", articleId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ClusteringInputOf(reader) : throw new StoreException($"article {articleId} is not stored");
    }

    /// <inheritdoc />
    public IReadOnlyList<(long StoryId, DateTimeOffset? First)> OpenStories(DateTimeOffset since, DateTimeOffset? until = null)
    {
        using var command = Command("""
            SELECT st.id, min(coalesce(a.published_utc, s.placed_at)) AS first FROM stories st
            JOIN story_articles s ON s.story_id = st.id JOIN articles a ON a.id = s.article_id
            WHERE st.last_updated >= $since OR st.id IN (SELECT story_id FROM story_articles WHERE placed_until >= $since)
            GROUP BY st.id HAVING first IS NULL OR $until IS NULL OR first <= $until ORDER BY first, st.id;
            """);
        command.Parameters.AddWithValue("$since", FormatUtc(since));
        command.Parameters.AddWithValue("$until", until is { } u ? FormatUtc(u) : DBNull.Value);
        using var reader = command.ExecuteReader();
        var stories = new List<(long, DateTimeOffset?)>();
        while (reader.Read())
        {
            stories.Add((reader.GetInt64(0), ParseUtc(NullableString(reader, 1))));
        }

        return stories;
    }

    /// <inheritdoc />
    public IEnumerable<ClusteringInput> ReadStory(long storyId)
    {
        var command = Prepared("""
            SELECT a.id, a.title, a.text, coalesce(a.published_utc, s.placed_at), s.story_id, o.name, NULL, NULL, a.url, s.placed_until FROM story_articles s
            JOIN articles a ON a.id = s.article_id LEFT JOIN outlets o ON o.id = a.outlet_id
            WHERE s.story_id = $story ORDER BY coalesce(a.published_utc, s.placed_at), a.id;
            """);
        command.Parameters.AddWithValue("$story", storyId);
        var inputs = new List<ClusteringInput>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                inputs.Add(ClusteringInputOf(reader));
            }
        }

        return inputs;
    }

    private static ClusteringInput ClusteringInputOf(SqliteDataReader reader) => new(
        new ClusterItem(
            reader.GetInt64(0),
            NullableString(reader, 1),
            reader.GetString(2),
            ParseUtc(NullableString(reader, 3)),
            NullableString(reader, 5),
            NullableString(reader, 8),
            reader.FieldCount > 9 ? ParseUtc(NullableString(reader, 9)) : null),
        reader.IsDBNull(4) ? null : reader.GetInt64(4),
        reader.IsDBNull(7) ? null : MinHashSignature.FromBytes((byte[])reader.GetValue(7), reader.GetInt32(6)));

    /// <inheritdoc />
    public IEnumerable<DedupEntry> ReadSignatures(DateTimeOffset since, DateTimeOffset? until = null)
    {
        using var command = Command("""
            SELECT a.id, a.published_utc, g.shingles, g.signature, s.story_id, a.copy_of FROM articles a
            JOIN article_signatures g ON g.article_id = a.id JOIN story_articles s ON s.article_id = a.id
            WHERE a.published_utc >= $since AND ($until IS NULL OR a.published_utc <= $until)
            ORDER BY a.published_utc, a.id;
            """);
        command.Parameters.AddWithValue("$since", FormatUtc(since));
        command.Parameters.AddWithValue("$until", until is { } u ? FormatUtc(u) : DBNull.Value);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new DedupEntry(
                reader.GetInt64(0),
                ParseUtc(reader.GetString(1)),
                MinHashSignature.FromBytes((byte[])reader.GetValue(3), reader.GetInt32(2)),
                reader.GetInt64(4),
                reader.IsDBNull(5) ? null : reader.GetInt64(5));
        }
    }

    /// <inheritdoc />
    public DateTimeOffset? LatestStoryActivity() => ParseUtc(Scalar("SELECT max(last_updated) FROM stories;"));

    /// <inheritdoc />
    public TermStatistics LoadTermStatistics()
    {
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var command = Command("SELECT term, df FROM term_stats;"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                frequencies[reader.GetString(0)] = reader.GetInt32(1);
            }
        }

        var count = Scalar($"SELECT value FROM settings WHERE key = '{DocumentCountKey}';") is string s ? long.Parse(s, CultureInfo.InvariantCulture) : 0;
        return new TermStatistics(frequencies, count);
    }

    /// <inheritdoc />
    public IReadOnlyList<long>? GroupedSince(DateTimeOffset since, int limit)
    {
        using var command = Command("SELECT article_id FROM story_articles WHERE placed_at >= $since ORDER BY placed_at, article_id LIMIT $limit;");
        command.Parameters.AddWithValue("$since", FormatUtc(since));
        command.Parameters.AddWithValue("$limit", limit + 1);
        using var reader = command.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids.Count > limit ? null : ids;
    }

    /// <inheritdoc />
    public Ungrouping Ungroup(IReadOnlyList<long> articles, TermStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(statistics);
        using var turn = _writeTurns.Foreground();
        using var transaction = _connection.BeginTransaction();
        Execute("CREATE TEMP TABLE IF NOT EXISTS regroup (article_id INTEGER PRIMARY KEY, story_id INTEGER NOT NULL);", transaction);
        Execute("DELETE FROM regroup;", transaction);
        using (var insert = Command("INSERT INTO regroup (article_id, story_id) SELECT article_id, story_id FROM story_articles WHERE article_id = $id;", transaction))
        {
            var id = insert.Parameters.Add("$id", SqliteType.Integer);
            foreach (var article in articles)
            {
                id.Value = article;
                insert.ExecuteNonQuery();
            }
        }

        Execute("""
            UPDATE articles SET copy_of = NULL, copy_similarity = NULL WHERE id IN (SELECT article_id FROM regroup);
            DELETE FROM story_articles WHERE article_id IN (SELECT article_id FROM regroup);
            """, transaction);
        var former = new Dictionary<long, long>();
        var truncated = new List<long>();
        using (var command = Command("""
            SELECT r.article_id, r.story_id, EXISTS (SELECT 1 FROM story_articles s WHERE s.story_id = r.story_id) FROM regroup r;
            """, transaction))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                if (reader.GetBoolean(2))
                {
                    truncated.Add(reader.GetInt64(1));
                }
                else
                {
                    former[reader.GetInt64(0)] = reader.GetInt64(1);
                }
            }
        }

        Execute("""
            DELETE FROM stories WHERE id IN (SELECT story_id FROM regroup) AND NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.story_id = stories.id);
            UPDATE stories SET
                article_count = (SELECT count(*) FROM story_articles s WHERE s.story_id = stories.id),
                first_seen = (SELECT min(s.placed_at) FROM story_articles s WHERE s.story_id = stories.id),
                last_updated = (SELECT max(s.placed_at) FROM story_articles s WHERE s.story_id = stories.id)
            WHERE id IN (SELECT story_id FROM regroup);
            DELETE FROM regroup;
            """, transaction);
        WriteStatistics(statistics, transaction);
        transaction.Commit();
        statistics.TakeChanges();
        return new Ungrouping(former, [.. truncated.Distinct()], articles.Count);
    }

    /// <inheritdoc />
    public void RecordStoryAliases(IReadOnlyDictionary<long, long> formerStory)
    {
        ArgumentNullException.ThrowIfNull(formerStory);
        using var turn = _writeTurns.Foreground();
        using var transaction = _connection.BeginTransaction();
        using var target = Command("""
            SELECT s.story_id FROM story_articles s WHERE s.article_id IN (SELECT value FROM json_each($articles))
            GROUP BY s.story_id ORDER BY count(*) DESC, s.story_id LIMIT 1;
            """, transaction);
        using var alias = Command("""
            DELETE FROM story_aliases WHERE old_id = $old;
            UPDATE story_aliases SET story_id = $story WHERE story_id = $old AND $story IS NOT NULL;
            INSERT INTO story_aliases (old_id, story_id) SELECT $old, $story WHERE $story IS NOT NULL AND $story <> $old;
            """, transaction);
        using var exists = Command("SELECT EXISTS (SELECT 1 FROM stories WHERE id = $old);", transaction);
        foreach (var group in formerStory.GroupBy(p => p.Value, p => p.Key))
        {
            exists.Parameters.Clear();
            exists.Parameters.AddWithValue("$old", group.Key);
            long? story = group.Key; // formed again under its id: any alias of it is dropped
            if (Convert.ToInt64(exists.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
            {
                target.Parameters.Clear();
                target.Parameters.AddWithValue("$articles", "[" + string.Join(',', group) + "]");
                story = target.ExecuteScalar() as long?;
            }

            alias.Parameters.Clear();
            alias.Parameters.AddWithValue("$old", group.Key);
            alias.Parameters.AddWithValue("$story", story is { } s ? s : DBNull.Value);
            alias.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <inheritdoc />
    public long NextStoryId() => Convert.ToInt64(Scalar("SELECT coalesce(max(id), 0) + 1 FROM stories;"), CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public void SaveGrouping(IReadOnlyList<ClusterAssignment> assignments, IReadOnlyList<StorySnapshot> stories, TermStatistics statistics, IReadOnlyList<CopyLink>? copies = null)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        ArgumentNullException.ThrowIfNull(stories);
        ArgumentNullException.ThrowIfNull(statistics);
        using var turn = _writeTurns.Foreground();
        WriteGrouping(assignments, stories, statistics, copies);
    }

    /// <inheritdoc />
    public bool TrySaveGrouping(IReadOnlyList<ClusterAssignment> assignments, IReadOnlyList<StorySnapshot> stories, TermStatistics statistics, IReadOnlyList<CopyLink>? copies = null, bool reserve = false)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        ArgumentNullException.ThrowIfNull(stories);
        ArgumentNullException.ThrowIfNull(statistics);
        if (!_writeTurns.TryForeground(out var turn, reserve))
        {
            return false;
        }

        using (turn)
        {
            WriteGrouping(assignments, stories, statistics, copies);
        }

        return true;
    }

    private void WriteGrouping(IReadOnlyList<ClusterAssignment> assignments, IReadOnlyList<StorySnapshot> stories, TermStatistics statistics, IReadOnlyList<CopyLink>? copies)
    {
        using var transaction = _connection.BeginTransaction();
        var now = FormatUtc(DateTimeOffset.UtcNow);
        // Thousands of rows a chunk on the sequential grouping thread: raw statements bound by position.
        using (var upsert = new RawStatement(_connection, """
            INSERT INTO stories (id, title, first_seen, last_updated, article_count, created_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            ON CONFLICT(id) DO UPDATE SET title = excluded.title, first_seen = excluded.first_seen,
                last_updated = excluded.last_updated, article_count = excluded.article_count;
            """))
        {
            upsert.Bind(6, now);
            foreach (var story in stories)
            {
                upsert.Bind(1, story.StoryId);
                upsert.Bind(2, story.Title);
                upsert.Bind(3, story.FirstSeen is { } f ? FormatUtc(f) : null);
                upsert.Bind(4, story.LastUpdated is { } l ? FormatUtc(l) : null);
                upsert.Bind(5, story.ArticleCount);
                upsert.Execute();
            }
        }

        using (var member = new RawStatement(_connection, "INSERT INTO story_articles (article_id, story_id, similarity, placed_at, placed_until) VALUES (?1, ?2, ?3, ?4, ?5);"))
        {
            foreach (var assignment in assignments)
            {
                member.Bind(1, assignment.ArticleId);
                member.Bind(2, assignment.StoryId);
                member.Bind(3, assignment.Similarity);
                member.Bind(4, assignment.Time is { } time ? FormatUtc(time) : null);
                member.Bind(5, assignment.Until is { } until ? FormatUtc(until) : null);
                member.Execute();
            }
        }

        // A copy of a copy is a copy of the original: when a stored article becomes a copy (an older report of it
        // arrived later), its own copies are moved to that report first.
        using (var chain = Command("UPDATE articles SET copy_of = $original WHERE copy_of = $copy;", transaction))
        {
            foreach (var copy in copies ?? [])
            {
                chain.Parameters.Clear();
                chain.Parameters.AddWithValue("$copy", copy.CopyId);
                chain.Parameters.AddWithValue("$original", copy.OriginalId);
                chain.ExecuteNonQuery();
            }
        }

        using (var link = Command("UPDATE articles SET copy_of = $original, copy_similarity = $similarity WHERE id = $copy;", transaction))
        {
            foreach (var copy in copies ?? [])
            {
                link.Parameters.Clear();
                link.Parameters.AddWithValue("$copy", copy.CopyId);
                link.Parameters.AddWithValue("$original", copy.OriginalId);
                link.Parameters.AddWithValue("$similarity", copy.Similarity);
                link.ExecuteNonQuery();
            }
        }

        WriteStatistics(statistics, transaction);
        transaction.Commit();
        statistics.TakeChanges();
    }

    /// <summary>The term frequencies changed since the statistics were last saved, and the document count.</summary>
    private void WriteStatistics(TermStatistics statistics, SqliteTransaction transaction)
    {
        using (var term = new RawStatement(_connection, "INSERT INTO term_stats (term, df) VALUES (?1, ?2) ON CONFLICT(term) DO UPDATE SET df = df + excluded.df;"))
        {
            foreach (var (text, increase) in statistics.PendingChanges)
            {
                term.Bind(1, text);
                term.Bind(2, increase);
                term.Execute();
            }
        }

        using var count = Command("INSERT INTO settings (key, value) VALUES ($key, $value) ON CONFLICT(key) DO UPDATE SET value = excluded.value;", transaction);
        count.Parameters.AddWithValue("$key", DocumentCountKey);
        count.Parameters.AddWithValue("$value", statistics.DocumentCount.ToString(CultureInfo.InvariantCulture));
        count.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public IReadOnlyList<StorySummary> ListStories(int limit = int.MaxValue) => QueryStories(
        "SELECT id, title FROM stories ORDER BY last_updated IS NULL, last_updated DESC, id DESC LIMIT $limit;",
        ("$limit", limit));

    /// <inheritdoc />
    public StorySummary? GetStory(long storyId) =>
        QueryStories("SELECT id, title FROM stories WHERE id = $id;", ("$id", storyId)).FirstOrDefault()
        ?? QueryStories("SELECT s.id, s.title FROM story_aliases a JOIN stories s ON s.id = a.story_id WHERE a.old_id = $id;", ("$id", storyId)).FirstOrDefault();

    /// <inheritdoc />
    public IReadOnlyList<SearchHit> Search(string query, int limit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        var fts = SearchQuery.ToFts(query);
        if (!IsReadOnly)
        {
            // A read-only store searches what is indexed; the next ingest or writable search indexes the rest.
            IndexPendingText();
        }

        using var command = Command("""
            SELECT a.id, a.external_id, o.name, a.title, a.published, a.url, a.source, s.story_id,
                   snippet(articles_fts, 1, '[', ']', '…', 24)
            FROM articles_fts f JOIN articles a ON a.id = f.rowid
            LEFT JOIN outlets o ON o.id = a.outlet_id LEFT JOIN story_articles s ON s.article_id = a.id
            WHERE articles_fts MATCH $query ORDER BY bm25(articles_fts, 3.0, 1.0) LIMIT $limit;
            """);
        command.Parameters.AddWithValue("$query", fts);
        command.Parameters.AddWithValue("$limit", limit);
        var hits = new List<SearchHit>();
        try
        {
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var article = new StoredArticle(reader.GetInt64(0), reader.GetString(1), NullableString(reader, 2), NullableString(reader, 3),
                    NullableString(reader, 4), NullableString(reader, 5), reader.GetString(6));
                hits.Add(new SearchHit(article, reader.IsDBNull(7) ? null : reader.GetInt64(7), NullableString(reader, 8) ?? string.Empty));
            }
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 1)
        {
            throw new StoreException($"invalid search query '{query}': {e.Message}", e);
        }

        return hits;
    }

    /// <inheritdoc />
    public StoryDetails GetStoryDetails(long storyId)
    {
        var rows = new List<(Analysis.Entities.EntityType Type, string Name, long Article, int Mentions)>();
        using (var command = Command("""
            SELECT e.type, e.canonical, e.article_id, e.mentions FROM article_names e
            JOIN story_articles s ON s.article_id = e.article_id WHERE s.story_id = $story;
            """))
        {
            command.Parameters.AddWithValue("$story", storyId);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (Analysis.Entities.Labels.Parse(reader.GetString(0)) is { } type)
                {
                    rows.Add((type, reader.GetString(1), reader.GetInt64(2), reader.GetInt32(3)));
                }
            }
        }

        var sources = new List<(string?, IReadOnlyList<string>)>();
        using (var command = Command("""
            SELECT o.name, group_concat(DISTINCT c.name) FROM article_sources c
            JOIN story_articles s ON s.article_id = c.article_id JOIN articles a ON a.id = c.article_id
            LEFT JOIN outlets o ON o.id = a.outlet_id WHERE s.story_id = $story
            GROUP BY o.name ORDER BY o.name;
            """))
        {
            command.Parameters.AddWithValue("$story", storyId);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                sources.Add((NullableString(reader, 0), reader.GetString(1).Split(',')));
            }
        }

        var quotes = new List<StoryQuote>();
        using (var command = Command("""
            SELECT q.speaker, a.external_id, o.name, q.text, q.direct FROM article_quotes q
            JOIN story_articles s ON s.article_id = q.article_id JOIN articles a ON a.id = q.article_id
            LEFT JOIN outlets o ON o.id = a.outlet_id WHERE s.story_id = $story
            ORDER BY a.published_utc IS NULL, a.published_utc, a.id, q.start;
            """))
        {
            command.Parameters.AddWithValue("$story", storyId);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                quotes.Add(new StoryQuote(NullableString(reader, 0), reader.GetString(1), NullableString(reader, 2), reader.GetString(3), reader.GetInt64(4) != 0));
            }
        }

        return new StoryDetails(MergeShortNames(rows), sources, quotes);
    }

    /// <summary>
    /// Links mentions across a story's articles as the recogniser links them within one: a name that is
    /// the last word(s) of exactly one longer name of the same type ("Bannon", "Steve Bannon") is counted as it.
    /// </summary>
    private static List<(Analysis.Entities.EntityType Type, string Name, int Articles, int Mentions)> MergeShortNames(
        List<(Analysis.Entities.EntityType Type, string Name, long Article, int Mentions)> rows)
    {
        var names = rows.Select(r => (r.Type, r.Name)).Distinct().ToList();
        var merged = new Dictionary<(Analysis.Entities.EntityType, string), (HashSet<long> Articles, int Mentions)>();
        foreach (var (type, name, article, mentions) in rows)
        {
            var longer = names.Where(n => n.Type == type && n.Name.EndsWith(" " + name, StringComparison.Ordinal)).Select(n => n.Name).ToList();
            var key = (type, longer.Count == 1 ? longer[0] : name);
            if (!merged.TryGetValue(key, out var entry))
            {
                entry = ([], 0);
            }

            entry.Articles.Add(article);
            merged[key] = (entry.Articles, entry.Mentions + mentions);
        }

        return [.. merged.Select(m => (m.Key.Item1, m.Key.Item2, m.Value.Articles.Count, m.Value.Mentions))
            .OrderByDescending(e => e.Item3).ThenByDescending(e => e.Item4).ThenBy(e => e.Item2, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public StoreCounts Counts() => new(
        Convert.ToInt64(Scalar("SELECT count(*) FROM articles;"), CultureInfo.InvariantCulture),
        Convert.ToInt64(Scalar("SELECT count(*) FROM stories;"), CultureInfo.InvariantCulture),
        Convert.ToInt64(Scalar("SELECT count(*) FROM outlets;"), CultureInfo.InvariantCulture));

    private List<StorySummary> QueryStories(string sql, params (string Name, object Value)[] parameters)
    {
        var stories = new List<(long Id, string? Title)>();
        using (var command = Command(sql))
        {
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                stories.Add((reader.GetInt64(0), NullableString(reader, 1)));
            }
        }

        using var members = Command("""
            SELECT a.id, a.external_id, o.name, a.title, a.published, a.url, a.source, a.copy_of, c.external_id,
                   (SELECT json_group_array(json_array(x.outlet, x.url, x.external_id)) FROM article_aliases x WHERE x.article_id = a.id),
                   a.syndication_origin
            FROM story_articles s
            JOIN articles a ON a.id = s.article_id LEFT JOIN outlets o ON o.id = a.outlet_id LEFT JOIN articles c ON c.id = a.copy_of
            WHERE s.story_id = $story
            ORDER BY a.published_utc IS NULL, a.published_utc, a.id;
            """);
        var storyParameter = members.Parameters.Add("$story", SqliteType.Integer);
        var result = new List<StorySummary>(stories.Count);
        foreach (var (id, title) in stories)
        {
            storyParameter.Value = id;
            var articles = new List<StoredArticle>();
            using (var reader = members.ExecuteReader())
            {
                while (reader.Read())
                {
                    articles.Add(new StoredArticle(reader.GetInt64(0), reader.GetString(1), NullableString(reader, 2), NullableString(reader, 3),
                        NullableString(reader, 4), NullableString(reader, 5), reader.GetString(6))
                    {
                        CopyOfId = reader.IsDBNull(7) ? null : reader.GetInt64(7),
                        CopyOf = NullableString(reader, 8),
                        AlsoAt = Aliases(reader.GetString(9)),
                        SyndicationOrigin = NullableString(reader, 10),
                    });
                }
            }

            // Times at the precision the sources gave: a date-only article does not become midnight UTC.
            var dated = articles.Where(a => a.Published is not null).ToList();
            result.Add(new StorySummary(id, title, dated.FirstOrDefault()?.Published, dated.LastOrDefault()?.Published, articles));
        }

        return result;
    }

    private static List<(string? Outlet, string? Url, string ExternalId)> Aliases(string json)
    {
        var aliases = new List<(string?, string?, string)>();
        using var document = System.Text.Json.JsonDocument.Parse(json);
        foreach (var row in document.RootElement.EnumerateArray())
        {
            aliases.Add((row[0].GetString(), row[1].GetString(), row[2].GetString() ?? string.Empty));
        }

        return aliases;
    }

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
