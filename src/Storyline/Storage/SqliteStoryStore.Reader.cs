using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Storyline.Storage;

/// <summary>The reader's queries (<see cref="IStoryReader"/>): browsing, one article, outlets and people.</summary>
public sealed partial class SqliteStoryStore : IStoryReader
{
    /// <inheritdoc />
    public IReadOnlyList<StorySummary> BrowseStories(StoryQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        // The query language of search (words, phrases, AND/OR/NOT, prefix*, title:), made safe for FTS5 the same way.
        var text = string.IsNullOrWhiteSpace(query.Text) ? null : SearchQuery.ToFts(query.Text);
        var sql = $"""
            SELECT st.id, st.title FROM stories st
            WHERE ($before IS NULL OR st.last_updated < $before)
              AND ($from IS NULL OR st.last_updated >= $from)
              AND ($to IS NULL OR st.first_seen <= $to)
              AND ($outlet IS NULL OR st.id IN (SELECT s.story_id FROM story_articles s JOIN articles a ON a.id = s.article_id
                                               JOIN outlets o ON o.id = a.outlet_id WHERE o.name = $outlet))
              AND ($person IS NULL OR st.id IN (SELECT s.story_id FROM article_names n JOIN story_articles s ON s.article_id = n.article_id
                                               WHERE n.canonical = $person AND n.type = 'PER'))
              {(text is null ? string.Empty : "AND st.id IN (SELECT s.story_id FROM articles_fts f JOIN story_articles s ON s.article_id = f.rowid WHERE articles_fts MATCH $text)")}
            ORDER BY st.last_updated IS NULL, st.last_updated DESC, st.id DESC LIMIT $limit OFFSET $offset;
            """;
        var parameters = new List<(string, object)>
        {
            ("$before", Db(query.Before)),
            ("$from", Db(query.From)),
            ("$to", query.To is { Length: 10 } date ? date + "T23:59:59.9999999Z" : Db(query.To)),
            ("$outlet", Db(query.Outlet)),
            ("$person", Db(query.Person)),
            ("$limit", Math.Max(0, query.Limit)),
            ("$offset", Math.Max(0, query.Offset)),
        };
        if (text is not null)
        {
            parameters.Add(("$text", text));
        }

        try
        {
            return QueryStories(sql, [.. parameters]);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 1)
        {
            throw new StoreException($"invalid search query '{text}': {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<string> MainPeople(long storyId, int limit)
    {
        using var command = Command("""
            SELECT n.canonical FROM article_names n JOIN story_articles s ON s.article_id = n.article_id
            WHERE s.story_id = $story AND n.type = 'PER'
            GROUP BY n.canonical ORDER BY count(*) DESC, sum(n.mentions) DESC, n.canonical LIMIT $limit;
            """);
        command.Parameters.AddWithValue("$story", storyId);
        command.Parameters.AddWithValue("$limit", limit);
        return ReadStrings(command);
    }

    /// <inheritdoc />
    public ArticleDetail? GetArticle(string externalId, string? outlet = null)
    {
        ArgumentNullException.ThrowIfNull(externalId);
        StoredArticle article;
        long? storyId;
        string text;
        IReadOnlyList<string> authors;
        using (var command = Command("""
            SELECT a.id, a.external_id, o.name, a.title, a.published, a.url, a.source, a.copy_of, c.external_id, a.syndication_origin,
                   a.text, a.authors, s.story_id
            FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id LEFT JOIN articles c ON c.id = a.copy_of
            LEFT JOIN story_articles s ON s.article_id = a.id
            WHERE a.external_id = $external AND ($outlet IS NULL OR o.name = $outlet) ORDER BY a.id LIMIT 1;
            """))
        {
            command.Parameters.AddWithValue("$external", externalId);
            command.Parameters.AddWithValue("$outlet", Db(outlet));
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }

            article = new StoredArticle(reader.GetInt64(0), reader.GetString(1), NullableString(reader, 2), NullableString(reader, 3),
                NullableString(reader, 4), NullableString(reader, 5), reader.GetString(6))
            {
                CopyOfId = reader.IsDBNull(7) ? null : reader.GetInt64(7),
                CopyOf = NullableString(reader, 8),
                SyndicationOrigin = NullableString(reader, 9),
            };
            text = reader.GetString(10);
            authors = ParseAuthors(reader.GetString(11));
            storyId = reader.IsDBNull(12) ? null : reader.GetInt64(12);
        }

        return new ArticleDetail(article, storyId, text, authors, ReadNames(article.Id), ReadQuoteSpans(article.Id), ReadSources(article.Id));
    }

    private static List<string> ParseAuthors(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, StorageJson.Default.IReadOnlyListString) is { } list ? [.. list] : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private List<NameMention> ReadNames(long articleId)
    {
        using var command = Command("SELECT type, canonical, spans FROM article_names WHERE article_id = $id;");
        command.Parameters.AddWithValue("$id", articleId);
        using var reader = command.ExecuteReader();
        var names = new List<NameMention>();
        while (reader.Read())
        {
            var spans = reader.GetValue(2) is byte[] bytes ? Encoding.UTF8.GetString(bytes) : reader.GetString(2);
            foreach (var span in spans.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var dash = span.IndexOf('-', StringComparison.Ordinal);
                if (dash > 0 && int.TryParse(span.AsSpan(0, dash), CultureInfo.InvariantCulture, out var start)
                    && int.TryParse(span.AsSpan(dash + 1), CultureInfo.InvariantCulture, out var end))
                {
                    names.Add(new NameMention(reader.GetString(0), reader.GetString(1), start, end));
                }
            }
        }

        names.Sort((a, b) => a.Start.CompareTo(b.Start));
        return names;
    }

    private List<QuoteSpan> ReadQuoteSpans(long articleId)
    {
        using var command = Command("SELECT speaker, direct, start, \"end\" FROM article_quotes WHERE article_id = $id ORDER BY start;");
        command.Parameters.AddWithValue("$id", articleId);
        using var reader = command.ExecuteReader();
        var quotes = new List<QuoteSpan>();
        while (reader.Read())
        {
            quotes.Add(new QuoteSpan(NullableString(reader, 0), reader.GetInt64(1) != 0, reader.GetInt32(2), reader.GetInt32(3)));
        }

        return quotes;
    }

    private List<string> ReadSources(long articleId)
    {
        using var command = Command("SELECT DISTINCT name FROM article_sources WHERE article_id = $id ORDER BY name;");
        command.Parameters.AddWithValue("$id", articleId);
        return ReadStrings(command);
    }

    /// <inheritdoc />
    public OutletProfile? GetOutlet(string name, int limit)
    {
        ArgumentNullException.ThrowIfNull(name);
        long outletId;
        long count;
        using (var command = Command("SELECT o.id, (SELECT count(*) FROM articles a WHERE a.outlet_id = o.id) FROM outlets o WHERE o.name = $name;"))
        {
            command.Parameters.AddWithValue("$name", name);
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }

            (outletId, count) = (reader.GetInt64(0), reader.GetInt64(1));
        }

        var articles = new List<(StoredArticle, long?)>();
        using (var command = Command("""
            SELECT a.id, a.external_id, a.title, a.published, a.url, a.source, s.story_id FROM articles a
            LEFT JOIN story_articles s ON s.article_id = a.id WHERE a.outlet_id = $outlet
            ORDER BY a.published_utc IS NULL, a.published_utc DESC, a.id DESC LIMIT $limit;
            """))
        {
            command.Parameters.AddWithValue("$outlet", outletId);
            command.Parameters.AddWithValue("$limit", limit);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                articles.Add((new StoredArticle(reader.GetInt64(0), reader.GetString(1), name, NullableString(reader, 2), NullableString(reader, 3),
                    NullableString(reader, 4), reader.GetString(5)), reader.IsDBNull(6) ? null : reader.GetInt64(6)));
            }
        }

        var sources = CountedStrings("""
            SELECT c.name, count(*) FROM article_sources c JOIN articles a ON a.id = c.article_id WHERE a.outlet_id = $outlet
            GROUP BY c.name ORDER BY 2 DESC, 1 LIMIT 20;
            """, outletId);
        var shared = CountedStrings("""
            SELECT o2.name, count(DISTINCT s.story_id) FROM articles a JOIN story_articles s ON s.article_id = a.id
            JOIN story_articles s2 ON s2.story_id = s.story_id JOIN articles a2 ON a2.id = s2.article_id JOIN outlets o2 ON o2.id = a2.outlet_id
            WHERE a.outlet_id = $outlet AND a2.outlet_id <> $outlet GROUP BY o2.name ORDER BY 2 DESC, 1 LIMIT 10;
            """, outletId);
        return new OutletProfile(name, count, articles, sources, shared);
    }

    private List<(string, int)> CountedStrings(string sql, long outletId)
    {
        using var command = Command(sql);
        command.Parameters.AddWithValue("$outlet", outletId);
        using var reader = command.ExecuteReader();
        var rows = new List<(string, int)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetInt32(1)));
        }

        return rows;
    }

    /// <inheritdoc />
    public PersonProfile? GetPerson(string name, int limit)
    {
        ArgumentNullException.ThrowIfNull(name);
        var stories = BrowseStories(new StoryQuery(limit, Person: name));
        var quotes = new List<StoryQuote>();
        using (var command = Command("""
            SELECT q.speaker, a.external_id, o.name, q.text, q.direct FROM article_quotes q JOIN articles a ON a.id = q.article_id
            LEFT JOIN outlets o ON o.id = a.outlet_id WHERE q.speaker = $name
            ORDER BY a.published_utc IS NULL, a.published_utc DESC, a.id DESC, q.start LIMIT $limit;
            """))
        {
            command.Parameters.AddWithValue("$name", name);
            command.Parameters.AddWithValue("$limit", limit);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                quotes.Add(new StoryQuote(NullableString(reader, 0), reader.GetString(1), NullableString(reader, 2), reader.GetString(3), reader.GetInt64(4) != 0));
            }
        }

        return stories.Count == 0 && quotes.Count == 0 ? null : new PersonProfile(name, stories, quotes);
    }

    /// <inheritdoc />
    public bool OutletExists(string name)
    {
        using var command = Command("SELECT EXISTS (SELECT 1 FROM outlets o WHERE o.name = $name COLLATE NOCASE AND EXISTS (SELECT 1 FROM articles a WHERE a.outlet_id = o.id));");
        command.Parameters.AddWithValue("$name", name);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) != 0;
    }

    /// <inheritdoc />
    public string StoriesFingerprint() => Convert.ToString(Scalar("""
        SELECT (SELECT coalesce(max(id), 0) || '/' || count(*) FROM articles) || ':' ||
               (SELECT count(*) || '/' || coalesce(total((story_id * 1000003 + article_id) % 2147483647), 0) FROM story_articles) || ':' ||
               (SELECT count(*) || '/' || coalesce(max(last_updated), '') || '/' || coalesce(total(length(title)), 0) FROM stories) || ':' ||
               (SELECT count(*) || '/' || coalesce(total(copy_of), 0) FROM articles WHERE copy_of IS NOT NULL);
        """), CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>
    /// SQLite's <c>PRAGMA data_version</c> of this store's connection: it changes when another connection commits, so a
    /// watcher polls this (free) and computes <see cref="StoriesFingerprint"/> only then.
    /// </summary>
    public long DataVersion() => Convert.ToInt64(Scalar("PRAGMA data_version;"), CultureInfo.InvariantCulture);

    private static List<string> ReadStrings(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
